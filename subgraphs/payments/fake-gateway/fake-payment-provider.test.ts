import { describe, expect, it } from 'vitest';
import { FakePaymentProvider } from './fake-payment-provider.ts';
import { PaymentProviderRejectedError, PaymentProviderUnavailableError } from '../payment-provider.ts';

const reliable = (overrides = {}) =>
  new FakePaymentProvider({ declineRate: 0, latencyMs: 0, transientFailureRate: 0, ...overrides });

async function authorized(provider: FakePaymentProvider, key = 'k1', amount = 1000) {
  const result = await provider.authorize({ idempotencyKey: key, amount, currency: 'USD' });
  if (result.status !== 'AUTHORIZED') throw new Error('expected an authorisation');
  return result.authorizationId;
}

describe('FakePaymentProvider', () => {
  it('answers a repeated authorisation key with the first answer', async () => {
    const provider = reliable();
    expect(await authorized(provider, 'same')).toBe(await authorized(provider, 'same'));
    expect(await authorized(provider, 'other')).not.toBe(await authorized(provider, 'same'));
  });

  it('captures an authorisation once, whether the capture is retried with its key or another', async () => {
    const provider = reliable();
    const authorizationId = await authorized(provider);
    const first = await provider.capture({ idempotencyKey: 'c1', authorizationId });
    const retried = await provider.capture({ idempotencyKey: 'c1', authorizationId });
    const otherKey = await provider.capture({ idempotencyKey: 'c2', authorizationId });
    expect(retried).toEqual(first);
    expect(otherKey).toEqual(first);
    expect(provider.captures).toHaveLength(1);
    expect(provider.captures[0]).toMatchObject({ authorizationId, amount: 1000 });
  });

  it('refunds a capture once: a repeated key gets the first answer, another key is refused', async () => {
    const provider = reliable();
    const { captureId } = await provider.capture({ idempotencyKey: 'c1', authorizationId: await authorized(provider) });
    const first = await provider.refund({ idempotencyKey: 'r1', captureId });
    expect(await provider.refund({ idempotencyKey: 'r1', captureId })).toEqual(first);
    await expect(provider.refund({ idempotencyKey: 'r2', captureId })).rejects.toBeInstanceOf(
      PaymentProviderRejectedError,
    );
    await expect(provider.refund({ idempotencyKey: 'r3', captureId: 'cap_unknown' })).rejects.toBeInstanceOf(
      PaymentProviderRejectedError,
    );
    expect(provider.refunds).toEqual([{ refundId: first.refundId, captureId, idempotencyKey: 'r1', amount: 1000 }]);
  });

  it('always declines amounts ending in 02, and declines at random at the configured rate', async () => {
    expect(await reliable().authorize({ idempotencyKey: 'a', amount: 1002, currency: 'USD' })).toEqual({
      status: 'DECLINED',
      reason: 'card_declined',
    });
    const alwaysDeclines = reliable({ declineRate: 1 });
    expect(await alwaysDeclines.authorize({ idempotencyKey: 'b', amount: 1000, currency: 'USD' })).toMatchObject({
      status: 'DECLINED',
    });
    const rolls = [0.9, 0.1];
    const halfDeclines = reliable({ declineRate: 0.5, random: () => rolls.shift() ?? 0.9 });
    // The first roll of each call decides transient failures (rate 0), the second the decline.
    expect(await halfDeclines.authorize({ idempotencyKey: 'c', amount: 1000, currency: 'USD' })).toMatchObject({
      status: 'DECLINED',
    });
  });

  it('fails the first authorisation of an amount ending in 03 temporarily, then succeeds for the same key', async () => {
    const provider = reliable();
    const request = { idempotencyKey: 'flaky', amount: 1003, currency: 'USD' };
    await expect(provider.authorize(request)).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    expect(await provider.authorize(request)).toMatchObject({ status: 'AUTHORIZED' });
  });

  it('can lose the answer after the effect, and the retry with the same key does not repeat the effect', async () => {
    const provider = reliable();
    const authorizationId = await authorized(provider);
    provider.failNext('after');
    await expect(provider.capture({ idempotencyKey: 'c', authorizationId })).rejects.toBeInstanceOf(
      PaymentProviderUnavailableError,
    );
    expect(provider.captures).toHaveLength(1);
    await provider.capture({ idempotencyKey: 'c', authorizationId });
    expect(provider.captures).toHaveLength(1);
  });

  it('fails before the effect at the configured transient failure rate', async () => {
    const provider = reliable({ transientFailureRate: 1 });
    await expect(provider.authorize({ idempotencyKey: 'x', amount: 1000, currency: 'USD' })).rejects.toBeInstanceOf(
      PaymentProviderUnavailableError,
    );
  });

  it('refuses to capture an unknown or voided authorisation', async () => {
    const provider = reliable();
    await expect(provider.capture({ idempotencyKey: 'c', authorizationId: 'nope' })).rejects.toBeInstanceOf(
      PaymentProviderRejectedError,
    );
    const authorizationId = await authorized(provider);
    await provider.void({ idempotencyKey: 'v', authorizationId });
    await expect(provider.capture({ idempotencyKey: 'c', authorizationId })).rejects.toBeInstanceOf(
      PaymentProviderRejectedError,
    );
    expect(provider.captures).toHaveLength(0);
  });

  it('waits the configured latency before answering', async () => {
    const provider = reliable({ latencyMs: 50 });
    const started = performance.now();
    await authorized(provider);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });
});
