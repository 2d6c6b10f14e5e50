import {
  PaymentProviderRejectedError,
  PaymentProviderUnavailableError,
  type AuthorizeResult,
  type CaptureResult,
  type PaymentProvider,
  type RefundResult,
} from './payment-provider.ts';

export interface HttpPaymentProviderOptions {
  /** The gateway's base URL, e.g. http://127.0.0.1:4090. */
  url: string;
  timeoutMs: number;
}

/**
 * A PaymentProvider that calls a gateway over HTTP (the fake gateway speaks this protocol).
 * Anything that leaves the outcome unknown (network error, timeout, 5xx) is
 * PaymentProviderUnavailableError: repeating the call with the same idempotency key is safe.
 */
export function createHttpPaymentProvider({ url, timeoutMs }: HttpPaymentProviderOptions): PaymentProvider {
  async function call<T>(operation: string, body: object): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${url}/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new PaymentProviderUnavailableError(`gateway unreachable during ${operation}`, { cause: error });
    }
    const payload = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (response.ok) return payload;
    const message = `gateway ${operation}: ${payload.error ?? response.status}`;
    if (response.status >= 500) throw new PaymentProviderUnavailableError(message);
    throw new PaymentProviderRejectedError(message);
  }
  return {
    authorize: (request) => call<AuthorizeResult>('authorize', request),
    capture: (request) => call<CaptureResult>('capture', request),
    void: async (request) => {
      await call('void', request);
    },
    refund: (request) => call<RefundResult>('refund', request),
  };
}
