import { setTimeout as sleep } from 'node:timers/promises';
import { createAdmin } from '#testing/accounts';
import { createStockedProduct } from '#testing/checkout';
import type { PrivateRedis } from '#testing/private-redis';
import type { PrivateSystem } from '#system/private-system';
import { createLatencyRecorder, type RequestSample } from '../load/latency-recorder.ts';
import { formatReport } from '../load/print-report.ts';
import { prepareLoad, runShoppers } from '../load/run-load.ts';
import { createCancellations } from './cancellations.ts';
import type { ChaosOptions } from './chaos-options.ts';
import { FAULTS, KILLED_SUBGRAPH, OPERATIONS_WITHOUT_KILLED_SUBGRAPH, runFaults } from './faults.ts';
import { errorsByPhase, phasesOf } from './phases.ts';
import { readChaosState } from './read-state.ts';
import { formatRecoveries, recoveredInTime, recoveryTimes } from './recovery.ts';
import { reconcile, type Check } from './reconcile.ts';
import { formatPhaseErrors, formatReconciliation } from './report.ts';

const PRODUCTS = 20;
const UNITS_PER_PRODUCT = 80;
/** The share of placed orders their customers cancel, up to 2 s after placing them. */
const CANCEL_SHARE = 0.3;
const CANCEL_WITHIN_MS = 2_000;

/**
 * Runs the load with the faults against `system` (whose Redis is `redis`), waits for the orders
 * to settle, prints the figures, the recovery time of each repair and the reconciliation, and
 * answers whether every check balanced and every repair recovered within the bound.
 */
export async function runChaos(
  system: PrivateSystem,
  redis: PrivateRedis,
  options: ChaosOptions,
  log: (line: string) => void,
): Promise<boolean> {
  const admin = await createAdmin(system);
  const initialOnHand: Record<string, number> = {};
  for (let index = 0; index < PRODUCTS; index += 1) {
    // Limited stock, so some checkouts are refused and take the saga's failure path too.
    const productId = await createStockedProduct(system, admin, 500 + 37 * index, UNITS_PER_PRODUCT);
    initialOnHand[productId] = UNITS_PER_PRODUCT;
  }
  const load = {
    url: system.routerUrl,
    durationMs: options.durationMs,
    users: options.users,
    thinkMs: options.thinkMs,
  };
  const { tokens, productIds } = await prepareLoad(load, log);

  const samples: RequestSample[] = [];
  const recorder = createLatencyRecorder((sample) => samples.push(sample));
  log(`Running ${options.users} shoppers for ${options.durationMs / 1000} s or more with ${FAULTS.length} faults:`);
  const started = Date.now();
  // The load lasts as long as the faults and their calm tail do, at most twice the duration.
  const stopLoad = new AbortController();
  const cancellations = createCancellations({
    url: system.routerUrl,
    share: CANCEL_SHARE,
    maxDelayMs: CANCEL_WITHIN_MS,
  });
  const [run, windows] = await Promise.all([
    runShoppers(
      {
        ...load,
        durationMs: 2 * options.durationMs,
        tokens,
        productIds,
        signal: stopLoad.signal,
        onOrderPlaced: cancellations.onOrderPlaced,
      },
      recorder,
    ),
    runFaults({ system, redis, faultMs: options.faultMs }, started, options.durationMs, log).finally(() =>
      stopLoad.abort(),
    ),
  ]);
  const loadEnded = Date.now();
  const cancelOutcomes = await cancellations.settled();
  const acceptedOrderIds = [...run.ordersByToken.values()].flatMap((ids) => [...ids]);

  log(`Load stopped; waiting up to ${options.settleMs / 1000} s for ${acceptedOrderIds.length} orders to settle...`);
  const settleStarted = Date.now();
  let checks: Check[];
  let state: Awaited<ReturnType<typeof readChaosState>>;
  for (;;) {
    state = await readChaosState(system, acceptedOrderIds, initialOnHand);
    checks = reconcile(state);
    if (checks.every(({ mismatches }) => mismatches.length === 0) || Date.now() - settleStarted > options.settleMs)
      break;
    await sleep(2_000);
  }
  const settledSeconds = (Date.now() - settleStarted) / 1000;

  const accepted = new Set(acceptedOrderIds);
  const orderStatuses: Record<string, number> = {};
  for (const { id, status } of state.orders) {
    if (accepted.has(id)) orderStatuses[status] = (orderStatuses[status] ?? 0) + 1;
  }
  log('');
  log(
    formatReport({
      durationSeconds: run.durationSeconds,
      operations: recorder.stats(),
      ordersPlaced: acceptedOrderIds.length,
      orderStatuses,
    }),
  );
  const phases = phasesOf(started, loadEnded, windows);
  const outage = windows.find(({ fault }) => fault === FAULTS[0]!.name)!;
  const [outageErrors] = errorsByPhase(
    samples,
    [{ name: outage.fault, start: outage.start, end: outage.end }],
    ({ operation }) => (OPERATIONS_WITHOUT_KILLED_SUBGRAPH as readonly string[]).includes(operation),
  );
  const refundedOrders = new Set(state.refunds.map(({ orderId }) => orderId));
  log(
    `Cancellations asked for: ${Object.entries(cancelOutcomes)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(', ')}; ` +
      `${state.orders.filter(({ id, status }) => status === 'CANCELLED' && refundedOrders.has(id)).length} ` +
      `cancelled orders refunded, ${state.refunds.length} refunds in all.`,
  );
  log('');
  log('Errors per phase:');
  log(
    formatPhaseErrors(
      errorsByPhase(samples, phases),
      outageErrors!,
      `${KILLED_SUBGRAPH} down: ${OPERATIONS_WITHOUT_KILLED_SUBGRAPH.join(', ')}`,
    ),
  );
  const recoveries = recoveryTimes(samples, windows, loadEnded);
  log('');
  log('From each repair to the first second without an error:');
  log(formatRecoveries(recoveries, options.recoveryBoundSeconds));
  log('');
  log(
    `Reconciliation after ${settledSeconds.toFixed(1)} s of settling (${state.orders.length} orders, ` +
      `${state.captures.length} captures, ${state.gatewayRefunds.length} refunds, ` +
      `${state.notifications.length} notifications):`,
  );
  log(formatReconciliation(checks));
  const failed = checks.some(({ mismatches }) => mismatches.length > 0);
  const slow = !recoveredInTime(recoveries, options.recoveryBoundSeconds);
  log('');
  if (failed) log('CHAOS RUN FAILED: the books do not balance.');
  if (slow) log(`CHAOS RUN FAILED: a repair took longer than ${options.recoveryBoundSeconds} s to stop the errors.`);
  if (!failed && !slow) log('Chaos run passed: every check balances and every repair recovered in time.');
  return !failed && !slow;
}
