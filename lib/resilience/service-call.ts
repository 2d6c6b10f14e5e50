import type { CircuitBreakerPolicy } from 'cockatiel';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';
import { breakerState, createCircuitBreaker, type BreakerSettings, type BreakerState } from './circuit-breaker.ts';
import { DEADLINE_HEADER, deadlineExceeded, remainingMs } from './deadline.ts';

export interface ServiceCallSettings {
  /** The longest one call may take when the request has more time than that left. */
  timeoutMs: number;
  breaker: BreakerSettings;
}

export interface ServiceAttempt {
  /** Aborts the call when its time is up. */
  signal: AbortSignal;
  /** Headers to send along: what is left of the request's deadline, if it has one. */
  headers: Record<string, string>;
}

/** The request's deadline passed before the call could be made or answered. */
const isDeadlineError = (error: Error) =>
  error instanceof GraphQLError && error.extensions['code'] === ErrorCode.DeadlineExceeded;

/**
 * Calls from one service to another (orders asking catalog for prices, the notifications worker
 * asking accounts for an address) under the same breaker as the router's subgraph calls
 * (lib/resilience/circuit-breaker.ts, cockatiel) and a timeout that is the shorter of `timeoutMs`
 * and what is left of the request's deadline, which the callee is told in `x-deadline-ms` as the
 * router tells subgraphs. An open breaker fails at once with cockatiel's BrokenCircuitError; a
 * deadline that ran out fails with DEADLINE_EXCEEDED and does not count against the callee.
 */
export function createServiceCall(settings: ServiceCallSettings) {
  const breaker: CircuitBreakerPolicy = createCircuitBreaker(settings.breaker, (error) => !isDeadlineError(error));
  return {
    async run<T>(call: (attempt: ServiceAttempt) => Promise<T>): Promise<T> {
      const remaining = remainingMs();
      if (remaining <= 0) throw deadlineExceeded();
      const deadlineFirst = remaining < settings.timeoutMs;
      const headers: Record<string, string> = Number.isFinite(remaining)
        ? { [DEADLINE_HEADER]: String(remaining) }
        : {};
      const signal = AbortSignal.timeout(deadlineFirst ? remaining : settings.timeoutMs);
      return breaker.execute(async () => {
        try {
          return await call({ signal, headers });
        } catch (error) {
          if (deadlineFirst && signal.aborted) throw deadlineExceeded();
          throw error;
        }
      });
    },
    state: (): BreakerState => breakerState(breaker),
  };
}

export type ServiceCall = ReturnType<typeof createServiceCall>;
