import {
  BrokenCircuitError,
  ExponentialBackoff,
  handleWhen,
  retry,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import { GraphQLError } from 'graphql';
import { breakerState, createCircuitBreaker, type BreakerState } from '#lib/resilience/circuit-breaker';
import type { RouterConfig } from '../config.ts';
import { SubgraphDeadlineError, SubgraphFetchError } from './subgraph-fetch-error.ts';

type ResilienceSettings = RouterConfig['resilience'];

/**
 * A subgraph's own answer (a 4xx with GraphQL errors, e.g. UNAUTHENTICATED) says the subgraph is
 * up, and an operation out of time says nothing about it; only failures to get a usable answer
 * count against its breaker.
 */
const isOutage = (error: Error) => !(error instanceof GraphQLError) && !(error instanceof SubgraphDeadlineError);

interface SubgraphGuard {
  breaker: CircuitBreakerPolicy;
  query: IPolicy;
  mutation: IPolicy;
}

/**
 * One circuit breaker per subgraph, kept across supergraph reloads (the timeout of every attempt is
 * the HTTP client's: one timer, no AbortController chain per call). Queries are retried with exponential backoff and decorrelated jitter on failures a retry
 * may cure; mutations never are, as a lost answer does not mean the write did not happen. Timeouts
 * are not retried either, so a slow subgraph costs one timeout, not several.
 */
export function createSubgraphGuards(settings: ResilienceSettings) {
  const guards = new Map<string, SubgraphGuard>();

  const guardFor = (subgraph: string): SubgraphGuard => {
    const existing = guards.get(subgraph);
    if (existing) return existing;
    const breaker = createCircuitBreaker(settings.breaker, isOutage);
    const retryQueries = retry(
      handleWhen((error) => error instanceof SubgraphFetchError && error.retryable),
      {
        maxAttempts: settings.retries,
        // ExponentialBackoff's default generator is decorrelated jitter.
        backoff: new ExponentialBackoff({ initialDelay: settings.retryDelayMs, maxDelay: settings.retryDelayMs * 20 }),
      },
    );
    const guard = {
      breaker,
      query: wrap(retryQueries, breaker),
      mutation: breaker,
    };
    guards.set(subgraph, guard);
    return guard;
  };

  return {
    /** Runs one subgraph call under that subgraph's breaker and (for queries) retries. */
    run<T>(subgraph: string, kind: 'query' | 'mutation', call: () => Promise<T>): Promise<T> {
      return guardFor(subgraph)[kind].execute(call);
    },
    /** The time one attempt at calling `subgraph` may take. */
    timeoutMs: (subgraph: string): number => settings.timeoutsMs[subgraph] ?? settings.timeoutMs,
    /** The breaker state of every subgraph called so far, for the readiness report. */
    states(): Record<string, BreakerState> {
      return Object.fromEntries([...guards].map(([name, guard]) => [name, breakerState(guard.breaker)]));
    },
  };
}

export type SubgraphGuards = ReturnType<typeof createSubgraphGuards>;

/** A short, safe description of why a subgraph call failed, for the client-facing error. */
export function describeFailure(error: unknown): string {
  if (error instanceof BrokenCircuitError) return 'circuit open';
  if (error instanceof SubgraphFetchError) return error.reason;
  if (error instanceof SyntaxError) return 'invalid JSON response';
  return 'invalid response';
}
