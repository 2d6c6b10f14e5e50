import { createLogger } from '#lib/logger';
import { createMetrics } from '#lib/metrics/create-metrics';
import { createPrismaClient } from '#lib/prisma';
import { JobName, QueueName } from '#lib/queue/queue-names';
import { startWorker } from '#lib/queue/start-worker';
import { databaseReadiness } from '#lib/subgraph/database-readiness';
import { serveWorkerProcess } from '#lib/worker/serve-worker-process';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyAvailability } from './apply-availability.ts';
import { loadCatalogWorkerConfig } from './config.ts';

const config = loadCatalogWorkerConfig(process.env);
const logger = createLogger({ name: 'catalog-worker', level: config.logLevel });
const metrics = createMetrics('catalog-worker');
const prisma = createPrismaClient(PrismaClient, config.database, { logger, metrics });
const worker = startWorker({
  metrics,
  queue: QueueName.CatalogAvailability,
  settings: config.queues,
  concurrency: config.concurrency,
  logger,
  processors: {
    [JobName.StockAvailabilityChanged]: async (change) => {
      const applied = await applyAvailability(prisma, change);
      logger.debug({ ...change, applied }, applied ? 'availability updated' : 'availability event older; ignored');
    },
  },
});
await serveWorkerProcess({
  metrics,
  logger,
  host: config.host,
  port: config.port,
  readiness: databaseReadiness(prisma),
  shutdown: [worker.close, () => prisma.$disconnect()],
});
