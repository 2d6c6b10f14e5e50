import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadWorkerConfig } from '#lib/worker/worker-config';
import { FAKE_PAYMENT_GATEWAY, subgraphEntry, workerEntry } from '#system/topology';

/** The payments worker's settings, read once at start-up. */
export function loadPaymentsWorkerConfig(env: Record<string, string | undefined>) {
  const own = parseEnv(
    z.object({
      PAYMENT_GATEWAY_URL: z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
        .default(`http://127.0.0.1:${FAKE_PAYMENT_GATEWAY.defaultPort}`),
      PAYMENT_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    }),
    env,
  );
  return {
    ...loadWorkerConfig(subgraphEntry('payments'), workerEntry('payments'), env),
    gateway: { url: own.PAYMENT_GATEWAY_URL.replace(/\/$/, ''), timeoutMs: own.PAYMENT_GATEWAY_TIMEOUT_MS },
  };
}
