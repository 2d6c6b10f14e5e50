import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer } from '#system/testing/accounts';
import {
  CHECKOUT_TEST_ENV,
  checkout,
  createStockedProduct,
  eventually,
  waitForFinalStatus,
} from '#system/testing/checkout';
import { sampleValue, scrapeMetrics } from '#test/harness/prometheus';
import { startOtlpReceiver, tracingEnv, type OtlpReceiver } from '#test/harness/otlp-receiver';

let receiver: OtlpReceiver;
let system: TestSystem;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  system = await startSystem({ background: true, env: { ...CHECKOUT_TEST_ENV, ...tracingEnv(receiver) } });
});

afterAll(async () => {
  await system?.stop();
  await receiver?.close();
});

describe('checkout tracing', () => {
  it('carries the placeOrder trace through the outbox and the queue into every worker step', async () => {
    const admin = await createAdmin(system);
    const customer = await registerCustomer(system, 'traced@example.com');
    const productId = await createStockedProduct(system, admin, 1500, 5);
    const order = await checkout(system, customer, productId);
    const final = await waitForFinalStatus(system, customer.token, order.id);
    expect(final.status).toBe('CONFIRMED');

    const placeOrder = await eventually(
      async () => receiver.spans.find((span) => span.service === 'orders' && span.name.includes('placeOrder')),
      15_000,
      'the placeOrder span',
    );
    const workerSteps = await eventually(
      async () => {
        const steps = receiver.spans.filter(
          (span) => span.traceId === placeOrder.traceId && span.name.startsWith('process '),
        );
        const services = new Set(steps.map((span) => span.service));
        return ['orders-worker', 'inventory-worker', 'payments-worker'].every((name) => services.has(name))
          ? steps
          : undefined;
      },
      15_000,
      'worker steps in the placeOrder trace',
    );
    // Each step is a child in the same trace, not a root of its own.
    expect(workerSteps.every((span) => span.parentSpanId !== undefined)).toBe(true);
    expect(workerSteps.map((span) => `${span.service}: ${span.name}`)).toEqual(
      expect.arrayContaining([
        'orders-worker: process orders-saga order-placed',
        'inventory-worker: process inventory reserve-stock',
        'orders-worker: process orders-saga stock-reserved',
        'payments-worker: process payments charge',
      ]),
    );
  });

  it('serves worker metrics: job durations and failures per job type, queue depth per state', async () => {
    const scrape = await scrapeMetrics(new URL('/metrics', system.backgroundUrls['payments-worker']).toString());
    const charge = { service: 'payments-worker', queue: 'payments', job_name: 'charge' };
    expect(
      sampleValue(scrape, 'bullmq_job_duration_seconds_count', { ...charge, outcome: 'completed' }),
    ).toBeGreaterThan(0);
    expect(scrape.families.find((family) => family.name === 'bullmq_job_failures_total')?.type).toBe('COUNTER');
    const depth = scrape.samples.filter(
      (sample) => sample.name === 'bullmq_queue_jobs' && sample.labels['queue'] === 'payments',
    );
    expect(depth.map((sample) => sample.labels['state']).sort()).toEqual([
      'active',
      'delayed',
      'failed',
      'prioritized',
      'waiting',
      'waiting-children',
    ]);
    expect(sampleValue(scrape, 'db_statements_total', { service: 'payments-worker' })).toBeGreaterThan(0);
  });
});
