import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSmtpServer } from '#test/harness/fake-smtp-server';
import { smtpNotificationWorkers, type notificationJobs } from '#test/harness/notification-jobs';
import type { TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { CHECKOUT_TEST_ENV, eventually } from '#testing/checkout';

/**
 * The notifications-email queue against a fake SMTP server: the per-channel rate limit as the
 * mail server sees it, retries of a failed send, and dead letters an admin can retry.
 */
const RATE_PER_SECOND = 4;
const EMAIL = 'notices@example.com';

let workers: Awaited<ReturnType<typeof smtpNotificationWorkers>>;
let smtp: FakeSmtpServer;
let system: TestSystem;
let jobs: ReturnType<typeof notificationJobs>;
let customer: SignedInUser;
let admin: SignedInUser;

const acceptedFor = (orderId: string) => smtp.messages.filter(({ subject }) => subject?.includes(orderId));
const finished = (orderId: string) =>
  eventually(async () => ((await jobs.job(orderId))?.finishedOn ? true : undefined), 20_000, `${orderId} finished`);

/**
 * Job starts grouped into windows as BullMQ's limiter counts them: a window opens at the first
 * start after the previous window closed and lasts `windowMs`. Returns the starts in each.
 */
function limiterWindows(starts: readonly number[], windowMs: number): number[] {
  const windows: number[][] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    const current = windows.at(-1);
    if (current && start < current[0]! + windowMs) current.push(start);
    else windows.push([start]);
  }
  return windows.map((window) => window.length);
}

beforeAll(async () => {
  // Its own workers (SMTP channel, rate limit) on a borrowed shared system.
  workers = await smtpNotificationWorkers({ NOTIFICATIONS_EMAIL_RATE_LIMIT_PER_SECOND: String(RATE_PER_SECOND) });
  ({ smtp, system, jobs } = workers);
  admin = await createAdmin(system);
  customer = await registerCustomer(system, EMAIL);
}, 180_000);
afterAll(async () => {
  await workers?.stop();
});

describe('the notifications-email queue', () => {
  it(`starts at most ${RATE_PER_SECOND} sends a second, however many are waiting`, async () => {
    const orderIds = Array.from({ length: 12 }, () => randomUUID());
    await jobs.confirmAll(orderIds, customer.id);
    await Promise.all(orderIds.map(finished));

    // Each job is one send; the limiter holds back the start of every job past the fourth in a
    // second. It bounds starts, not arrivals: when one second's sends are slow (the first ones,
    // with cold connections) they reach the server close to the next second's (README).
    const starts = await Promise.all(orderIds.map(async (orderId) => (await jobs.job(orderId))!.processedOn!));
    const windows = limiterWindows(starts, 1_000);
    expect(Math.max(...windows)).toBeLessThanOrEqual(RATE_PER_SECOND);
    expect(windows.length).toBeGreaterThanOrEqual(12 / RATE_PER_SECOND);
    expect(orderIds.flatMap(acceptedFor)).toHaveLength(12);
  });

  it('retries a send the mail server refused, and sends it once', async () => {
    smtp.failNext(1, '451 4.3.0 mailbox busy');
    const orderId = randomUUID();
    await jobs.confirm(orderId, customer.id);
    await finished(orderId);

    const job = (await jobs.job(orderId))!;
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(2);
    expect(acceptedFor(orderId)).toHaveLength(1);
    expect(await jobs.row(orderId)).toEqual({ status: 'SENT', attempts: 2, lastError: null });
  });

  it('dead-letters a send that fails every attempt, for an admin to retry once the server is back', async () => {
    smtp.failNext(Number(CHECKOUT_TEST_ENV.QUEUE_JOB_ATTEMPTS), '550 5.1.1 mailbox unavailable');
    const orderId = randomUUID();
    await jobs.confirm(orderId, customer.id);
    await finished(orderId);

    expect(await (await jobs.job(orderId))!.getState()).toBe('failed');
    expect(acceptedFor(orderId)).toHaveLength(0);
    expect(await jobs.row(orderId)).toEqual({
      status: 'FAILED',
      attempts: 3,
      lastError: expect.stringContaining('550 5.1.1 mailbox unavailable'),
    });
    type Dead = { deadLetterJobs: { id: string; name: string; attemptsMade: number; failedReason: string }[] };
    const dead = await system.graphql<Dead>({
      query: `query { deadLetterJobs(queue: "notifications-email") { id name attemptsMade failedReason } }`,
      token: admin.token,
    });
    expect(dead.data?.deadLetterJobs).toEqual([
      {
        id: `${orderId}-order-confirmed`,
        name: 'order-confirmed',
        attemptsMade: 3,
        failedReason: expect.stringContaining('failed on attempt 3'),
      },
    ]);

    const retried = await system.graphql({
      query: `mutation ($id: ID!) { retryDeadLetterJob(queue: "notifications-email", jobId: $id) { id } }`,
      variables: { id: `${orderId}-order-confirmed` },
      token: admin.token,
    });
    expect(retried.errors).toBeUndefined();
    await eventually(async () => ((await (await jobs.job(orderId))!.getState()) === 'completed' ? true : undefined));
    expect(acceptedFor(orderId)).toHaveLength(1);
    expect(await jobs.row(orderId)).toEqual({ status: 'SENT', attempts: 4, lastError: null });
  });
});
