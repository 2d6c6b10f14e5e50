import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSmtpServer } from '#test/harness/fake-smtp-server';
import { smtpNotificationWorkers, type notificationJobs } from '#test/harness/notification-jobs';
import type { TestSystem } from '#test/harness/system';
import { registerCustomer, type SignedInUser } from '#testing/accounts';
import { eventually } from '#testing/checkout';

/**
 * A worker stopped with SIGTERM while a job runs, shown on the notifications worker: its job
 * (an e-mail) is held mid-send by the fake SMTP server for as long as the test wants, and every
 * job records the process that took it (BullMQ's `processedBy`, `<worker>@<host>:<pid>`).
 */
const WORKER = 'notifications-worker';
const REPLICAS = [WORKER, `${WORKER}-2`];
const EMAIL = 'shutdown@example.com';

let workers: Awaited<ReturnType<typeof smtpNotificationWorkers>>;
let smtp: FakeSmtpServer;
let system: TestSystem;
let jobs: ReturnType<typeof notificationJobs>;
let customer: SignedInUser;

/** The replica whose pid `processedBy` names. */
const replicaOf = (processedBy: string | undefined) =>
  REPLICAS.find((name) => processedBy?.endsWith(`:${system.processes[name]!.child.pid}`));
const sentTo = (orderId: string) =>
  smtp.messages.filter(({ to, subject }) => to.includes(EMAIL) && subject?.includes(orderId)).length;
const completed = (orderId: string) =>
  eventually(async () => ((await jobs.job(orderId))?.finishedOn ? true : undefined), 20_000, `${orderId} done`);

/** Asks for a notice the SMTP server holds mid-send; resolves with the replica sending it. */
async function heldNotice() {
  const held = smtp.holdNext();
  const orderId = randomUUID();
  await jobs.confirm(orderId, customer.id);
  await held.arrived;
  const taker = replicaOf((await jobs.job(orderId))?.processedBy);
  if (!taker) throw new Error('no replica named as taking the job');
  return { orderId, held, taker };
}

beforeAll(async () => {
  workers = await smtpNotificationWorkers({}, 2);
  ({ smtp, system, jobs } = workers);
  customer = await registerCustomer(system, EMAIL);
}, 180_000);
afterAll(async () => {
  await workers?.stop();
});

describe('a worker stopped with SIGTERM in the middle of a job', () => {
  it('finishes the job before it exits, and the other replica does not take it meanwhile', async () => {
    const { orderId, held, taker } = await heldNotice();
    const stopping = system.processes[taker]!;
    stopping.child.kill('SIGTERM');
    // Longer than QUEUE_LOCK_MS (3 s): the draining worker keeps renewing its lock on the job.
    await sleep(4_000);
    expect(stopping.child.exitCode).toBeNull();
    expect(await (await jobs.job(orderId))!.getState()).toBe('active');

    held.release();
    expect(await stopping.exited).toBe(0);
    await completed(orderId);
    const job = (await jobs.job(orderId))!;
    expect(replicaOf(job.processedBy)).toBe(taker);
    expect(await job.getState()).toBe('completed');
    expect(sentTo(orderId)).toBe(1);
    expect(await jobs.row(orderId)).toEqual({ status: 'SENT', attempts: 1, lastError: null });
    await system.restart(taker);
  });

  it('is taken over by the other replica when the stop is forced, and sends once', async () => {
    const { orderId, held, taker } = await heldNotice();
    const stopping = system.processes[taker]!;
    stopping.child.kill('SIGTERM');
    await sleep(500);
    expect(stopping.child.exitCode).toBeNull();
    // The orchestrator's grace period ends (Kubernetes sends SIGKILL after terminationGracePeriodSeconds).
    await system.kill(taker, 'SIGKILL');

    // The lock expires after QUEUE_LOCK_MS and the other replica's stalled-job check takes the job.
    await completed(orderId);
    const job = (await jobs.job(orderId))!;
    const other = REPLICAS.find((name) => name !== taker);
    expect(replicaOf(job.processedBy)).toBe(other);
    // Taken over as stalled (more than once if the loaded machine also delays the new lock's renewal).
    expect(job.stalledCounter).toBeGreaterThanOrEqual(1);
    expect(await job.getState()).toBe('completed');
    // The killed sender's message was never answered, so the server never accepted it.
    held.release();
    await sleep(200);
    expect(sentTo(orderId)).toBe(1);
    expect(await jobs.row(orderId)).toEqual({ status: 'SENT', attempts: 1, lastError: null });
  });
});
