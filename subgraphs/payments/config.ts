import { loadSubgraphConfig } from '#lib/subgraph/subgraph-config';
import { subgraphEntry } from '#system/topology';
import { loadFakePaymentProviderOptions } from './fake-gateway/fake-payment-provider-config.ts';

/**
 * Reads the payments subgraph's settings from the environment once, at start-up. The subgraph
 * itself only reads payments; the provider settings are validated here too so a deployment with a
 * bad PAYMENT_FAKE_* value fails at once rather than when the first order is charged.
 */
export function loadPaymentsConfig(env: Record<string, string | undefined>) {
  return { ...loadSubgraphConfig(subgraphEntry('payments'), env), fakeProvider: loadFakePaymentProviderOptions(env) };
}

export type PaymentsConfig = ReturnType<typeof loadPaymentsConfig>;
