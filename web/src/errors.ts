import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** Words for the codes a shopper can meet; anything else gets the server's own message or a generic line. */
const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Please sign in to continue.',
  INVALID_CREDENTIALS: 'That e-mail and password do not match an account.',
  CONFLICT: 'An account with that e-mail already exists. Sign in instead.',
  FORBIDDEN: 'You are not allowed to see this.',
  NOT_FOUND: 'We could not find that.',
  PRICE_CHANGED:
    'Some prices changed since you added these items. Your cart now shows the new prices: check the total and place the order again.',
  INSUFFICIENT_STOCK: 'There is not enough stock for that quantity.',
  ORDER_NOT_CANCELLABLE: 'This order can no longer be cancelled: it has shipped or did not go through.',
  SUBGRAPH_UNAVAILABLE: 'Part of the shop is unavailable right now. Please try again in a moment.',
  SERVICE_UNAVAILABLE: 'Part of the shop is unavailable right now. Please try again in a moment.',
  RATE_LIMITED: 'Too many requests. Please wait a moment and try again.',
  PERSISTED_QUERY_NOT_REGISTERED: 'This version of the shop is out of date. Please reload the page.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
};

/** The `extensions.code` values of an Apollo error, from GraphQL errors or an error HTTP body. */
export function errorCodes(error: unknown): string[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => String(e.extensions?.['code'] ?? ''));
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: { extensions?: { code?: string } }[] };
      return (body.errors ?? []).map((e) => e.extensions?.code ?? '');
    } catch {
      return [];
    }
  }
  return [];
}

/** One sentence a shopper can act on, for any error the client can raise. */
export function describeError(error: unknown): string {
  const codes = errorCodes(error);
  const known = codes.find((code) => MESSAGES[code]);
  if (known) return MESSAGES[known]!;
  if (CombinedGraphQLErrors.is(error) && codes.includes('BAD_USER_INPUT')) {
    return error.errors.find((e) => e.extensions?.['code'] === 'BAD_USER_INPUT')!.message;
  }
  if (ServerError.is(error)) return `The shop answered with an error (HTTP ${error.statusCode}). Please try again.`;
  if (error instanceof TypeError) return 'Could not reach the shop. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}

/** Whether the errors of a partial answer come from inventory alone (stock unknown, the rest fine). */
export const onlyStockMissing = (error: unknown): boolean =>
  CombinedGraphQLErrors.is(error) &&
  error.errors.every(
    (e) =>
      e.extensions?.['subgraph'] === 'inventory' ||
      e.path?.some((segment) => segment === 'stock' || segment === 'inStock') === true,
  );
