import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPrismaClient } from '#lib/prisma';
import { dropDatabase, ensureDatabase, withDatabaseName } from '#system/databases';
import { TEST_SERVER_URL } from '#system/template-databases';
import { PrismaClient } from '#subgraphs/inventory/generated/prisma/client';
import {
  commitReservation,
  expireReservations,
  releaseReservation,
  reserveStock,
  returnStock,
} from '#subgraphs/inventory/reservations';
import { setStock } from '#subgraphs/inventory/stock-changes';
import { RESERVATION_EXPIRED_REASON } from '#subgraphs/orders/worker/saga-decisions';
import { backgroundOnSharedSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer } from '#testing/accounts';
import { CHECKOUT_TEST_ENV, checkout, createStockedProduct, eventually, waitForFinalStatus } from '#testing/checkout';
import { queryDatabase } from '#testing/databases';

/**
 * The reservation functions the checkout workers call, against a real database of their own:
 * no processes are needed, only PostgreSQL's row locks and constraints. The last block follows
 * an expiring hold through a whole system.
 */
let prisma: PrismaClient;
const databaseUrl = withDatabaseName(TEST_SERVER_URL, `test_${randomUUID().slice(0, 8)}_reservations`);
const ADMIN = randomUUID();

async function stockedProduct(onHand: number): Promise<string> {
  const productId = randomUUID();
  await setStock(prisma, { productId, onHand, reason: 'test stock' }, ADMIN);
  return productId;
}
const stockOf = async (productId: string) => {
  const level = await prisma.stockLevel.findUniqueOrThrow({ where: { productId } });
  return { onHand: level.onHand, reserved: level.reserved };
};

beforeAll(async () => {
  await ensureDatabase(databaseUrl, inject('templateDatabases')['inventory']);
  prisma = createPrismaClient(PrismaClient, { url: databaseUrl, poolSize: 10 });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await dropDatabase(databaseUrl);
});

describe('stock reservations', () => {
  it('never oversells: 30 concurrent orders of 1 for 10 in stock, exactly 10 are held', async () => {
    const productId = await stockedProduct(10);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        reserveStock(prisma, { orderId: randomUUID(), lines: [{ productId, quantity: 1 }], ttlSeconds: 600 }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(10);
    const refused = outcomes.filter((outcome) => !outcome.ok);
    expect(refused).toHaveLength(20);
    expect(refused[0]).toEqual({ ok: false, reason: 'OUT_OF_STOCK', productId, requested: 1, available: 0 });
    expect(await stockOf(productId)).toEqual({ onHand: 10, reserved: 10 });
    expect(await prisma.reservation.count({ where: { lines: { some: { productId } } } })).toBe(10);
    expect(await prisma.stockMovement.count({ where: { productId, kind: 'RESERVE' } })).toBe(10);
  });

  it('reserves an order once however often it is asked, even concurrently', async () => {
    const productId = await stockedProduct(5);
    const orderId = randomUUID();
    const request = { orderId, lines: [{ productId, quantity: 2 }], ttlSeconds: 600 };
    const outcomes = await Promise.all([reserveStock(prisma, request), reserveStock(prisma, request)]);
    const again = await reserveStock(prisma, request);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(again).toMatchObject({ ok: true, status: 'HELD' });
    expect(new Set([...outcomes, again].map((outcome) => outcome.ok && outcome.reservationId)).size).toBe(1);
    expect(await stockOf(productId)).toEqual({ onHand: 5, reserved: 2 });
  });

  it('holds all lines of an order or none', async () => {
    const plenty = await stockedProduct(10);
    const scarce = await stockedProduct(1);
    const orderId = randomUUID();
    const outcome = await reserveStock(prisma, {
      orderId,
      lines: [
        { productId: plenty, quantity: 3 },
        { productId: scarce, quantity: 2 },
      ],
      ttlSeconds: 600,
    });
    expect(outcome).toEqual({ ok: false, reason: 'OUT_OF_STOCK', productId: scarce, requested: 2, available: 1 });
    expect(await stockOf(plenty)).toEqual({ onHand: 10, reserved: 0 });
    expect(await prisma.reservation.count({ where: { orderId } })).toBe(0);
  });

  it('adds up repeated products in one order', async () => {
    const productId = await stockedProduct(3);
    const outcome = await reserveStock(prisma, {
      orderId: randomUUID(),
      lines: [
        { productId, quantity: 2 },
        { productId, quantity: 2 },
      ],
      ttlSeconds: 600,
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'OUT_OF_STOCK', requested: 4 });
  });

  it('commits a hold once: the units leave on hand and reserved together', async () => {
    const productId = await stockedProduct(5);
    const orderId = randomUUID();
    await reserveStock(prisma, { orderId, lines: [{ productId, quantity: 2 }], ttlSeconds: 600 });
    expect(await Promise.all([commitReservation(prisma, orderId), commitReservation(prisma, orderId)])).toEqual([
      { ok: true },
      { ok: true },
    ]);
    expect(await stockOf(productId)).toEqual({ onHand: 3, reserved: 0 });
    expect(await reserveStock(prisma, { orderId, lines: [{ productId, quantity: 2 }], ttlSeconds: 600 })).toMatchObject(
      {
        ok: true,
        status: 'COMMITTED',
      },
    );
    expect(await releaseReservation(prisma, orderId)).toEqual({ ok: false, reason: 'ALREADY_COMMITTED' });
    expect(await stockOf(productId)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('releases a hold once, and a released order can be neither committed nor reserved again', async () => {
    const productId = await stockedProduct(5);
    const orderId = randomUUID();
    await reserveStock(prisma, { orderId, lines: [{ productId, quantity: 4 }], ttlSeconds: 600 });
    expect(await releaseReservation(prisma, orderId)).toEqual({ ok: true });
    expect(await releaseReservation(prisma, orderId)).toEqual({ ok: true });
    expect(await stockOf(productId)).toEqual({ onHand: 5, reserved: 0 });
    expect(await commitReservation(prisma, orderId)).toEqual({
      ok: false,
      reason: 'RESERVATION_CLOSED',
      status: 'RELEASED',
    });
    expect(await reserveStock(prisma, { orderId, lines: [{ productId, quantity: 1 }], ttlSeconds: 600 })).toEqual({
      ok: false,
      reason: 'RESERVATION_CLOSED',
      status: 'RELEASED',
    });
    expect(await prisma.stockMovement.count({ where: { orderId, kind: 'RELEASE' } })).toBe(1);
  });

  it('releasing an order that holds nothing keeps a late reservation from holding stock for it', async () => {
    const productId = await stockedProduct(5);
    const orderId = randomUUID();
    expect(await releaseReservation(prisma, orderId)).toEqual({ ok: true });
    expect(await reserveStock(prisma, { orderId, lines: [{ productId, quantity: 1 }], ttlSeconds: 600 })).toMatchObject(
      {
        ok: false,
        reason: 'RESERVATION_CLOSED',
      },
    );
    expect(await stockOf(productId)).toEqual({ onHand: 5, reserved: 0 });
    expect(await commitReservation(prisma, randomUUID())).toEqual({ ok: false, reason: 'NOT_FOUND' });
  });

  it('expires holds past their time exactly once, returning their units, and leaves others alone', async () => {
    const productId = await stockedProduct(6);
    const expiring = randomUUID();
    const lasting = randomUUID();
    await reserveStock(prisma, { orderId: expiring, lines: [{ productId, quantity: 2 }], ttlSeconds: 60 });
    await reserveStock(prisma, { orderId: lasting, lines: [{ productId, quantity: 3 }], ttlSeconds: 3600 });
    const later = new Date(Date.now() + 120_000);
    const [first, second] = await Promise.all([expireReservations(prisma, later), expireReservations(prisma, later)]);
    expect([...first!.expiredOrderIds, ...second!.expiredOrderIds].filter((id) => id === expiring)).toHaveLength(1);
    expect([...first!.expiredOrderIds, ...second!.expiredOrderIds]).not.toContain(lasting);
    expect(await stockOf(productId)).toEqual({ onHand: 6, reserved: 3 });
    expect(await commitReservation(prisma, expiring)).toEqual({
      ok: false,
      reason: 'RESERVATION_CLOSED',
      status: 'EXPIRED',
    });
    expect(await commitReservation(prisma, lasting)).toEqual({ ok: true });
    expect(await stockOf(productId)).toEqual({ onHand: 3, reserved: 0 });
  });

  it("returns a cancelled order's units once, whether still held or already committed", async () => {
    const productId = await stockedProduct(10);
    const held = randomUUID();
    const committed = randomUUID();
    for (const orderId of [held, committed]) {
      await reserveStock(prisma, { orderId, lines: [{ productId, quantity: 2 }], ttlSeconds: 600 });
    }
    await commitReservation(prisma, committed);
    expect(await stockOf(productId)).toEqual({ onHand: 8, reserved: 2 });

    await Promise.all([returnStock(prisma, held), returnStock(prisma, held), returnStock(prisma, committed)]);
    await returnStock(prisma, committed);
    expect(await stockOf(productId)).toEqual({ onHand: 10, reserved: 0 });
    const returns = await prisma.stockMovement.findMany({
      where: { productId, kind: 'RETURN' },
      orderBy: { id: 'asc' },
    });
    expect(returns.map(({ orderId, onHandDelta, reservedDelta }) => ({ orderId, onHandDelta, reservedDelta }))).toEqual(
      expect.arrayContaining([
        { orderId: held, onHandDelta: 0, reservedDelta: -2 },
        { orderId: committed, onHandDelta: 2, reservedDelta: 0 },
      ]),
    );
    expect(returns).toHaveLength(2);
    // A commit that arrives after the return finds nothing to commit, and takes nothing.
    expect(await commitReservation(prisma, held)).toEqual({ ok: false, reason: 'RETURNED' });
    expect(await stockOf(productId)).toEqual({ onHand: 10, reserved: 0 });
  });

  it('refuses a reservation that arrives after its order was cancelled', async () => {
    const productId = await stockedProduct(3);
    const orderId = randomUUID();
    await returnStock(prisma, orderId);
    expect(await reserveStock(prisma, { orderId, lines: [{ productId, quantity: 1 }], ttlSeconds: 600 })).toEqual({
      ok: false,
      reason: 'RESERVATION_CLOSED',
      status: 'RETURNED',
    });
    expect(await releaseReservation(prisma, orderId)).toEqual({ ok: true });
    expect(await stockOf(productId)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('refuses to set stock below the units reserved, and malformed arguments throw', async () => {
    const productId = await stockedProduct(5);
    await reserveStock(prisma, { orderId: randomUUID(), lines: [{ productId, quantity: 4 }], ttlSeconds: 600 });
    await expect(setStock(prisma, { productId, onHand: 3, reason: 'recount' }, ADMIN)).rejects.toMatchObject({
      extensions: { code: 'INSUFFICIENT_STOCK', reason: 'BELOW_RESERVED' },
    });
    expect(await stockOf(productId)).toEqual({ onHand: 5, reserved: 4 });
    await expect(
      reserveStock(prisma, { orderId: 'x', lines: [{ productId, quantity: 1 }], ttlSeconds: 600 }),
    ).rejects.toThrow();
    await expect(
      reserveStock(prisma, { orderId: randomUUID(), lines: [{ productId, quantity: 0 }], ttlSeconds: 600 }),
    ).rejects.toThrow();
    await expect(reserveStock(prisma, { orderId: randomUUID(), lines: [], ttlSeconds: 600 })).rejects.toThrow();
  });
});

describe('a hold that expires before its payment, end to end', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Its own workers (a one-second hold, a fast sweep) on a borrowed shared system.
    system = await backgroundOnSharedSystem({
      ...CHECKOUT_TEST_ENV,
      RESERVATION_TTL_SECONDS: '1',
      RESERVATION_SWEEP_INTERVAL_MS: '200',
    });
  }, 180_000);
  afterAll(() => system?.stop());

  it('fails the order, returns its stock and sends the customer an ORDER_FAILED notice', async () => {
    const admin = await createAdmin(system);
    const customer = await registerCustomer(system, 'expiry@example.com');
    const productId = await createStockedProduct(system, admin, 1_500, 5);
    // No payments worker: the charge waits on its queue while the one-second hold runs out.
    await system.kill('payments-worker');
    const placed = await checkout(system, customer, productId, 2);

    const order = await waitForFinalStatus(system, customer.token, placed.id);
    expect(order).toMatchObject({ status: 'FAILED', failureReason: RESERVATION_EXPIRED_REASON, payment: null });
    const inventory = system.databaseUrls['inventory']!;
    expect(
      await queryDatabase(inventory, 'SELECT "onHand", reserved FROM "StockLevel" WHERE "productId" = $1', [productId]),
    ).toEqual([{ onHand: 5, reserved: 0 }]);
    expect(
      await queryDatabase(inventory, 'SELECT status FROM "Reservation" WHERE "orderId" = $1', [placed.id]),
    ).toEqual([{ status: 'EXPIRED' }]);
    const notices = () =>
      queryDatabase<{ template: string; status: string; reason: string }>(
        system.databaseUrls['notifications']!,
        `SELECT template, status, payload->>'reason' AS reason FROM "Notification" WHERE payload->>'orderId' = $1`,
        [placed.id],
      );
    await eventually(async () => ((await notices())[0]?.status === 'SENT' ? true : undefined), 20_000, 'notice sent');
    expect(await notices()).toEqual([{ template: 'ORDER_FAILED', status: 'SENT', reason: RESERVATION_EXPIRED_REASON }]);
  });
});
