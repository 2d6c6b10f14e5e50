import { createTokenVerifier } from '#lib/auth/tokens';
import { createLogger } from '#lib/logger';
import { createMetrics } from '#lib/metrics/create-metrics';
import { createPrismaClient } from '#lib/prisma';
import { createProducer } from '#lib/queue/create-producer';
import { createQueueAdmin } from '#lib/queue/queue-admin';
import { QueueName } from '#lib/queue/queue-names';
import { startWorker } from '#lib/queue/start-worker';
import { databaseReadiness } from '#lib/subgraph/database-readiness';
import { serveWorkerProcess } from '#lib/worker/serve-worker-process';
import { PrismaClient } from '../generated/prisma/client.ts';
import { loadOrdersWorkerConfig } from './config.ts';
import { startOutboxRelay } from './outbox-relay.ts';
import { listenForOutboxEvents } from './outbox-listener.ts';
import { publishOutboxEvents } from './publish-outbox-event.ts';
import { mountQueueDashboard } from './queue-dashboard.ts';
import { sagaProcessors } from './saga-processors.ts';

const config = loadOrdersWorkerConfig(process.env);
const logger = createLogger({ name: 'orders-worker', level: config.logLevel });
const metrics = createMetrics('orders-worker');
const prisma = createPrismaClient(PrismaClient, config.database, { logger, metrics });
const producers = {
  saga: createProducer(QueueName.OrdersSaga, config.queues, logger),
  inventory: createProducer(QueueName.Inventory, config.queues, logger),
  payments: createProducer(QueueName.Payments, config.queues, logger),
  notifications: createProducer(QueueName.NotificationsEmail, config.queues, logger),
};
const dashboardQueues = createQueueAdmin(config.queues, logger);
const relay = startOutboxRelay({ prisma, publish: publishOutboxEvents(producers.inventory), logger, ...config.outbox });
const listener = listenForOutboxEvents({
  url: config.database.url,
  wake: relay.wake,
  logger,
  retryMs: config.outbox.maxBackoffMs,
});
const worker = startWorker({
  metrics,
  queue: QueueName.OrdersSaga,
  settings: config.queues,
  concurrency: config.concurrency,
  logger,
  processors: sagaProcessors({ prisma, ...producers, logger }),
});
await serveWorkerProcess({
  metrics,
  logger,
  host: config.host,
  port: config.port,
  readiness: databaseReadiness(prisma),
  mount: (app) => mountQueueDashboard(app, dashboardQueues.queues, createTokenVerifier(config.tokens)),
  shutdown: [
    listener.close,
    relay.stop,
    worker.close,
    ...Object.values(producers).map((producer) => producer.close),
    dashboardQueues.close,
    () => prisma.$disconnect(),
  ],
});
