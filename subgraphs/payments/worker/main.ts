import { JobName, QueueName } from '#lib/queue/queue-names';
import { startDomainWorker } from '#lib/worker/start-domain-worker';
import { PrismaClient } from '../generated/prisma/client.ts';
import { createHttpPaymentProvider } from '../http-payment-provider.ts';
import { cancelPaymentProcessor, chargeProcessor, refundPaymentProcessor } from './charge.ts';
import { loadPaymentsWorkerConfig } from './config.ts';

const config = loadPaymentsWorkerConfig(process.env);
const provider = createHttpPaymentProvider(config.gateway);

await startDomainWorker({
  name: 'payments-worker',
  config,
  PrismaClient,
  queue: QueueName.Payments,
  produces: { saga: QueueName.OrdersSaga },
  processors: ({ prisma, producers: { saga } }) => ({
    [JobName.Charge]: chargeProcessor({ prisma, provider, saga }),
    [JobName.CancelPayment]: cancelPaymentProcessor(prisma),
    [JobName.RefundPayment]: refundPaymentProcessor({ prisma, provider }),
  }),
});
