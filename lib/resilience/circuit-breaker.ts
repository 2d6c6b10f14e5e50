import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  noJitterGenerator,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { z } from 'zod';
import { parseEnv } from '../config.ts';

export interface BreakerSettings {
  /** Failures in a row that open the circuit. */
  failures: number;
  /** The first wait before a trial call; each failed trial doubles it. */
  resetMs: number;
  /** The longest wait between trial calls. */
  maxResetMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The breaker settings every caller of another service reads (the router for each subgraph,
 * orders for catalog, the notifications worker for accounts), so one setting governs them all.
 */
export function loadBreakerSettings(env: Record<string, string | undefined>): BreakerSettings {
  const parsed = parseEnv(
    z
      .object({
        SUBGRAPH_BREAKER_FAILURES: positiveInt(5),
        SUBGRAPH_BREAKER_RESET_MS: positiveInt(100),
        SUBGRAPH_BREAKER_MAX_RESET_MS: positiveInt(1_000),
      })
      .refine((value) => value.SUBGRAPH_BREAKER_MAX_RESET_MS >= value.SUBGRAPH_BREAKER_RESET_MS, {
        path: ['SUBGRAPH_BREAKER_MAX_RESET_MS'],
        message: 'must be at least SUBGRAPH_BREAKER_RESET_MS',
      }),
    env,
  );
  return {
    failures: parsed.SUBGRAPH_BREAKER_FAILURES,
    resetMs: parsed.SUBGRAPH_BREAKER_RESET_MS,
    maxResetMs: parsed.SUBGRAPH_BREAKER_MAX_RESET_MS,
  };
}

/**
 * A circuit breaker (cockatiel's) that opens after `failures` outages in a row and then lets one
 * trial call through after `resetMs`, doubling the wait after each failed trial up to
 * `maxResetMs`; a successful trial closes it and the next opening starts from `resetMs` again.
 * Short, growing waits notice a repaired service within about `maxResetMs` instead of one fixed,
 * long wait that a single failed trial starts over (10 s, which kept a restarted subgraph failing
 * for seconds in the chaos run), while a service that stays down gets one trial call a second.
 * Only errors `isOutage` accepts count; others pass through and count as a working service.
 */
export function createCircuitBreaker(
  settings: BreakerSettings,
  isOutage: (error: Error) => boolean = () => true,
): CircuitBreakerPolicy {
  return circuitBreaker(handleWhen(isOutage), {
    halfOpenAfter: new ExponentialBackoff({
      generator: noJitterGenerator,
      initialDelay: settings.resetMs,
      maxDelay: settings.maxResetMs,
    }),
    breaker: new ConsecutiveBreaker(settings.failures),
  });
}

/** The breaker's state by the name readiness reports and metrics label it with. */
export const breakerState = (breaker: CircuitBreakerPolicy): BreakerState => STATE_NAMES[breaker.state];
