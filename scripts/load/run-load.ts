import { setTimeout as sleep } from 'node:timers/promises';
import { createLatencyRecorder, type OperationStats } from './latency-recorder.ts';
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

/** How long placed orders get after the run to leave PENDING before they are counted. */
const SETTLE_MS = 10_000;

/** Runs the mix with `users` shoppers for `durationMs` against the router at `url`. */
export async function runLoad(options: LoadOptions, log: (line: string) => void): Promise<LoadResult> {
  log(`Registering ${options.users} shoppers and finding products with stock...`);
  const { tokens, productIds } = await prepareShoppers(options.url, options.users);
  if (productIds.length === 0) throw new Error('No product has stock: run `npm run seed` first.');

  const recorder = createLatencyRecorder();
  const ordersByToken = new Map(tokens.map((token) => [token, new Set<string>()]));
  log(`Running ${options.users} shoppers for ${options.durationMs / 1000} s against ${options.url}...`);
  const started = performance.now();
  const deadline = Date.now() + options.durationMs;
  await Promise.all(
    tokens.map((token) =>
      runVirtualUser({
        url: options.url,
        token,
        productIds,
        thinkMs: options.thinkMs,
        deadline,
        recorder,
        onOrderPlaced: (id) => ordersByToken.get(token)!.add(id),
      }),
    ),
  );
  const durationSeconds = (performance.now() - started) / 1000;
  const ordersPlaced = [...ordersByToken.values()].reduce((sum, ids) => sum + ids.size, 0);

  let statuses = await orderStatuses(options.url, ordersByToken);
  for (const settleBy = Date.now() + SETTLE_MS; (statuses['PENDING'] ?? 0) > 0 && Date.now() < settleBy;) {
    await sleep(1000);
    statuses = await orderStatuses(options.url, ordersByToken);
  }
  return { durationSeconds, operations: recorder.stats(), ordersPlaced, orderStatuses: statuses };
}
