import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const acceptedSchema = z.object({
  accepted: z.array(
    z.object({
      /** The coordinate as the check prints it, e.g. `Product.price` or `Query.products(first:)`. */
      coordinate: z.string().min(1),
      /** GraphQL Inspector's change type (FIELD_REMOVED...), to accept only that change there. */
      type: z.string().min(1).optional(),
      /** Why breaking it is right: who was told, what replaces it. */
      reason: z.string().trim().min(10, 'say why (10 characters at least)'),
    }),
  ),
});

export type AcceptedChange = z.infer<typeof acceptedSchema>['accepted'][number];

/** The breaking changes accepted on purpose (schema/accepted-changes.json); none when the file is absent. */
export function loadAcceptedChanges(path: string): AcceptedChange[] {
  if (!existsSync(path)) return [];
  const result = acceptedSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`${path}: ${z.prettifyError(result.error)}`);
  return result.data.accepted;
}

/** The entry accepting this change, if any. */
export const acceptanceOf = (
  accepted: readonly AcceptedChange[],
  change: { coordinate: string; type: string },
): AcceptedChange | undefined =>
  accepted.find((entry) => entry.coordinate === change.coordinate && (entry.type ?? change.type) === change.type);
