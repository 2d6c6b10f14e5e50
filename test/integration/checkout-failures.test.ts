import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundOnSharedSystem, startSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { countRows, queryDatabase } from '#testing/databases';
import { errorCodes } from '#system/graphql-client';
import { CHECKOUT_TEST_ENV, checkout, createStockedProduct, eventually, waitForFinalStatus } from '#testing/checkout';
import { startPrivateRedis } from '#testing/private-redis';

const gatewayCaptures = async (system: TestSystem) =>
  ((await (await fetch(`${system.backgroundUrls['payment-gateway']}/captures`)).json()) as { captures: unknown[] })
    .captures.length;

const sentNotifications = async (system: TestSystem, orderId: string) =>
  queryDatabase<{ status: string }>(
    system.databaseUrls['notifications']!,
    `SELECT status FROM "Notification" WHERE payload->>'orderId' = $1`,
    [orderId],
  );

describe('checkout under failure', () => {
  describe('a payments worker killed in the middle of a charge', () => {
    let system: TestSystem;
    let admin: SignedInUser;
    beforeAll(async () => {
      // Every gateway call takes a second and a half, so the worker is surely inside one when killed.
      system = await backgroundOnSharedSystem({ ...CHECKOUT_TEST_ENV, PAYMENT_FAKE_LATENCY_MS: '1500' });
      admin = await createAdmin(system);
    });
    afterAll(() => system?.stop());

    it('completes the order once after a restart: one capture, one notification', async () => {
      const customer = await registerCustomer(system, 'crash@example.com');
      const productId = await createStockedProduct(system, admin, 2_500, 5);
      const placed = await checkout(system, customer, productId);
      await eventually(
        async () => ((await countRows(system.databaseUrls['payments']!, 'Payment')) === 1 ? true : undefined),
        20_000,
        'payment started',
      );
      await system.kill('payments-worker', 'SIGKILL');
      await system.restart('payments-worker');

      const order = await waitForFinalStatus(system, customer.token, placed.id, 40_000);
      expect(order).toMatchObject({ status: 'CONFIRMED', payment: { status: 'CAPTURED' } });
      expect(await gatewayCaptures(system)).toBe(1);
      await eventually(async () =>
        (await sentNotifications(system, placed.id)).some(({ status }) => status === 'SENT') ? true : undefined,
      );
      expect(await sentNotifications(system, placed.id)).toEqual([{ status: 'SENT' }]);
    }, 90_000);
  });

  describe('with Redis stopped', () => {
    let system: TestSystem;
    let admin: SignedInUser;
    let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
    beforeAll(async () => {
      redis = await startPrivateRedis();
      system = await startSystem({ background: true, env: { ...CHECKOUT_TEST_ENV, REDIS_URL: redis.url } });
      admin = await createAdmin(system);
    });
    afterAll(async () => {
      await system?.stop();
      await redis?.stop();
    });

    it('still accepts orders, and completes them once Redis is back', async () => {
      const customer = await registerCustomer(system, 'outage@example.com');
      const productId = await createStockedProduct(system, admin, 700, 10);
      await redis.stop();

      const placed = [await checkout(system, customer, productId), await checkout(system, customer, productId)];
      expect(placed.map((order) => order.status)).toEqual(['PENDING', 'PENDING']);
      const unpublished = await queryDatabase<{ count: string }>(
        system.databaseUrls['orders']!,
        'SELECT count(*) FROM "OutboxEvent" WHERE "publishedAt" IS NULL',
      );
      expect(Number(unpublished[0]!.count)).toBe(2);

      await redis.start();
      const orders = await Promise.all(placed.map(({ id }) => waitForFinalStatus(system, customer.token, id, 45_000)));
      expect(orders.map((order) => order.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
    }, 90_000);
  });

  describe('a job that keeps failing', () => {
    let system: TestSystem;
    let admin: SignedInUser;
    beforeAll(async () => {
      system = await backgroundOnSharedSystem(CHECKOUT_TEST_ENV);
      admin = await createAdmin(system);
    });
    afterAll(() => system?.stop());

    const DEAD = `query ($queue: String!) { deadLetterJobs(queue: $queue) { id name attemptsMade failedReason } }`;
    const RETRY = `mutation ($queue: String!, $id: ID!) { retryDeadLetterJob(queue: $queue, jobId: $id) { id } }`;
    const HEALTH = `{ queueHealth { queue waiting active delayed failed } }`;

    it('is dead-lettered after its retries, visible to admins, and completes when an admin retries it', async () => {
      const customer = await registerCustomer(system, 'poison@example.com');
      const productId = await createStockedProduct(system, admin, 900, 5);
      // The gateway fails every capture for longer than the charge job's three attempts.
      await fetch(`${system.backgroundUrls['payment-gateway']}/fail-next`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ when: 'before', operation: 'capture', count: 3 }),
      });
      const placed = await checkout(system, customer, productId);

      type Dead = { deadLetterJobs: { id: string; name: string; attemptsMade: number; failedReason: string }[] };
      const [dead] = await eventually(
        async () => {
          const response = await system.graphql<Dead>({
            query: DEAD,
            token: admin.token,
            variables: { queue: 'payments' },
          });
          return response.data?.deadLetterJobs.length ? response.data.deadLetterJobs : undefined;
        },
        30_000,
        'dead-lettered charge',
      );
      expect(dead).toMatchObject({ name: 'charge', attemptsMade: 3 });
      expect(dead!.failedReason).toMatch(/unavailable/);
      const health = await system.graphql<{ queueHealth: { queue: string; failed: number }[] }>({
        query: HEALTH,
        token: admin.token,
      });
      expect(health.data?.queueHealth.find(({ queue }) => queue === 'payments')?.failed).toBe(1);

      const asCustomer = await system.graphql({
        query: RETRY,
        token: customer.token,
        variables: { queue: 'payments', id: dead!.id },
      });
      expect(errorCodes(asCustomer)).toEqual(['FORBIDDEN']);
      expect(errorCodes(await system.graphql({ query: HEALTH, token: customer.token }))).toEqual(['FORBIDDEN']);
      const unknownQueue = await system.graphql({
        query: RETRY,
        token: admin.token,
        variables: { queue: 'nope', id: 'x' },
      });
      expect(errorCodes(unknownQueue)).toEqual(['BAD_USER_INPUT']);
      const unknownJob = await system.graphql({
        query: RETRY,
        token: admin.token,
        variables: { queue: 'payments', id: 'missing' },
      });
      expect(errorCodes(unknownJob)).toEqual(['NOT_FOUND']);

      const retried = await system.graphql({
        query: RETRY,
        token: admin.token,
        variables: { queue: 'payments', id: dead!.id },
      });
      expect(retried.errors).toBeUndefined();
      const order = await waitForFinalStatus(system, customer.token, placed.id);
      expect(order).toMatchObject({ status: 'CONFIRMED', payment: { status: 'CAPTURED' } });
      expect(await gatewayCaptures(system)).toBe(1);
    }, 90_000);

    it('keeps the queue dashboard for admins only', async () => {
      const customer = await registerCustomer(system, 'nosy@example.com');
      const dashboard = `${system.backgroundUrls['orders-worker']}/admin/queues`;
      expect((await fetch(dashboard)).status).toBe(403);
      expect((await fetch(dashboard, { headers: { authorization: `Bearer ${customer.token}` } })).status).toBe(403);
      expect((await fetch(dashboard, { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(200);
    });
  });
});
