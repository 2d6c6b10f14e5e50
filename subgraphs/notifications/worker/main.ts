import { JobName, QueueName } from '#lib/queue/queue-names';
import { startDomainWorker } from '#lib/worker/start-domain-worker';
import { PrismaClient } from '../generated/prisma/client.ts';
import { createDeliveryChannel } from '../channels/create-delivery-channel.ts';
import { cacheRecipients } from '../cached-recipient-lookup.ts';
import { createAccountsRecipientLookup } from '../recipient-lookup.ts';
import { loadNotificationsWorkerConfig } from './config.ts';
import {
  orderCancelledProcessor,
  orderConfirmedProcessor,
  orderFailedProcessor,
  orderShippedProcessor,
} from './notify-order.ts';

const config = loadNotificationsWorkerConfig(process.env);
const channel = createDeliveryChannel(config.delivery);
const accountsLookup = createAccountsRecipientLookup({
  accountsUrl: config.accountsUrl,
  routerSigningSecret: config.routerSigningSecret,
  timeoutMs: config.accountsTimeoutMs,
  breaker: config.accountsBreaker,
});
const recipients = config.recipientCacheMs ? cacheRecipients(accountsLookup, config.recipientCacheMs) : accountsLookup;

await startDomainWorker({
  name: 'notifications-worker',
  config,
  PrismaClient,
  queue: QueueName.NotificationsEmail,
  produces: {},
  limiter: config.emailRateLimit,
  processors: ({ prisma }) => ({
    [JobName.OrderConfirmed]: orderConfirmedProcessor({ prisma, channel, recipients }),
    [JobName.OrderFailed]: orderFailedProcessor({ prisma, channel, recipients }),
    [JobName.NotifyOrderCancelled]: orderCancelledProcessor({ prisma, channel, recipients }),
    [JobName.NotifyOrderShipped]: orderShippedProcessor({ prisma, channel, recipients }),
  }),
  extras: () => ({ stop: [async () => channel.close()] }),
});
