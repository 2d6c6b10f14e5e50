import { z } from 'zod';

/**
 * How much traffic used each schema element, as the router writes it and `npm run schema:check
 * -- --usage <file>` reads it: per element (GraphQL Inspector's path notation, `Product.price`,
 * `Query.products.first`), the number of requests whose operation used it.
 */
const usageSnapshotSchema = z.object({
  format: z.literal('field-usage-snapshot'),
  version: z.literal(1),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  requests: z.number().int().min(0),
  counts: z.record(z.string(), z.number().int().min(0)),
});

export type UsageSnapshot = z.infer<typeof usageSnapshotSchema>;

export function parseUsageSnapshot(text: string, source: string): UsageSnapshot {
  const result = usageSnapshotSchema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`usage snapshot ${source}: ${z.prettifyError(result.error)}`);
  return result.data;
}
