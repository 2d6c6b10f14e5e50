import { setTimeout as sleep } from 'node:timers/promises';
import { createLatencyRecorder, type LatencyRecorder, type OperationStats } from './latency-recorder.ts';
import type { LoadOptions } from './load-options.ts';
import { orderStatuses, prepareShoppers } from './prepare-shoppers.ts';
import { runVirtualUser } from './virtual-user.ts';

export interface LoadResult {
  durationSeconds: number;
  operations: OperationStats[];
  ordersPlaced: number;
  /** Statuses of the orders placed in the run, read after `settleMs` to let checkouts finish. */
  orderStatuses: Record<string, number>;
}

export interface ShoppersRun {
  durationSeconds: number;
  /** The ids of the orders each shopper placed (accepted by placeOrder), by the shopper's token. */
  ordersByToken: Map<string, Set<string>>;
}

/** How long placed orders get after the run to leave PENDING before they are counted. */
const SETTLE_MS = 10_000;

/**
 * Runs one virtual user per token against the router at `url` until `durationMs` has passed or
 * `signal` aborts, recording every request in `recorder`.
 */
export async function runShoppers(
  options: Omit<LoadOptions, 'users'> & {
    tokens: readonly string[];
    productIds: readonly string[];
    signal?: AbortSignal;
    /** Also told of every order placed, as it is placed, with the token of the shopper who placed it. */
    onOrderPlaced?: (orderId: string, token: string) => void;
  },
  recorder: LatencyRecorder,
): Promise<ShoppersRun> {
  const ordersByToken = new Map(options.tokens.map((token) => [token, new Set<string>()]));
  const started = performance.now();
  const deadline = Date.now() + options.durationMs;
  await Promise.all(
    options.tokens.map((token) =>
      runVirtualUser({
        url: options.url,
        token,
        productIds: options.productIds,
        thinkMs: options.thinkMs,
        deadline,
        signal: options.signal,
        recorder,
        onOrderPlaced: (id) => {
          ordersByToken.get(token)!.add(id);
          options.onOrderPlaced?.(id, token);
        },
      }),
    ),
  );
  return { durationSeconds: (performance.now() - started) / 1000, ordersByToken };
}

/** Registers `users` shoppers and finds products with stock to buy; refuses a system without any. */
export async function prepareLoad(options: LoadOptions, log: (line: string) => void) {
  log(`Registering ${options.users} shoppers and finding products with stock...`);
  const shoppers = await prepareShoppers(options.url, options.users);
  if (shoppers.productIds.length === 0) throw new Error('No product has stock: run `npm run seed` first.');
  return shoppers;
}

/** Runs the mix with `users` shoppers for `durationMs` against the router at `url`. */
export async function runLoad(options: LoadOptions, log: (line: string) => void): Promise<LoadResult> {
  const { tokens, productIds } = await prepareLoad(options, log);
  const recorder = createLatencyRecorder();
  log(`Running ${options.users} shoppers for ${options.durationMs / 1000} s against ${options.url}...`);
  const { durationSeconds, ordersByToken } = await runShoppers({ ...options, tokens, productIds }, recorder);
  const ordersPlaced = [...ordersByToken.values()].reduce((sum, ids) => sum + ids.size, 0);
  let statuses = await orderStatuses(options.url, ordersByToken);
  for (const settleBy = Date.now() + SETTLE_MS; (statuses['PENDING'] ?? 0) > 0 && Date.now() < settleBy;) {
    await sleep(1000);
    statuses = await orderStatuses(options.url, ordersByToken);
  }
  return { durationSeconds, operations: recorder.stats(), ordersPlaced, orderStatuses: statuses };
}
