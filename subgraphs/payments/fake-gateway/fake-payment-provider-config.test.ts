import { describe, expect, it } from 'vitest';
import { ConfigError } from '#lib/config';
import { loadFakePaymentProviderOptions } from './fake-payment-provider-config.ts';

describe('fake payment provider settings', () => {
  it('default to a provider that always answers at once and never declines at random', () => {
    expect(loadFakePaymentProviderOptions({})).toEqual({ declineRate: 0, transientFailureRate: 0, latencyMs: 0 });
  });

  it('read the rates and latency from the environment', () => {
    expect(
      loadFakePaymentProviderOptions({
        PAYMENT_FAKE_DECLINE_RATE: '0.25',
        PAYMENT_FAKE_TRANSIENT_FAILURE_RATE: '0.1',
        PAYMENT_FAKE_LATENCY_MS: '150',
      }),
    ).toEqual({ declineRate: 0.25, transientFailureRate: 0.1, latencyMs: 150 });
  });

  it.each([
    ['PAYMENT_FAKE_DECLINE_RATE', '1.5'],
    ['PAYMENT_FAKE_DECLINE_RATE', 'often'],
    ['PAYMENT_FAKE_TRANSIENT_FAILURE_RATE', '-0.1'],
    ['PAYMENT_FAKE_LATENCY_MS', '-1'],
    ['PAYMENT_FAKE_LATENCY_MS', '2.5'],
  ])('refuse %s=%s at start-up, naming the variable', (name, value) => {
    expect(() => loadFakePaymentProviderOptions({ [name]: value })).toThrow(ConfigError);
    expect(() => loadFakePaymentProviderOptions({ [name]: value })).toThrow(name);
  });
});
