import { z } from 'zod';
import type { JobDataOf } from '#lib/queue/queue-jobs';
import type { JobName, QueueName } from '#lib/queue/queue-names';
import type { PrismaClient } from '../generated/prisma/client.ts';

type AvailabilityChange = JobDataOf<typeof QueueName.CatalogAvailability, typeof JobName.StockAvailabilityChanged>;

const changeSchema = z.object({
  productId: z.uuid(),
  inStock: z.boolean(),
  available: z.number().int(),
  version: z.string().regex(/^\d{1,19}$/),
});

/**
 * Records a product's availability in catalog's own table, if the event is newer than what is
 * there: one conditional upsert, so a repeated event changes nothing and an older one that
 * arrives late (queues do not keep order across workers and retries) never overwrites a newer
 * one. Returns whether the row changed.
 */
export async function applyAvailability(prisma: PrismaClient, change: AvailabilityChange): Promise<boolean> {
  const { productId, inStock, version } = changeSchema.parse(change);
  const written = await prisma.$executeRaw`
    INSERT INTO "ProductAvailability" ("productId", "inStock", "version", "updatedAt")
    VALUES (${productId}::uuid, ${inStock}, ${version}::bigint, now())
    ON CONFLICT ("productId") DO UPDATE
      SET "inStock" = EXCLUDED."inStock", "version" = EXCLUDED."version", "updatedAt" = now()
      WHERE "ProductAvailability"."version" < EXCLUDED."version"`;
  return written === 1;
}
