import type { PrismaClient, ReservationStatus, StockMovementKind } from './generated/prisma/client.ts';
import { TRANSACTION_OPTIONS } from './transaction-options.ts';

type ClosedStatus = Exclude<ReservationStatus, 'HELD'>;

/** What closing a hold does to each of its lines. */
const EFFECTS: Record<ClosedStatus, { kind: StockMovementKind; onHand: boolean; verb: string }> = {
  COMMITTED: { kind: 'COMMIT', onHand: true, verb: 'committed' },
  RELEASED: { kind: 'RELEASE', onHand: false, verb: 'released' },
  EXPIRED: { kind: 'EXPIRE', onHand: false, verb: 'expired' },
};

/**
 * Moves an order's hold from HELD to `to` and applies that to stock, in one transaction. The
 * conditional status update makes exactly one caller do the work; the others change nothing.
 * EXPIRED applies only to holds past their expiry at `now`. Answers whether this call made the
 * move, and the reservation's status afterwards (null if the order has none).
 */
export async function moveReservedStock(
  prisma: PrismaClient,
  orderId: string,
  to: ClosedStatus,
  now: Date = new Date(),
): Promise<{ moved: boolean; status: ReservationStatus | null }> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.reservation.updateMany({
      where: { orderId, status: 'HELD', ...(to === 'EXPIRED' ? { expiresAt: { lte: now } } : {}) },
      data: { status: to },
    });
    const reservation = await tx.reservation.findUnique({ where: { orderId }, include: { lines: true } });
    if (count === 0 || !reservation) return { moved: false, status: reservation?.status ?? null };

    const effect = EFFECTS[to];
    const lines = [...reservation.lines].sort((a, b) => a.productId.localeCompare(b.productId));
    for (const { productId, quantity } of lines) {
      const stock = await tx.stockLevel.update({
        where: { productId },
        data: { reserved: { decrement: quantity }, ...(effect.onHand ? { onHand: { decrement: quantity } } : {}) },
      });
      await tx.stockMovement.create({
        data: {
          productId,
          orderId,
          kind: effect.kind,
          onHandDelta: effect.onHand ? -quantity : 0,
          reservedDelta: -quantity,
          onHandAfter: stock.onHand,
          reason: `${effect.verb} for order ${orderId}`,
        },
      });
    }
    return { moved: true, status: to };
  }, TRANSACTION_OPTIONS);
}
