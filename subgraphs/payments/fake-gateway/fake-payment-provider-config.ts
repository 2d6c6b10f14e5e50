import { z } from 'zod';
import { parseEnv } from '#lib/config';
import type { FakePaymentProviderOptions } from './fake-payment-provider.ts';

const rate = z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(0);

/**
 * The fake provider's behaviour from the environment, checked at start-up by every process that
 * charges (or may charge) cards: PAYMENT_FAKE_DECLINE_RATE and PAYMENT_FAKE_TRANSIENT_FAILURE_RATE
 * (0 to 1) and PAYMENT_FAKE_LATENCY_MS (0 to 60,000).
 */
export function loadFakePaymentProviderOptions(env: Record<string, string | undefined>): FakePaymentProviderOptions {
  const parsed = parseEnv(
    z.object({
      PAYMENT_FAKE_DECLINE_RATE: rate,
      PAYMENT_FAKE_TRANSIENT_FAILURE_RATE: rate,
      PAYMENT_FAKE_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    }),
    env,
  );
  return {
    declineRate: parsed.PAYMENT_FAKE_DECLINE_RATE,
    transientFailureRate: parsed.PAYMENT_FAKE_TRANSIENT_FAILURE_RATE,
    latencyMs: parsed.PAYMENT_FAKE_LATENCY_MS,
  };
}
