import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { createJobMetrics, observeQueueDepth } from './queue-metrics.ts';

const valueOf = async (registry: Registry, name: string, labels: Record<string, string>) => {
  const metric = (await registry.getMetricsAsJSON()).find((candidate) => candidate.name === name);
  return metric?.values.find((value) =>
    Object.entries(labels).every(([key, expected]) => value.labels[key] === expected),
  )?.value;
};

describe('observeQueueDepth', () => {
  const connection = { host: '127.0.0.1', port: 6379 };
  let queue: Queue;
  beforeAll(() => {
    queue = new Queue(`test-${randomUUID()}`, { connection });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('reads each state of a real queue from Redis when scraped', async () => {
    const registry = new Registry();
    observeQueueDepth(registry, [queue]);
    expect(await valueOf(registry, 'bullmq_queue_jobs', { queue: queue.name, state: 'waiting' })).toBe(0);
    await queue.add('reserveStock', {});
    await queue.add('reserveStock', {}, { delay: 60_000 });
    expect(await valueOf(registry, 'bullmq_queue_jobs', { queue: queue.name, state: 'waiting' })).toBe(1);
    expect(await valueOf(registry, 'bullmq_queue_jobs', { queue: queue.name, state: 'delayed' })).toBe(1);
    expect(await valueOf(registry, 'bullmq_queue_jobs', { queue: queue.name, state: 'failed' })).toBe(0);
  });
});

describe('createJobMetrics', () => {
  it('times attempts by job type and outcome and counts failures, passing results and errors through', async () => {
    const registry = new Registry();
    const metrics = createJobMetrics(registry);
    const job = { name: 'capturePayment', queueName: 'payments' };
    await expect(metrics.measure(job, async () => 'done')).resolves.toBe('done');
    await expect(metrics.measure(job, () => Promise.reject(new Error('declined')))).rejects.toThrow('declined');
    const labels = { queue: 'payments', job_name: 'capturePayment' };
    const count = (outcome: string) =>
      valueOf(registry, 'bullmq_job_duration_seconds', { ...labels, outcome, le: '+Inf' });
    expect(await count('completed')).toBe(1);
    expect(await count('failed')).toBe(1);
    expect(await valueOf(registry, 'bullmq_job_failures_total', labels)).toBe(1);
  });
});
