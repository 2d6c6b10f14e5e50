import { createLogger } from '#lib/logger';
import { createMetrics } from '#lib/metrics/create-metrics';
import { createPrismaClient } from '#lib/prisma';
import { createProducer } from '#lib/queue/create-producer';
import { JobName, QueueName } from '#lib/queue/queue-names';
import { startWorker } from '#lib/queue/start-worker';
import { databaseReadiness } from '#lib/subgraph/database-readiness';
import { serveWorkerProcess } from '#lib/worker/serve-worker-process';
import { PrismaClient } from '../generated/prisma/client.ts';
import { createHttpPaymentProvider } from '../http-payment-provider.ts';
import { cancelPaymentProcessor, chargeProcessor } from './charge.ts';
import { loadPaymentsWorkerConfig } from './config.ts';

const config = loadPaymentsWorkerConfig(process.env);
const logger = createLogger({ name: 'payments-worker', level: config.logLevel });
const metrics = createMetrics('payments-worker');
const prisma = createPrismaClient(PrismaClient, config.database, { logger, metrics });
const provider = createHttpPaymentProvider(config.gateway);
const saga = createProducer(QueueName.OrdersSaga, config.queues, logger);
const worker = startWorker({
  metrics,
  queue: QueueName.Payments,
  settings: config.queues,
  concurrency: config.concurrency,
  logger,
  processors: {
    [JobName.Charge]: chargeProcessor({ prisma, provider, saga }),
    [JobName.CancelPayment]: cancelPaymentProcessor(prisma),
  },
});
await serveWorkerProcess({
  metrics,
  logger,
  host: config.host,
  port: config.port,
  readiness: databaseReadiness(prisma),
  shutdown: [worker.close, saga.close, () => prisma.$disconnect()],
});
