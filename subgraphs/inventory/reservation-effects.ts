import type { PrismaClient, ReservationStatus, StockMovementKind } from './generated/prisma/client.ts';
import { TRANSACTION_OPTIONS } from './transaction-options.ts';

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
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.reservation.updateMany({
      where: { orderId, status: move.from, ...(to === 'EXPIRED' ? { expiresAt: { lte: now } } : {}) },
      data: { status: to },
    });
    const reservation = await tx.reservation.findUnique({ where: { orderId }, include: { lines: true } });
    if (count === 0 || !reservation) return { moved: false, status: reservation?.status ?? null };

    const lines = [...reservation.lines].sort((a, b) => a.productId.localeCompare(b.productId));
    for (const { productId, quantity } of lines) {
      const stock = await tx.stockLevel.update({
        where: { productId },
        data: { reserved: { increment: move.reserved * quantity }, onHand: { increment: move.onHand * quantity } },
      });
      await tx.stockMovement.create({
        data: {
          productId,
          orderId,
          kind: move.kind,
          onHandDelta: move.onHand * quantity,
          reservedDelta: move.reserved * quantity,
          onHandAfter: stock.onHand,
          reason: `${move.verb} for order ${orderId}`,
        },
      });
    }
    return { moved: true, status: to };
  }, TRANSACTION_OPTIONS);
}
