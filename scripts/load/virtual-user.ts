import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL } from '#system/testing/graphql-client';
import type { LatencyRecorder } from './latency-recorder.ts';
import { OPERATIONS, type OperationName } from './operations.ts';

export interface VirtualUserOptions {
  url: string;
  token: string;
  productIds: readonly string[];
  thinkMs: number;
  deadline: number;
  /** Ends the run before the deadline once aborted. */
  signal?: AbortSignal | undefined;
  recorder: LatencyRecorder;
  /** Receives the id of every order this user placed. */
  onOrderPlaced: (orderId: string) => void;
}

/** The Black Friday mix: mostly browsing, then carts, order history and checkouts. */
const JOURNEYS: { weight: number; steps: OperationName[] }[] = [
  { weight: 55, steps: ['browse'] },
  { weight: 20, steps: ['addToCart', 'viewCart'] },
  { weight: 15, steps: ['orderHistory'] },
  { weight: 10, steps: ['addToCart', 'placeOrder'] },
];
const TOTAL_WEIGHT = JOURNEYS.reduce((sum, journey) => sum + journey.weight, 0);

function pickJourney(): OperationName[] {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (const journey of JOURNEYS) {
    roll -= journey.weight;
    if (roll < 0) return journey.steps;
  }
  return JOURNEYS[0]!.steps;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/**
 * One simulated shopper with its own token: runs journeys until the deadline (or the abort), pausing `thinkMs`
 * between requests, and records each request's latency and error code.
 */
export async function runVirtualUser(options: VirtualUserOptions): Promise<void> {
  const { url, token, recorder } = options;
  const send = async (operation: OperationName) => {
    const variables = {
      addToCart: { productId: pick(options.productIds) },
      placeOrder: { idempotencyKey: randomUUID() },
      orderHistory: { first: 10 },
    }[operation as string];
    const started = performance.now();
    try {
      const response = await postGraphQL<{ placeOrder?: { id: string } }>(url, {
        query: OPERATIONS[operation],
        ...(variables ? { variables } : {}),
        token,
      });
      const code = response.errors?.[0]?.extensions?.['code'];
      const failed = response.status !== 200 || response.errors?.length;
      recorder.record(
        operation,
        performance.now() - started,
        failed ? String(code ?? `HTTP ${response.status}`) : undefined,
      );
      if (response.data?.placeOrder) options.onOrderPlaced(response.data.placeOrder.id);
      return !failed;
    } catch {
      recorder.record(operation, performance.now() - started, 'NETWORK');
      return false;
    }
  };
  const over = () => Date.now() >= options.deadline || options.signal?.aborted === true;
  while (!over()) {
    for (const operation of pickJourney()) {
      if (over()) return;
      // A failed step ends the journey, as a shopper whose cart add failed does not check out.
      if (!(await send(operation))) break;
      if (options.thinkMs) await sleep(options.thinkMs);
    }
  }
}
