import { z } from 'zod';
import { ErrorCode, userError } from '#lib/errors';
import { isUniqueViolation } from '#lib/prisma-errors';
import { uuidv7 } from '#lib/ids';
import { sqlOf, type SqlQuery } from '#lib/prisma';
import type { CartLine, Order, PrismaClient } from './generated/prisma/client.ts';
import { type PriceLookup, totalOf, withLockedCart } from './carts.ts';
import { lineTotal } from './money.ts';
import type { OrderPlacedPayload } from '#lib/queue/queue-jobs';
import { OrderEventType, outboxPayload } from './outbox.ts';

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, "must be 1 to 100 letters, digits, '.', '_', ':' or '-'");

const findByKey = async (query: SqlQuery, userId: string, idempotencyKey: string): Promise<Order | null> =>
  (
    await query<Order>(`SELECT * FROM "Order" WHERE "userId" = $1::uuid AND "idempotencyKey" = $2`, [
      userId,
      idempotencyKey,
    ])
  ).rows[0] ?? null;

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
  // Plain SQL (see sqlOf and withLockedCart): Prisma's query layer was the largest item of this
  // subgraph's profile. Reads outside the transaction are repeated on a lost connection by the pool.
  const { query } = sqlOf(prisma);
  const existing = await findByKey(query, userId, idempotencyKey);
  if (existing) return existing;

  const { rows: priced } = await query<CartLine>(
    `SELECT l.* FROM "CartLine" l JOIN "Cart" c ON c."id" = l."cartId"
     WHERE c."userId" = $1::uuid ORDER BY l."id"`,
    [userId],
  );
  if (!priced.length) {
    // A concurrent retry with this key may have placed the order, emptying the cart, just now.
    const placed = await findByKey(query, userId, idempotencyKey);
    if (placed) return placed;
    throw userError(ErrorCode.BadUserInput, 'The cart is empty.');
  }
  // Catalog is asked outside the transaction: no database lock is held across an HTTP call.
  await recheckPrices(prisma, priceOf, priced);

  try {
    return await withLockedCart(prisma, userId, async (tx, cartId, lines) => {
      if (!lines.length || !sameLines(lines, priced)) {
        // A concurrent retry with this key may have committed (and emptied the cart) while this
        // one waited for the lock.
        const placed = await findByKey(tx, userId, idempotencyKey);
        if (placed) return placed;
        if (!lines.length) throw userError(ErrorCode.BadUserInput, 'The cart is empty.');
        throw userError(ErrorCode.Conflict, 'The cart changed while the order was being placed; try again.');
      }
      return insertOrder(tx, { userId, idempotencyKey, cartId, lines });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two retries with one key raced past the lock-free check: the unique index kept one order.
    const winner = await findByKey(query, userId, idempotencyKey);
    if (!winner) throw error;
    return winner;
  }
}

/**
 * Writes the order, its lines and its OrderPlaced outbox event and empties the cart in one
 * statement (data-modifying CTEs; the lines' foreign key is checked at its end): one round trip
 * inside the cart's transaction instead of five.
 */
async function insertOrder(
  tx: SqlQuery,
  {
    userId,
    idempotencyKey,
    cartId,
    lines,
  }: { userId: string; idempotencyKey: string; cartId: string; lines: CartLine[] },
): Promise<Order> {
  const total = totalOf(lines)!;
  const orderId = uuidv7();
  const payload: OrderPlacedPayload = {
    orderId,
    userId,
    total,
    lines: lines.map(({ productId, quantity, unitPriceAmount }) => ({ productId, quantity, unitPriceAmount })),
  };
  const {
    rows: [order],
  } = await tx<Order>(
    `WITH "order" AS (
      INSERT INTO "Order" ("id", "userId", "idempotencyKey", "totalAmount", "currency", "updatedAt")
      VALUES ($1::uuid, $2::uuid, $3, $4, $5, now())
      RETURNING *
    ), "lines" AS (
      INSERT INTO "OrderLine" ("id", "orderId", "productId", "quantity", "unitPriceAmount", "lineTotalAmount")
      SELECT "id", $1::uuid, "productId", "quantity", "unitPriceAmount", "lineTotalAmount"
      FROM unnest($6::uuid[], $7::uuid[], $8::int[], $9::int[], $10::int[])
        AS l("id", "productId", "quantity", "unitPriceAmount", "lineTotalAmount")
    ), "event" AS (
      INSERT INTO "OutboxEvent" ("id", "aggregateId", "type", "payload")
      VALUES ($11::uuid, $1::uuid, $12, $13::jsonb)
    ), "emptied" AS (
      DELETE FROM "CartLine" WHERE "cartId" = $14::uuid
    )
    SELECT * FROM "order"`,
    [
      orderId,
      userId,
      idempotencyKey,
      total.amount,
      total.currency,
      lines.map(() => uuidv7()),
      lines.map((line) => line.productId),
      lines.map((line) => line.quantity),
      lines.map((line) => line.unitPriceAmount),
      lines.map((line) => lineTotal(line.unitPriceAmount, line.quantity)),
      uuidv7(),
      OrderEventType.OrderPlaced,
      JSON.stringify(outboxPayload(payload)),
      cartId,
    ],
  );
  return order!;
}
