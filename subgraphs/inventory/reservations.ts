import { z } from 'zod';
import { MAX_STOCK_QUANTITY } from './stock-arithmetic.ts';
import { uuidv7 } from '#lib/ids';
import { sqlOf, type SqlQuery } from '#lib/prisma';
import type { PrismaClient, ReservationStatus } from './generated/prisma/client.ts';
import { RETURN_COMMITTED, moveReservedStock } from './reservation-effects.ts';

/**
 * Stock held for orders, for the checkout workers: each function is one transaction and is safe
 * to call again with the same order (jobs are delivered at least once), and each answers with an
 * outcome rather than throwing for business refusals. Invalid arguments are programming errors
 * and throw a ZodError; database errors propagate and are worth retrying.
 */

export const reserveStockSchema = z.object({
  orderId: z.uuid(),
  lines: z
    .array(z.object({ productId: z.uuid(), quantity: z.number().int().min(1).max(MAX_STOCK_QUANTITY) }))
    .min(1)
    .max(100),
  ttlSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600),
});
export type ReserveStockInput = z.input<typeof reserveStockSchema>;

export type ReserveOutcome =
  | { ok: true; reservationId: string; status: 'HELD' | 'COMMITTED'; expiresAt: Date }
  | { ok: false; reason: 'OUT_OF_STOCK'; productId: string; requested: number; available: number }
  | { ok: false; reason: 'RESERVATION_CLOSED'; status: 'RELEASED' | 'EXPIRED' | 'RETURNED' };

/** Thrown inside the transaction to roll back every line already reserved. */
class Refusal extends Error {
  constructor(readonly outcome: ReserveOutcome) {
    super('reservation refused');
  }
}

/** Sums quantities of repeated products and orders lines by product, the order rows are locked in. */
function mergeLines(lines: { productId: string; quantity: number }[]) {
  const quantities = new Map<string, number>();
  for (const { productId, quantity } of lines) quantities.set(productId, (quantities.get(productId) ?? 0) + quantity);
  return [...quantities]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([productId, quantity]) => ({ productId, quantity }));
}

/**
 * Holds stock for every line of an order, or for none. Each line is one conditional UPDATE
 * (`onHand - reserved >= quantity`), so concurrent reservations can never oversell; rows are
 * locked in product order, so two multi-line orders cannot deadlock. Calling it again for the same
 * order returns the existing reservation; after a release or expiry it answers RESERVATION_CLOSED.
 * An OUT_OF_STOCK answer writes nothing, so a retry later may succeed.
 */
export async function reserveStock(prisma: PrismaClient, input: ReserveStockInput): Promise<ReserveOutcome> {
  const { orderId, lines, ttlSeconds } = reserveStockSchema.parse(input);
  // Plain SQL (see sqlOf): this is the hottest statement path of checkout, and for one line it is
  // four statements (BEGIN, the hold, the line, COMMIT) where Prisma's query layer sent seven.
  try {
    return await sqlOf(prisma).transaction(async (query) => {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      // The unique orderId decides between concurrent calls; the loser waits for the winner's commit.
      const created = await query<{ id: string }>(
        `INSERT INTO "Reservation" ("id", "orderId", "expiresAt")
         VALUES ($1::uuid, $2::uuid, $3::timestamptz AT TIME ZONE 'UTC')
         ON CONFLICT ("orderId") DO NOTHING RETURNING "id"`,
        [uuidv7(), orderId, expiresAt.toISOString()],
      );
      const reservationId = created.rows[0]?.id;
      if (!reservationId) {
        const existing = await query<{ id: string; status: ReservationStatus; expiresAt: Date }>(
          `SELECT "id", "status", "expiresAt" AT TIME ZONE 'UTC' AS "expiresAt" FROM "Reservation"
           WHERE "orderId" = $1::uuid`,
          [orderId],
        );
        return existingOutcome(existing.rows[0]!);
      }
      for (const { productId, quantity } of mergeLines(lines)) {
        // One statement per line: the conditional hold (never below zero available, so concurrent
        // reservations cannot oversell), and only if it held, the line and its stock movement.
        const held = await query(
          `WITH held AS (
             UPDATE "StockLevel" SET "reserved" = "reserved" + $3::int, "updatedAt" = now() AT TIME ZONE 'UTC'
             WHERE "productId" = $2::uuid AND "onHand" - "reserved" >= $3::int
             RETURNING "onHand"),
           line AS (
             INSERT INTO "ReservationLine" ("reservationId", "productId", "quantity")
             SELECT $1::uuid, $2::uuid, $3::int FROM held)
           INSERT INTO "StockMovement"
             ("id", "productId", "orderId", "kind", "onHandDelta", "reservedDelta", "onHandAfter", "reason")
           SELECT $4::uuid, $2::uuid, $5::uuid, 'RESERVE', 0, $3::int, "onHand", $6::text FROM held`,
          [reservationId, productId, quantity, uuidv7(), orderId, `reserved for order ${orderId}`],
        );
        if (held.rowCount !== 1) throw new Refusal(await outOfStock(query, productId, quantity));
      }
      return { ok: true, reservationId, status: 'HELD', expiresAt } as const;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    throw error;
  }
}

function existingOutcome(reservation: { id: string; status: ReservationStatus; expiresAt: Date }): ReserveOutcome {
  const { id, status, expiresAt } = reservation;
  if (status === 'HELD' || status === 'COMMITTED') return { ok: true, reservationId: id, status, expiresAt };
  return { ok: false, reason: 'RESERVATION_CLOSED', status };
}

async function outOfStock(query: SqlQuery, productId: string, requested: number): Promise<ReserveOutcome> {
  const { rows } = await query<{ available: number }>(
    `SELECT "onHand" - "reserved" AS "available" FROM "StockLevel" WHERE "productId" = $1::uuid`,
    [productId],
  );
  return { ok: false, reason: 'OUT_OF_STOCK', productId, requested, available: rows[0]?.available ?? 0 };
}

export type CommitOutcome =
  | { ok: true }
  | { ok: false; reason: 'NOT_FOUND' }
  | { ok: false; reason: 'RETURNED' }
  | { ok: false; reason: 'RESERVATION_CLOSED'; status: 'RELEASED' | 'EXPIRED' };

/**
 * Completes an order's hold: the units leave onHand and reserved together. Committing again is a
 * no-op; committing a released or expired hold is refused, since its units may have been sold.
 * RETURNED: the order was cancelled before its commit came, and nothing is left to commit.
 */
export async function commitReservation(prisma: PrismaClient, orderId: string): Promise<CommitOutcome> {
  z.uuid().parse(orderId);
  const { status } = await moveReservedStock(prisma, orderId, 'COMMITTED');
  if (status === 'COMMITTED') return { ok: true };
  if (status === null) return { ok: false, reason: 'NOT_FOUND' };
  if (status === 'HELD') throw new Error(`reservation of order ${orderId} is still held after commit`);
  if (status === 'RETURNED') return { ok: false, reason: 'RETURNED' };
  return { ok: false, reason: 'RESERVATION_CLOSED', status };
}

export type ReleaseOutcome = { ok: true } | { ok: false; reason: 'ALREADY_COMMITTED' };

/**
 * Gives an order's held units back. Releasing again, or after expiry, is a no-op. Releasing an
 * order that holds nothing leaves a RELEASED marker, so a reservation job that arrives late (after
 * the order failed) cannot hold stock for it any more.
 */
export async function releaseReservation(prisma: PrismaClient, orderId: string): Promise<ReleaseOutcome> {
  z.uuid().parse(orderId);
  const { status } = await moveReservedStock(prisma, orderId, 'RELEASED');
  if (status === 'COMMITTED') return { ok: false, reason: 'ALREADY_COMMITTED' };
  if (status !== null) return { ok: true };
  const { count } = await prisma.reservation.createMany({
    data: [{ orderId, status: 'RELEASED', expiresAt: new Date() }],
    skipDuplicates: true,
  });
  // A reservation made between the two statements wins; release it the ordinary way.
  return count === 1 ? { ok: true } : releaseReservation(prisma, orderId);
}

/**
 * Puts a cancelled order's units back on sale, whatever checkout got to: a hold is let go
 * (reserved goes down), committed units come back on hand, each with a RETURN movement. Returning
 * again is a no-op, as is returning a hold that was released or expired (its units are back
 * already). An order that holds nothing gets a RETURNED marker, so a reservation job that arrives
 * late cannot hold stock for it any more, and a commit that arrives late finds nothing to commit.
 */
export async function returnStock(prisma: PrismaClient, orderId: string): Promise<void> {
  z.uuid().parse(orderId);
  const { status } = await moveReservedStock(prisma, orderId, 'RETURNED');
  if (status === 'COMMITTED') {
    // Checkout got as far as taking the units out of stock: they come back on hand.
    await moveReservedStock(prisma, orderId, 'RETURNED', new Date(), RETURN_COMMITTED);
    return;
  }
  if (status !== null) return;
  const { count } = await prisma.reservation.createMany({
    data: [{ orderId, status: 'RETURNED', expiresAt: new Date() }],
    skipDuplicates: true,
  });
  // A reservation made between the two statements wins; return it the ordinary way.
  if (count === 0) await returnStock(prisma, orderId);
}

/**
 * Returns the units of holds whose time ran out before they were committed, oldest first, at most
 * `limit` per call. Safe to run from several workers at once: each hold expires exactly once.
 */
export async function expireReservations(
  prisma: PrismaClient,
  now: Date = new Date(),
  limit = 100,
): Promise<{ expiredOrderIds: string[] }> {
  const due = await prisma.reservation.findMany({
    where: { status: 'HELD', expiresAt: { lte: now } },
    orderBy: { expiresAt: 'asc' },
    take: limit,
    select: { orderId: true },
  });
  const expiredOrderIds: string[] = [];
  for (const { orderId } of due) {
    if ((await moveReservedStock(prisma, orderId, 'EXPIRED', now)).moved) expiredOrderIds.push(orderId);
  }
  return { expiredOrderIds };
}
