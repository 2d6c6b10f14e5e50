import { GraphQLError } from 'graphql';

/**
 * The stable `extensions.code` values clients may branch on. Apollo's own codes
 * (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, ...) pass through unchanged.
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  /** A stock change would leave fewer units than zero or than are reserved. */
  InsufficientStock: 'INSUFFICIENT_STOCK',
  /** A price changed since the client last saw it; the client shows the new one and asks again. */
  PriceChanged: 'PRICE_CHANGED',
  /** The order is not PENDING or CONFIRMED (already shipped, failed or cancelled); `extensions.status` says which. */
  OrderNotCancellable: 'ORDER_NOT_CANCELLABLE',
  /** Only a CONFIRMED order can ship; `extensions.status` says what the order is. */
  OrderNotShippable: 'ORDER_NOT_SHIPPABLE',
  /** Another service this one needs did not answer; the same request may succeed later. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
  /**
   * The operation's deadline (ROUTER_OPERATION_DEADLINE_MS at the router) passed before this part
   * of it was done; what was not done is null. Retrying may succeed once the system is less busy.
   */
  DeadlineExceeded: 'DEADLINE_EXCEEDED',
  /** A subgraph failed, timed out or has its circuit open; `extensions.subgraph` names it. */
  SubgraphUnavailable: 'SUBGRAPH_UNAVAILABLE',
  QueryTooDeep: 'QUERY_TOO_DEEP',
  TooManyAliases: 'TOO_MANY_ALIASES',
  TooManyTokens: 'TOO_MANY_TOKENS',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  BatchTooLarge: 'BATCH_TOO_LARGE',
  RequestTooLarge: 'REQUEST_TOO_LARGE',
  RateLimited: 'RATE_LIMITED',
  PersistedQueryNotRegistered: 'PERSISTED_QUERY_NOT_REGISTERED',
  /** Apollo's codes for automatic persisted queries, kept where this code refuses one itself. */
  PersistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  PersistedQueryNotSupported: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The `sha256Hash` sent is not the hash of the `query` sent with it (Apollo Router's code). */
  PersistedQueryHashMismatch: 'PERSISTED_QUERY_HASH_MISMATCH',
  /** The HTTP request itself is malformed: broken JSON, a body that does not decompress. */
  BadRequest: 'BAD_REQUEST',
  /** A content type, charset or content encoding the server does not read (HTTP 415). */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  /** Request headers over the server's limit (HTTP 431). */
  RequestHeadersTooLarge: 'REQUEST_HEADERS_TOO_LARGE',
  /** Apollo's code: no operation to run (several without `operationName`, or none by that name). */
  OperationResolutionFailure: 'OPERATION_RESOLUTION_FAILURE',
  /** An operation type this endpoint does not serve (subscriptions, over HTTP). */
  OperationNotSupported: 'OPERATION_NOT_SUPPORTED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A client-facing error: its message is meant to be read by the caller, its code to be matched on. */
export function userError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const unauthenticated = () => userError(ErrorCode.Unauthenticated, 'You must be signed in.');
export const forbidden = (message = 'You are not allowed to do this.') => userError(ErrorCode.Forbidden, message);
export const notFound = (what: string) => userError(ErrorCode.NotFound, `${what} not found.`);
