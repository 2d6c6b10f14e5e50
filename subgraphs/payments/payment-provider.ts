/**
 * What the payments domain needs from a card processor. Every call carries an idempotency key:
 * a provider must answer a repeated key with the first answer and must not move money twice, so a
 * caller that lost an answer can always ask again with the same key.
 */
export interface PaymentProvider {
  /** Holds `amount` on the customer's card. A decline is an answer, not an error. */
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  /** Takes the money an authorisation holds. */
  capture(request: CaptureRequest): Promise<CaptureResult>;
  /** Lets an uncaptured authorisation go. */
  void(request: VoidRequest): Promise<void>;
  /** Gives captured money back. */
  refund(request: RefundRequest): Promise<RefundResult>;
}

export interface AuthorizeRequest {
  idempotencyKey: string;
  /** Minor units. */
  amount: number;
  currency: string;
}

export type AuthorizeResult =
  { status: 'AUTHORIZED'; authorizationId: string } | { status: 'DECLINED'; reason: string };

export interface CaptureRequest {
  idempotencyKey: string;
  authorizationId: string;
}

export interface CaptureResult {
  captureId: string;
}

export interface VoidRequest {
  idempotencyKey: string;
  authorizationId: string;
}

export interface RefundRequest {
  idempotencyKey: string;
  captureId: string;
}

export interface RefundResult {
  refundId: string;
}

/**
 * The provider could not be reached or answered with a temporary error: the call may or may not
 * have taken effect, and repeating it with the same idempotency key is safe.
 */
export class PaymentProviderUnavailableError extends Error {
  override readonly name = 'PaymentProviderUnavailableError';
}

/** The provider refused a request that will never succeed as it is (unknown authorisation, ...). */
export class PaymentProviderRejectedError extends Error {
  override readonly name = 'PaymentProviderRejectedError';
}
