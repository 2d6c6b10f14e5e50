import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  PaymentProviderRejectedError,
  PaymentProviderUnavailableError,
  type AuthorizeRequest,
  type AuthorizeResult,
  type CaptureRequest,
  type CaptureResult,
  type PaymentProvider,
  type RefundRequest,
  type RefundResult,
  type VoidRequest,
} from '../payment-provider.ts';

export interface FakePaymentProviderOptions {
  /** Share of authorisations declined at random, 0 to 1. */
  declineRate: number;
  /** Delay before every answer, to make checkouts take realistic time. */
  latencyMs: number;
  /** Share of calls that fail with PaymentProviderUnavailableError before doing anything, 0 to 1. */
  transientFailureRate: number;
  /** Source of randomness, replaceable so tests are deterministic. */
  random?: () => number;
}

/** Amounts whose last two digits (in minor units) are 02 are always declined, like a test card. */
export const ALWAYS_DECLINED_CENTS = 2;
/** Amounts ending in 03 fail the first authorisation of each idempotency key with a temporary error. */
export const FIRST_ATTEMPT_UNAVAILABLE_CENTS = 3;

type Operation = 'authorize' | 'capture' | 'void' | 'refund';

interface InjectedFailure {
  when: 'before' | 'after';
  operation: Operation | 'any';
  remaining: number;
}

interface Authorization {
  amount: number;
  captureId: string | null;
  voided: boolean;
}

/**
 * An in-memory card processor for development, demos and tests. It keeps the promise real
 * providers make: a repeated idempotency key gets the first answer and moves no money again, and
 * an authorisation is captured at most once whatever the keys. Its state lives in this process.
 */
export class FakePaymentProvider implements PaymentProvider {
  private readonly random: () => number;
  private readonly answers = new Map<string, unknown>();
  private readonly authorizations = new Map<string, Authorization>();
  private readonly failedFirstAttempt = new Set<string>();
  private injected: InjectedFailure | null = null;
  /** Money actually taken, one entry per capture; tests assert "captured once" on its length. */
  readonly captures: { captureId: string; authorizationId: string; amount: number }[] = [];
  /** Money actually given back, one entry per refund; a capture is refunded at most once. */
  readonly refunds: { refundId: string; captureId: string; idempotencyKey: string; amount: number }[] = [];

  constructor(private readonly options: FakePaymentProviderOptions) {
    this.random = options.random ?? Math.random;
  }

  /**
   * Makes the next `count` calls (of one operation, or any) fail with
   * PaymentProviderUnavailableError, either before they take effect or after (the effect
   * happened, the answer was lost), to test retries.
   */
  failNext(
    when: 'before' | 'after',
    { operation = 'any', count = 1 }: { operation?: Operation | 'any'; count?: number } = {},
  ) {
    this.injected = { when, operation, remaining: count };
  }

  authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    return this.call('authorize', request.idempotencyKey, () => {
      const cents = request.amount % 100;
      if (cents === FIRST_ATTEMPT_UNAVAILABLE_CENTS && !this.failedFirstAttempt.has(request.idempotencyKey)) {
        this.failedFirstAttempt.add(request.idempotencyKey);
        throw new PaymentProviderUnavailableError('fake provider: first attempt for this amount is unavailable');
      }
      if (cents === ALWAYS_DECLINED_CENTS) return { status: 'DECLINED', reason: 'card_declined' };
      if (this.random() < this.options.declineRate) return { status: 'DECLINED', reason: 'insufficient_funds' };
      const authorizationId = `auth_${randomUUID()}`;
      this.authorizations.set(authorizationId, { amount: request.amount, captureId: null, voided: false });
      return { status: 'AUTHORIZED', authorizationId };
    });
  }

  capture(request: CaptureRequest): Promise<CaptureResult> {
    return this.call('capture', request.idempotencyKey, () => {
      const authorization = this.usableAuthorization(request.authorizationId);
      if (!authorization.captureId) {
        authorization.captureId = `cap_${randomUUID()}`;
        this.captures.push({ ...request, captureId: authorization.captureId, amount: authorization.amount });
      }
      return { captureId: authorization.captureId };
    });
  }

  void(request: VoidRequest): Promise<void> {
    return this.call('void', request.idempotencyKey, () => {
      const authorization = this.usableAuthorization(request.authorizationId);
      if (authorization.captureId) throw new PaymentProviderRejectedError('authorization already captured');
      authorization.voided = true;
    });
  }

  refund(request: RefundRequest): Promise<RefundResult> {
    return this.call('refund', request.idempotencyKey, () => {
      const captured = this.captures.find(({ captureId }) => captureId === request.captureId);
      if (!captured) throw new PaymentProviderRejectedError('unknown capture');
      // Refunds are of the whole amount, so a second one (under another key) would pay out twice.
      if (this.refunds.some(({ captureId }) => captureId === request.captureId)) {
        throw new PaymentProviderRejectedError('capture already refunded');
      }
      const refundId = `ref_${randomUUID()}`;
      this.refunds.push({ ...request, refundId, amount: captured.amount });
      return { refundId };
    });
  }

  private usableAuthorization(authorizationId: string): Authorization {
    const authorization = this.authorizations.get(authorizationId);
    if (!authorization) throw new PaymentProviderRejectedError('unknown authorization');
    if (authorization.voided) throw new PaymentProviderRejectedError('authorization was voided');
    return authorization;
  }

  /** Latency, injected failures, and replay of the first answer for a repeated key. */
  private async call<T>(operation: Operation, idempotencyKey: string, effect: () => T): Promise<T> {
    if (this.options.latencyMs > 0) await sleep(this.options.latencyMs);
    const key = `${operation}:${idempotencyKey}`;
    const failure = this.takeInjectedFailure(operation);
    if (failure === 'before' || this.random() < this.options.transientFailureRate) {
      throw new PaymentProviderUnavailableError('fake provider: temporarily unavailable');
    }
    if (!this.answers.has(key)) this.answers.set(key, effect());
    if (failure === 'after') throw new PaymentProviderUnavailableError('fake provider: answer lost');
    return this.answers.get(key) as T;
  }

  private takeInjectedFailure(operation: Operation): 'before' | 'after' | null {
    const injected = this.injected;
    if (!injected || injected.remaining === 0) return null;
    if (injected.operation !== 'any' && injected.operation !== operation) return null;
    injected.remaining -= 1;
    return injected.when;
  }
}
