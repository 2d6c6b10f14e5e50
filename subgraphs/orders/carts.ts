import { z } from 'zod';
import { ErrorCode, notFound, userError } from '#lib/errors';
import { uuidv7 } from '#lib/ids';
import { sqlOf, type SqlQuery } from '#lib/prisma';
import type { CartLine, PrismaClient } from './generated/prisma/client.ts';
import type { CatalogProduct } from './catalog-client.ts';
import { AmountOutOfRangeError, lineTotal, sumAmounts, type Money } from './money.ts';

export const MAX_LINE_QUANTITY = 100;
export const MAX_CART_LINES = 50;

/** What the Cart type resolves from: the lines, oldest first. */
export interface CartView {
  lines: CartLine[];
}

export const productIdSchema = z.uuid('must be a product id');
const quantitySchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
export const cartLineInputSchema = z.object({ productId: productIdSchema, quantity: quantitySchema });
export const removeInputSchema = z.object({ productId: productIdSchema });
export type CartLineInput = z.infer<typeof cartLineInputSchema>;

/** Looks a product's current price up in catalog (batched per request by the caller). */
export type PriceLookup = (productId: string) => Promise<CatalogProduct | null>;

interface PricedLine {
  productId: string;
  quantity: number;
  unitPriceAmount: number;
  currency: string;
}

/**
 * The total of lines that must share one currency; BAD_USER_INPUT when they do not or when the
 * total would not fit an Int. Null for no lines.
 */
export function totalOf(lines: readonly PricedLine[]): Money | null {
  const [first] = lines;
  if (!first) return null;
  const other = lines.find((line) => line.currency !== first.currency);
  if (other) {
    throw userError(
      ErrorCode.BadUserInput,
      `A cart holds one currency: it has ${first.currency}, this product is priced in ${other.currency}.`,
      { field: 'productId' },
    );
  }
  try {
    return {
      amount: sumAmounts(lines.map((line) => lineTotal(line.unitPriceAmount, line.quantity))),
      currency: first.currency,
    };
  } catch (error) {
    if (!(error instanceof AmountOutOfRangeError)) throw error;
    throw userError(ErrorCode.BadUserInput, 'The cart total would be larger than can be ordered at once.', {
      field: 'quantity',
    });
  }
}

const lineOrder = { id: 'asc' } as const;

/** The viewer's cart; an empty one when they never added anything. */
export async function getCart(prisma: PrismaClient, userId: string): Promise<CartView> {
  const cart = await prisma.cart.findUnique({ where: { userId }, include: { lines: { orderBy: lineOrder } } });
  return { lines: cart?.lines ?? [] };
}

/**
 * Runs a cart change with the cart row locked, so concurrent changes (and placeOrder) by the same
 * user apply one after another and the line limit and single currency hold.
 *
 * Plain SQL (see sqlOf): Prisma's query layer and interactive transaction were the largest item of
 * the orders subgraph's profile under checkout load. The transaction runs once more when its
 * connection was lost before COMMIT, as Prisma's did here (lib/lost-connections.ts), so `work`
 * must do only database work.
 */
export async function withLockedCart<T>(
  prisma: PrismaClient,
  userId: string,
  work: (query: SqlQuery, cartId: string, lines: CartLine[]) => Promise<T>,
): Promise<T> {
  return sqlOf(prisma).transaction(
    async (query) => {
      // One statement creates the cart on a first change and locks it either way: ON CONFLICT DO
      // UPDATE takes the row lock of the existing cart (concurrent first changes create one cart).
      // The lines are read by the next statement, whose snapshot sees whatever the previous holder
      // of the lock committed.
      const { rows: cart } = await query<{ id: string }>(
        `INSERT INTO "Cart" ("id", "userId", "updatedAt") VALUES ($1::uuid, $2::uuid, now())
         ON CONFLICT ("userId") DO UPDATE SET "updatedAt" = now()
         RETURNING "id"`,
        [uuidv7(), userId],
      );
      const cartId = cart[0]!.id;
      return work(query, cartId, await readLines(query, cartId));
    },
    { retryLostConnection: true },
  );
}

const readLines = async (query: SqlQuery, cartId: string): Promise<CartLine[]> =>
  (await query<CartLine>(`SELECT * FROM "CartLine" WHERE "cartId" = $1::uuid ORDER BY "id"`, [cartId])).rows;

async function requireProduct(priceOf: PriceLookup, productId: string): Promise<CatalogProduct> {
  const product = await priceOf(productId);
  if (!product) throw userError(ErrorCode.NotFound, 'Product not found.', { field: 'productId' });
  return product;
}

/** Writes one line at the product's current catalog price after checking the whole cart. */
async function writeLine(
  query: SqlQuery,
  cartId: string,
  lines: CartLine[],
  product: CatalogProduct,
  quantity: number,
) {
  const others = lines.filter((line) => line.productId !== product.id);
  if (others.length >= MAX_CART_LINES) {
    throw userError(ErrorCode.BadUserInput, `A cart holds at most ${MAX_CART_LINES} different products.`, {
      field: 'productId',
    });
  }
  const line = { unitPriceAmount: product.price.amount, currency: product.price.currency, quantity };
  totalOf([...others, { ...line, productId: product.id }]);
  // One INSERT ... ON CONFLICT writes the line, and the cart is known without reading it again.
  const {
    rows: [written],
  } = await query<CartLine>(
    `INSERT INTO "CartLine" ("id", "cartId", "productId", "quantity", "unitPriceAmount", "currency", "updatedAt")
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, now())
     ON CONFLICT ("cartId", "productId") DO UPDATE SET "quantity" = EXCLUDED."quantity",
       "unitPriceAmount" = EXCLUDED."unitPriceAmount", "currency" = EXCLUDED."currency", "updatedAt" = now()
     RETURNING *`,
    [uuidv7(), cartId, product.id, quantity, line.unitPriceAmount, line.currency],
  );
  return { lines: [...others, written!].sort((a, b) => a.id.localeCompare(b.id)) };
}

/** Adds `quantity` of a product, or that many more to its line; the line takes today's price. */
export async function addToCart(prisma: PrismaClient, priceOf: PriceLookup, userId: string, input: CartLineInput) {
  const product = await requireProduct(priceOf, input.productId);
  return withLockedCart(prisma, userId, async (query, cartId, lines) => {
    const existing = lines.find((line) => line.productId === input.productId)?.quantity ?? 0;
    if (existing + input.quantity > MAX_LINE_QUANTITY) {
      throw userError(
        ErrorCode.BadUserInput,
        `quantity: the cart already holds ${existing}; a line holds at most ${MAX_LINE_QUANTITY}.`,
        { field: 'quantity' },
      );
    }
    return writeLine(query, cartId, lines, product, existing + input.quantity);
  });
}

/** Sets the quantity of a product already in the cart; the line takes today's price. */
export async function updateCartLine(prisma: PrismaClient, priceOf: PriceLookup, userId: string, input: CartLineInput) {
  const product = await requireProduct(priceOf, input.productId);
  return withLockedCart(prisma, userId, async (query, cartId, lines) => {
    if (!lines.some((line) => line.productId === input.productId)) throw notFound('Cart line');
    return writeLine(query, cartId, lines, product, input.quantity);
  });
}

export async function removeFromCart(prisma: PrismaClient, userId: string, productId: string) {
  return withLockedCart(prisma, userId, async (query, cartId, lines) => {
    if (!lines.some((line) => line.productId === productId)) throw notFound('Cart line');
    await query(`DELETE FROM "CartLine" WHERE "cartId" = $1::uuid AND "productId" = $2::uuid`, [cartId, productId]);
    return { lines: await readLines(query, cartId) };
  });
}

export async function clearCart(prisma: PrismaClient, userId: string): Promise<CartView> {
  return withLockedCart(prisma, userId, async (query, cartId) => {
    await query(`DELETE FROM "CartLine" WHERE "cartId" = $1::uuid`, [cartId]);
    return { lines: [] };
  });
}
