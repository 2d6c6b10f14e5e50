import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL, type GraphQLRequest, type GraphQLResponse } from '#system/graphql-client';

/** Answers that say "not now, try again": a proxy or the router turning the request away. */
const RETRY_STATUSES = new Set([502, 503, 504]);

export interface RetryingClientOptions {
  /** Tries per request, the first included (default 10). */
  attempts?: number;
  /** Pause before the n-th retry: n times this (default 50 ms). */
  backoffMs?: number;
  /** Told why each retry happens: the transport error, or the status that turned the request away. */
  onRetry?: (reason: string) => void;
}

export interface RetryingClient {
  graphql<TData = Record<string, unknown>>(request: GraphQLRequest): Promise<GraphQLResponse<TData>>;
}

/**
 * Sends GraphQL as a client of a replicated service does: a request whose connection fails
 * (refused, reset, closed before the answer came) or that comes back 502/503/504 is sent again
 * after a growing pause, up to `attempts` times. Safe only for idempotent operations (queries, a
 * mutation that sets rather than adds, `placeOrder` with the same idempotency key), since a request
 * whose answer was lost may already have taken effect.
 */
export function createRetryingClient(url: string, options: RetryingClientOptions = {}): RetryingClient {
  const attempts = options.attempts ?? 10;
  const backoffMs = options.backoffMs ?? 50;
  return {
    async graphql<TData>(request: GraphQLRequest) {
      for (let attempt = 1; ; attempt += 1) {
        let reason: string;
        try {
          const response = await postGraphQL<TData>(url, request);
          if (!RETRY_STATUSES.has(response.status) || attempt >= attempts) return response;
          reason = `HTTP ${response.status}`;
        } catch (error) {
          if (attempt >= attempts) throw error;
          reason = describeError(error);
        }
        options.onRetry?.(reason);
        await sleep(backoffMs * attempt);
      }
    },
  };
}

/** fetch reports every transport failure as "fetch failed"; the cause says which (ECONNRESET, ...). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) return `${error.message}: ${(cause as NodeJS.ErrnoException).code ?? cause.message}`;
  return error.message;
}
