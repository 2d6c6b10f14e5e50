import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL } from '#system/graphql-client';
import { CHAOS_OPERATIONS } from './operations.ts';

export interface CancellationOptions {
  url: string;
  /** Share of placed orders the customer cancels, 0 to 1. */
  share: number;
  /** Each cancellation waits up to this long after the order was placed, so some find it PENDING and some CONFIRMED. */
  maxDelayMs: number;
}

/** How the cancellations asked for went: CANCELLED, or the error code that refused them. */
export type CancellationOutcomes = Record<string, number>;

/**
 * Customers who change their minds: a share of the orders placed during the run is cancelled by
 * its owner a random moment later, while the faults go on. Their outcomes are counted apart from
 * the load's figures, since ORDER_NOT_CANCELLABLE (an order that failed first) is an answer, not
 * an error, and the per-phase error rates stay comparable with runs before cancellations.
 */
export function createCancellations(options: CancellationOptions) {
  const inFlight: Promise<void>[] = [];
  const outcomes: CancellationOutcomes = {};
  const count = (outcome: string) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
  const cancel = async (orderId: string, token: string) => {
    await sleep(Math.random() * options.maxDelayMs);
    try {
      const response = await postGraphQL<{ cancelOrder?: { status: string } }>(options.url, {
        query: CHAOS_OPERATIONS.cancelOrder,
        variables: { id: orderId },
        token,
      });
      const code = response.errors?.[0]?.extensions?.['code'];
      count(response.data?.cancelOrder?.status ?? String(code ?? `HTTP ${response.status}`));
    } catch {
      count('NETWORK');
    }
  };
  return {
    /** Called for every order placed; cancels `share` of them. */
    onOrderPlaced(orderId: string, token: string) {
      if (Math.random() < options.share) inFlight.push(cancel(orderId, token));
    },
    /** Waits for every cancellation asked for, and answers their outcomes. */
    async settled(): Promise<CancellationOutcomes> {
      await Promise.all(inFlight);
      return outcomes;
    },
  };
}
