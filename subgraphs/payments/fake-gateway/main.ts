/**
 * The fake payment gateway: FakePaymentProvider in a process of its own, so its memory of
 * idempotency keys and captures outlives a payments worker that crashes mid-charge, as a real
 * processor's would. Development and tests only; production points PAYMENT_GATEWAY_URL at a real one.
 */
import { z } from 'zod';
import { logLevelSchema, parseEnv, portSchema } from '#lib/config';
import { startOpsServer } from '#lib/http/start-ops-server';
import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { FAKE_PAYMENT_GATEWAY } from '#system/topology';
import { loadFakePaymentProviderOptions } from './fake-payment-provider-config.ts';
import { FakePaymentProvider } from './fake-payment-provider.ts';
import { mountGatewayRoutes } from './gateway-routes.ts';

const env = parseEnv(
  z.object({
    PAYMENT_GATEWAY_PORT: portSchema(FAKE_PAYMENT_GATEWAY.defaultPort),
    HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: logLevelSchema,
  }),
  process.env,
);
const provider = new FakePaymentProvider(loadFakePaymentProviderOptions(process.env));
const logger = createLogger({ name: 'payment-gateway', level: env.LOG_LEVEL });
const server = await startOpsServer({
  logger,
  host: env.HOST,
  port: env.PAYMENT_GATEWAY_PORT,
  readiness: async () => ({ ready: true, checks: {} }),
  mount: (app) => mountGatewayRoutes(app, provider),
});
stopOnSignals(logger, server.stop);
