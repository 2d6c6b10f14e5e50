import { uuidv7 } from '#lib/ids';
import { sqlOf } from '#lib/prisma';
import type { PrismaClient, ReservationStatus, StockMovementKind } from './generated/prisma/client.ts';

type ClosedStatus = Exclude<ReservationStatus, 'HELD'>;

/** A move of a reservation this module makes, and what it does to each of its lines' stock. */
interface Move {
  from: ReservationStatus;
  kind: StockMovementKind;
  /** Units on hand and reserved change by these multiples of the line's quantity. */
  onHand: -1 | 0 | 1;
  reserved: -1 | 0;
  verb: string;
}

const FROM_HELD: Record<ClosedStatus, Move> = {
  COMMITTED: { from: 'HELD', kind: 'COMMIT', onHand: -1, reserved: -1, verb: 'committed' },
  RELEASED: { from: 'HELD', kind: 'RELEASE', onHand: 0, reserved: -1, verb: 'released' },
  EXPIRED: { from: 'HELD', kind: 'EXPIRE', onHand: 0, reserved: -1, verb: 'expired' },
  RETURNED: { from: 'HELD', kind: 'RETURN', onHand: 0, reserved: -1, verb: 'returned' },
};

/** A cancelled order whose units had already left stock: they come back on hand. */
export const RETURN_COMMITTED: Move = { from: 'COMMITTED', kind: 'RETURN', onHand: 1, reserved: 0, verb: 'returned' };

/**
 * Moves an order's hold from HELD (or `move.from`) to `to` and applies that to stock, in one
 * transaction. The conditional status update makes exactly one caller do the work; the others
 * change nothing. EXPIRED applies only to holds past their expiry at `now`. Answers whether this
 * call made the move, and the reservation's status afterwards (null if the order has none).
 */
export async function moveReservedStock(
  prisma: PrismaClient,
  orderId: string,
  to: ClosedStatus,
  now: Date = new Date(),
  move: Move = FROM_HELD[to],
): Promise<{ moved: boolean; status: ReservationStatus | null }> {
  // Plain SQL (see sqlOf), as reserveStock: a one-line commit is four statements (BEGIN, the
  // move with its lines, the stock with its movement, COMMIT) where Prisma's query layer sent eight.
  return sqlOf(prisma).transaction(async (query) => {
    const expiring = to === 'EXPIRED' ? `AND "expiresAt" <= ($4::timestamptz AT TIME ZONE 'UTC')` : '';
    const { rows } = await query<{ lines: { productId: string; quantity: number }[] }>(
      `UPDATE "Reservation" r SET "status" = $2::"ReservationStatus", "updatedAt" = $4::timestamptz AT TIME ZONE 'UTC'
       WHERE "orderId" = $1::uuid AND "status" = $3::"ReservationStatus" ${expiring}
       RETURNING (
         SELECT coalesce(json_agg(json_build_object('productId', l."productId", 'quantity', l."quantity")), '[]')
         FROM "ReservationLine" l WHERE l."reservationId" = r."id") AS "lines"`,
      [orderId, to, move.from, now.toISOString()],
    );
    const moved = rows[0];
    if (!moved) {
      const current = await query<{ status: ReservationStatus }>(
        `SELECT "status" FROM "Reservation" WHERE "orderId" = $1::uuid`,
        [orderId],
      );
      return { moved: false, status: current.rows[0]?.status ?? null };
    }
    // Stock rows are locked in product order, as reserveStock locks them: no deadlock between the two.
    const lines = [...moved.lines].sort((a, b) => a.productId.localeCompare(b.productId));
    for (const { productId, quantity } of lines) {
      const reservedDelta = move.reserved * quantity;
      const onHandDelta = move.onHand * quantity;
      const changed = await query(
        `WITH stock AS (
           UPDATE "StockLevel" SET "reserved" = "reserved" + $2::int, "onHand" = "onHand" + $3::int, "updatedAt" = now() AT TIME ZONE 'UTC'
           WHERE "productId" = $1::uuid RETURNING "onHand")
         INSERT INTO "StockMovement"
           ("id", "productId", "orderId", "kind", "onHandDelta", "reservedDelta", "onHandAfter", "reason")
         SELECT $4::uuid, $1::uuid, $5::uuid, $6::"StockMovementKind", $3::int, $2::int, "onHand", $7::text FROM stock`,
        [productId, reservedDelta, onHandDelta, uuidv7(), orderId, move.kind, `${move.verb} for order ${orderId}`],
      );
      if (changed.rowCount !== 1) throw new Error(`product ${productId} of order ${orderId} has no stock row`);
    }
    return { moved: true, status: to };
  });
}
