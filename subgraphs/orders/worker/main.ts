import { createTokenVerifier } from '#lib/auth/tokens';
import { createQueueAdmin } from '#lib/queue/queue-admin';
import { QueueName } from '#lib/queue/queue-names';
import { startDomainWorker } from '#lib/worker/start-domain-worker';
import { PrismaClient } from '../generated/prisma/client.ts';
import { loadOrdersWorkerConfig } from './config.ts';
import { listenForOutboxEvents } from './outbox-listener.ts';
import { startOutboxRelay } from './outbox-relay.ts';
import { startOutboxPruner } from './outbox-retention.ts';
import { publishOutboxEvents } from './publish-outbox-event.ts';
import { mountQueueDashboard } from './queue-dashboard.ts';
import { sagaProcessors } from './saga-processors.ts';

const config = loadOrdersWorkerConfig(process.env);

await startDomainWorker({
  name: 'orders-worker',
  config,
  PrismaClient,
  queue: QueueName.OrdersSaga,
  produces: {
    saga: QueueName.OrdersSaga,
    inventory: QueueName.Inventory,
    payments: QueueName.Payments,
    notifications: QueueName.NotificationsEmail,
  },
  processors: ({ prisma, producers, logger }) => sagaProcessors({ prisma, ...producers, logger }),
  extras: ({ prisma, producers, logger }) => {
    // The relay turns the outbox table's events into checkout commands and saga events, as soon
    // as the database notifies a new event.
    const relay = startOutboxRelay({
      prisma,
      publish: publishOutboxEvents(producers),
      logger,
      ...config.outbox,
    });
    const listener = listenForOutboxEvents({
      url: config.database.url,
      wake: relay.wake,
      logger,
      retryMs: config.outbox.maxBackoffMs,
    });
    // Published events are deleted once past their retention, by every replica (SKIP LOCKED batches).
    const pruner = startOutboxPruner({ prisma, logger, ...config.outboxRetention });
    const dashboardQueues = createQueueAdmin(config.queues, logger);
    return {
      mount: (app) => mountQueueDashboard(app, dashboardQueues.queues, createTokenVerifier(config.tokens)),
      stop: [listener.close, relay.stop, pruner.stop, dashboardQueues.close],
    };
  },
});
