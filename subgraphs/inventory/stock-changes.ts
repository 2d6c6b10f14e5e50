import { z } from 'zod';
import { ErrorCode, userError } from '#lib/errors';
import { uuidv7 } from '#lib/ids';
import {
  MAX_STOCK_QUANTITY,
  adjustOnHand,
  setOnHand,
  type OnHandChange,
  type StockQuantities,
} from './stock-arithmetic.ts';
import type { PrismaClient, StockMovementKind } from './generated/prisma/client.ts';
import { TRANSACTION_OPTIONS } from './transaction-options.ts';

const productId = z.uuid('must be a product id');
const reason = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

export const setStockSchema = z.object({
  productId,
  onHand: z.number().int().min(0, 'must not be negative').max(MAX_STOCK_QUANTITY),
  reason,
});
export type SetStockInput = z.infer<typeof setStockSchema>;

export const adjustStockSchema = z.object({
  productId,
  delta: z
    .number()
    .int()
    .min(-MAX_STOCK_QUANTITY)
    .max(MAX_STOCK_QUANTITY)
    .refine((delta) => delta !== 0, 'must not be 0'),
  reason,
});
export type AdjustStockInput = z.infer<typeof adjustStockSchema>;

const REFUSALS: Record<Exclude<OnHandChange, { ok: true }>['reason'], string> = {
  NEGATIVE: 'Stock on hand cannot go below zero.',
  BELOW_RESERVED: 'Stock on hand cannot go below the units reserved for orders.',
  ABOVE_MAXIMUM: `Stock on hand cannot exceed ${MAX_STOCK_QUANTITY}.`,
};

/**
 * Changes one product's units on hand and records the movement in one transaction. The row is
 * locked first, so a concurrent reservation or adjustment sees the result, never a lost update.
 */
async function changeOnHand(
  prisma: PrismaClient,
  { productId, reason, kind }: { productId: string; reason: string; kind: StockMovementKind },
  actorId: string,
  decide: (stock: StockQuantities) => OnHandChange,
): Promise<StockQuantities> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "StockLevel" ("productId") VALUES (${productId}::uuid) ON CONFLICT DO NOTHING`;
    const [stock] = await tx.$queryRaw<StockQuantities[]>`
      SELECT "onHand", "reserved" FROM "StockLevel" WHERE "productId" = ${productId}::uuid FOR UPDATE`;
    const change = decide(stock!);
    if (!change.ok) {
      throw userError(ErrorCode.InsufficientStock, REFUSALS[change.reason], {
        reason: change.reason,
        onHand: stock!.onHand,
        reserved: stock!.reserved,
      });
    }
    const updated = await tx.stockLevel.update({ where: { productId }, data: { onHand: change.onHand } });
    await tx.stockMovement.create({
      data: {
        productId,
        kind,
        onHandDelta: change.delta,
        reservedDelta: 0,
        onHandAfter: change.onHand,
        reason,
        actorId,
      },
    });
    return updated;
  }, TRANSACTION_OPTIONS);
}

/** Sets a product's units on hand; INSUFFICIENT_STOCK (nothing written) if below the reserved units. */
export const setStock = (prisma: PrismaClient, input: SetStockInput, actorId: string) =>
  changeOnHand(prisma, { ...input, kind: 'SET' }, actorId, (stock) => setOnHand(stock, input.onHand));

/** Adds or removes units on hand; INSUFFICIENT_STOCK (nothing written) if the result is out of bounds. */
export const adjustStock = (prisma: PrismaClient, input: AdjustStockInput, actorId: string) =>
  changeOnHand(prisma, { ...input, kind: 'ADJUST' }, actorId, (stock) => adjustOnHand(stock, input.delta));

/** Products one importStock call may stock. */
export const MAX_IMPORT_STOCK_LEVELS = 500;

export const importStockSchema = z.object({
  levels: z
    .array(z.object({ productId, onHand: setStockSchema.shape.onHand }))
    .min(1, 'must hold at least one level')
    .max(MAX_IMPORT_STOCK_LEVELS, `must hold at most ${MAX_IMPORT_STOCK_LEVELS} levels`)
    .superRefine((levels, context) => {
      const seen = new Set<string>();
      levels.forEach((level, index) => {
        if (seen.has(level.productId)) {
          context.addIssue({ code: 'custom', path: [index, 'productId'], message: 'is given twice' });
        }
        seen.add(level.productId);
      });
    }),
  reason,
});
export type ImportStockInput = z.infer<typeof importStockSchema>;

/**
 * Gives products their first stock, with a SET movement each, in one statement (so all or none):
 * a product that has a stock level already is left as it is, which makes a repeated import (a
 * re-run seed) add nothing.
 */
export async function importStock(prisma: PrismaClient, { levels, reason }: ImportStockInput, actorId: string) {
  const productIds = levels.map((level) => level.productId);
  const [result] = await prisma.$queryRaw<{ stocked: number }[]>`
    WITH "stocked" AS (
      INSERT INTO "StockLevel" ("productId", "onHand")
      SELECT * FROM unnest(${productIds}::uuid[], ${levels.map((level) => level.onHand)}::int[])
      ON CONFLICT ("productId") DO NOTHING
      RETURNING "productId", "onHand"
    ), "moved" AS (
      INSERT INTO "StockMovement"
        ("id", "productId", "kind", "onHandDelta", "reservedDelta", "onHandAfter", "reason", "actorId")
      SELECT m."id", s."productId", 'SET', s."onHand", 0, s."onHand", ${reason}, ${actorId}::uuid
      FROM "stocked" s JOIN unnest(${levels.map(() => uuidv7())}::uuid[], ${productIds}::uuid[]) AS m("id", "productId")
        ON m."productId" = s."productId"
      RETURNING 1
    )
    SELECT count(*)::int AS "stocked" FROM "moved"`;
  const stocked = result?.stocked ?? 0;
  return { stocked, alreadyStocked: levels.length - stocked };
}
