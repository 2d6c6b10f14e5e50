import { z } from 'zod';
import { ErrorCode, userError } from '#lib/errors';
import { isUniqueViolation } from '#lib/prisma-errors';
import type { CartLine, Order, PrismaClient } from './generated/prisma/client.ts';
import { type PriceLookup, totalOf, withLockedCart } from './carts.ts';
import { lineTotal } from './money.ts';
import { OrderEventType, writeOutboxEvent } from './outbox.ts';

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, "must be 1 to 100 letters, digits, '.', '_', ':' or '-'");

const findByKey = (prisma: Pick<PrismaClient, 'order'>, userId: string, idempotencyKey: string) =>
  prisma.order.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } });

const sameLines = (a: readonly CartLine[], b: readonly CartLine[]) =>
  a.length === b.length &&
  a.every((line, index) => {
    const other = b[index];
    return (
      other?.productId === line.productId &&
      other.quantity === line.quantity &&
      other.unitPriceAmount === line.unitPriceAmount &&
      other.currency === line.currency
    );
  });

/**
 * Re-checks every line against catalog. Lines whose price moved are re-priced in the cart and the
 * call fails with PRICE_CHANGED, so the customer confirms the new total before anything is placed.
 */
async function recheckPrices(prisma: PrismaClient, priceOf: PriceLookup, lines: CartLine[]) {
  const products = await Promise.all(lines.map((line) => priceOf(line.productId)));
  const gone = lines.filter((_line, index) => !products[index]);
  if (gone.length) {
    throw userError(ErrorCode.NotFound, 'A product in the cart is no longer sold; remove it and try again.', {
      productIds: gone.map((line) => line.productId),
    });
  }
  const changed = lines.flatMap((line, index) => {
    const price = products[index]!.price;
    return price.amount === line.unitPriceAmount && price.currency === line.currency ? [] : [{ line, price }];
  });
  if (!changed.length) return;
  await prisma.$transaction(
    changed.map(({ line, price }) =>
      // updateMany: a line removed meanwhile is simply not re-priced.
      prisma.cartLine.updateMany({
        where: { id: line.id },
        data: { unitPriceAmount: price.amount, currency: price.currency },
      }),
    ),
  );
  throw userError(ErrorCode.PriceChanged, 'Prices changed since these products were added; review the cart.', {
    productIds: changed.map(({ line }) => line.productId),
  });
}

/**
 * Turns the viewer's cart into a PENDING order, writes its OrderPlaced outbox event and empties
 * the cart, all in one transaction. The same (user, idempotencyKey) always answers the same order:
 * a retry finds it before doing anything, and the unique index settles retries that race.
 */
export async function placeOrder(
  prisma: PrismaClient,
  priceOf: PriceLookup,
  userId: string,
  idempotencyKey: string,
): Promise<Order> {
  const existing = await findByKey(prisma, userId, idempotencyKey);
  if (existing) return existing;

  const cart = await prisma.cart.findUnique({ where: { userId }, include: { lines: { orderBy: { id: 'asc' } } } });
  const priced = cart?.lines ?? [];
  if (!priced.length) {
    // A concurrent retry with this key may have placed the order, emptying the cart, just now.
    const placed = await findByKey(prisma, userId, idempotencyKey);
    if (placed) return placed;
    throw userError(ErrorCode.BadUserInput, 'The cart is empty.');
  }
  // Catalog is asked outside the transaction: no database lock is held across an HTTP call.
  await recheckPrices(prisma, priceOf, priced);

  try {
    return await withLockedCart(prisma, userId, async (tx, cartId, lines) => {
      // A concurrent retry with this key may have committed while this one waited for the lock.
      const placed = await findByKey(tx, userId, idempotencyKey);
      if (placed) return placed;
      if (!lines.length) throw userError(ErrorCode.BadUserInput, 'The cart is empty.');
      if (!sameLines(lines, priced)) {
        throw userError(ErrorCode.Conflict, 'The cart changed while the order was being placed; try again.');
      }
      const total = totalOf(lines)!;
      const order = await tx.order.create({
        data: {
          userId,
          idempotencyKey,
          totalAmount: total.amount,
          currency: total.currency,
          lines: {
            create: lines.map((line) => ({
              productId: line.productId,
              quantity: line.quantity,
              unitPriceAmount: line.unitPriceAmount,
              lineTotalAmount: lineTotal(line.unitPriceAmount, line.quantity),
            })),
          },
        },
      });
      await writeOutboxEvent(tx, {
        aggregateId: order.id,
        type: OrderEventType.OrderPlaced,
        payload: {
          orderId: order.id,
          userId,
          total,
          lines: lines.map(({ productId, quantity, unitPriceAmount }) => ({ productId, quantity, unitPriceAmount })),
        },
      });
      await tx.cartLine.deleteMany({ where: { cartId } });
      return order;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two retries with one key raced past the lock-free check: the unique index kept one order.
    const winner = await findByKey(prisma, userId, idempotencyKey);
    if (!winner) throw error;
    return winner;
  }
}
