import { JobName, QueueName } from '#lib/queue/queue-names';
import { startDomainWorker } from '#lib/worker/start-domain-worker';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyAvailability } from './apply-availability.ts';
import { loadCatalogWorkerConfig } from './config.ts';

const config = loadCatalogWorkerConfig(process.env);

await startDomainWorker({
  name: 'catalog-worker',
  config,
  PrismaClient,
  queue: QueueName.CatalogAvailability,
  produces: {},
  processors: ({ prisma, logger }) => ({
    [JobName.StockAvailabilityChanged]: async (change) => {
      const applied = await applyAvailability(prisma, change);
      logger.debug({ ...change, applied }, applied ? 'availability updated' : 'availability event older; ignored');
    },
  }),
});
