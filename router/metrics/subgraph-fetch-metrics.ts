import { Gauge, Histogram, type Registry } from 'prom-client';

/** The circuit states a breaker reports, as router/resilience names them. */
const BREAKER_STATES = ['closed', 'open', 'half-open', 'isolated'] as const;

export interface SubgraphFetchMetrics {
  /**
   * Times one call to a subgraph under its outcome: `ok`, or `error` when it threw (no usable
   * answer, or the subgraph's own 4xx GraphQL error); errors per subgraph are the `error` count.
   */
  time<T>(subgraph: string, call: () => Promise<T>): Promise<T>;
}

/**
 * What the router saw of each subgraph: the latency of every call attempt by outcome, and, given a source of breaker
 * states, the state of each subgraph's circuit breaker as a state set (1 for the current state,
 * 0 for the others), read at scrape time.
 */
export function createSubgraphFetchMetrics(
  registry: Registry,
  breakerStates?: () => Record<string, string>,
): SubgraphFetchMetrics {
  const duration = new Histogram({
    name: 'router_subgraph_fetch_duration_seconds',
    help: 'Time the router waited for one subgraph call, by subgraph and outcome.',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  if (breakerStates) {
    new Gauge({
      name: 'router_subgraph_circuit_state',
      help: 'Circuit breaker state per subgraph: 1 for the current state, 0 for the others.',
      labelNames: ['subgraph', 'state'],
      registers: [registry],
      collect() {
        for (const [subgraph, current] of Object.entries(breakerStates())) {
          for (const state of BREAKER_STATES) this.set({ subgraph, state }, state === current ? 1 : 0);
        }
      },
    });
  }
  return {
    async time(subgraph, call) {
      const stopTimer = duration.startTimer({ subgraph });
      try {
        const result = await call();
        stopTimer({ outcome: 'ok' });
        return result;
      } catch (error) {
        stopTimer({ outcome: 'error' });
        throw error;
      }
    },
  };
}
