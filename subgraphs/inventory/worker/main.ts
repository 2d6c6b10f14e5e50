import { JobName, QueueName } from '#lib/queue/queue-names';
import { startDomainWorker } from '#lib/worker/start-domain-worker';
import { PrismaClient } from '../generated/prisma/client.ts';
import { startAvailabilityRelay } from './availability-relay.ts';
import { loadInventoryWorkerConfig } from './config.ts';
import { expireReservationsProcessor } from './expire-reservations.ts';
import { reserveStockProcessor } from './reserve-stock.ts';
import { commitReservationProcessor, releaseReservationProcessor, returnStockProcessor } from './settle-reservation.ts';

const config = loadInventoryWorkerConfig(process.env);

await startDomainWorker({
  name: 'inventory-worker',
  config,
  PrismaClient,
  queue: QueueName.Inventory,
  produces: { saga: QueueName.OrdersSaga, inventory: QueueName.Inventory, catalog: QueueName.CatalogAvailability },
  processors: ({ prisma, producers: { saga } }) => ({
    [JobName.ReserveStock]: reserveStockProcessor({ prisma, saga, ttlSeconds: config.reservationTtlSeconds }),
    [JobName.CommitReservation]: commitReservationProcessor(prisma),
    [JobName.ReleaseReservation]: releaseReservationProcessor(prisma),
    [JobName.ReturnStock]: returnStockProcessor(prisma),
    [JobName.ExpireReservations]: expireReservationsProcessor({ prisma, saga }),
  }),
  extras: async ({ prisma, logger, producers: { inventory, catalog } }) => {
    // One schedule however many inventory workers run: upserting the same scheduler id is idempotent.
    await inventory.queue.upsertJobScheduler(
      JobName.ExpireReservations,
      { every: config.sweepIntervalMs },
      { name: JobName.ExpireReservations, data: {} },
    );
    // Availability changes, from the StockOutboxEvent table to catalog's queue.
    const relay = startAvailabilityRelay({ prisma, catalog, logger, ...config.stockOutbox });
    return { stop: [relay.stop] };
  },
});
