import { createLogger } from '#lib/logger';
import { createMetrics } from '#lib/metrics/create-metrics';
import { createPrismaClient } from '#lib/prisma';
import { JobName, QueueName } from '#lib/queue/queue-names';
import { startWorker } from '#lib/queue/start-worker';
import { databaseReadiness } from '#lib/subgraph/database-readiness';
import { serveWorkerProcess } from '#lib/worker/serve-worker-process';
import { PrismaClient } from '../generated/prisma/client.ts';
import { createDeliveryChannel } from '../channels/create-delivery-channel.ts';
import { cacheRecipients } from '../cached-recipient-lookup.ts';
import { createAccountsRecipientLookup } from '../recipient-lookup.ts';
import { loadNotificationsWorkerConfig } from './config.ts';
import { orderConfirmedProcessor, orderFailedProcessor } from './notify-order.ts';

const config = loadNotificationsWorkerConfig(process.env);
const logger = createLogger({ name: 'notifications-worker', level: config.logLevel });
const metrics = createMetrics('notifications-worker');
const prisma = createPrismaClient(PrismaClient, config.database, { logger, metrics });
const channel = createDeliveryChannel(config.delivery);
const accountsLookup = createAccountsRecipientLookup({
  accountsUrl: config.accountsUrl,
  routerSigningSecret: config.routerSigningSecret,
  timeoutMs: 5_000,
});
const recipients = config.recipientCacheMs ? cacheRecipients(accountsLookup, config.recipientCacheMs) : accountsLookup;
const deps = { prisma, channel, recipients };
const worker = startWorker({
  metrics,
  queue: QueueName.NotificationsEmail,
  settings: config.queues,
  concurrency: config.concurrency,
  logger,
  limiter: config.emailRateLimit,
  processors: {
    [JobName.OrderConfirmed]: orderConfirmedProcessor(deps),
    [JobName.OrderFailed]: orderFailedProcessor(deps),
  },
});
await serveWorkerProcess({
  metrics,
  logger,
  host: config.host,
  port: config.port,
  readiness: databaseReadiness(prisma),
  shutdown: [worker.close, async () => channel.close(), () => prisma.$disconnect()],
});
