import { createLogger } from '#lib/logger';
import { createMetrics } from '#lib/metrics/create-metrics';
import { createPrismaClient } from '#lib/prisma';
import { createProducer } from '#lib/queue/create-producer';
import { JobName, QueueName } from '#lib/queue/queue-names';
import { startWorker } from '#lib/queue/start-worker';
import { databaseReadiness } from '#lib/subgraph/database-readiness';
import { serveWorkerProcess } from '#lib/worker/serve-worker-process';
import { PrismaClient } from '../generated/prisma/client.ts';
import { loadInventoryWorkerConfig } from './config.ts';
import { startAvailabilityRelay } from './availability-relay.ts';
import { expireReservationsProcessor } from './expire-reservations.ts';
import { reserveStockProcessor } from './reserve-stock.ts';
import { commitReservationProcessor, releaseReservationProcessor } from './settle-reservation.ts';

const config = loadInventoryWorkerConfig(process.env);
const logger = createLogger({ name: 'inventory-worker', level: config.logLevel });
const metrics = createMetrics('inventory-worker');
const prisma = createPrismaClient(PrismaClient, config.database, { logger, metrics });
const saga = createProducer(QueueName.OrdersSaga, config.queues, logger);
const inventory = createProducer(QueueName.Inventory, config.queues, logger);
const catalog = createProducer(QueueName.CatalogAvailability, config.queues, logger);
// One schedule however many inventory workers run: upserting the same scheduler id is idempotent.
await inventory.queue.upsertJobScheduler(
  JobName.ExpireReservations,
  { every: config.sweepIntervalMs },
  { name: JobName.ExpireReservations, data: {} },
);
const worker = startWorker({
  metrics,
  queue: QueueName.Inventory,
  settings: config.queues,
  concurrency: config.concurrency,
  logger,
  processors: {
    [JobName.ReserveStock]: reserveStockProcessor({ prisma, saga, ttlSeconds: config.reservationTtlSeconds }),
    [JobName.CommitReservation]: commitReservationProcessor(prisma),
    [JobName.ReleaseReservation]: releaseReservationProcessor(prisma),
    [JobName.ExpireReservations]: expireReservationsProcessor({ prisma, saga }),
  },
});
const relay = startAvailabilityRelay({ prisma, catalog, logger, ...config.stockOutbox });
await serveWorkerProcess({
  metrics,
  logger,
  host: config.host,
  port: config.port,
  readiness: databaseReadiness(prisma),
  shutdown: [relay.stop, worker.close, saga.close, inventory.close, catalog.close, () => prisma.$disconnect()],
});
