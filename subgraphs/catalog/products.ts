import { z } from 'zod';
import { ErrorCode, notFound, userError } from '#lib/errors';
import { isRecordNotFound, isUniqueViolation } from '#lib/prisma-errors';
import type { PrismaClient } from './generated/prisma/client.ts';
import { requireCategory } from './categories.ts';

/** Prices are integers in minor units; the cap keeps totals of many lines inside a 32-bit Int. */
export const MAX_PRICE_AMOUNT = 10_000_000;

const moneySchema = z.object({
  amount: z.number().int('must be a whole number of minor units').min(0, 'must not be negative').max(MAX_PRICE_AMOUNT),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code'),
});

export const createProductSchema = z.object({
  sku: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, dots, dashes or underscores'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(5_000).nullish(),
  price: moneySchema,
  categoryId: z.string().nullish(),
});
export type CreateProductInput = z.infer<typeof createProductSchema>;

export const updateProductSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200).nullish(),
  description: z.string().max(5_000).nullish(),
  price: moneySchema.nullish(),
  categoryId: z.string().nullish(),
});
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

const skuTaken = () => userError(ErrorCode.Conflict, 'A product with this SKU already exists.', { field: 'sku' });

export async function createProduct(prisma: PrismaClient, input: CreateProductInput, createdById: string) {
  if (input.categoryId != null) await requireCategory(prisma, input.categoryId);
  try {
    return await prisma.product.create({
      data: {
        sku: input.sku,
        name: input.name,
        description: input.description ?? '',
        priceAmount: input.price.amount,
        currency: input.price.currency,
        categoryId: input.categoryId ?? null,
        createdById,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken();
    throw error;
  }
}

export async function updateProduct(prisma: PrismaClient, id: string, input: UpdateProductInput) {
  if (input.categoryId != null) await requireCategory(prisma, input.categoryId);
  try {
    return await prisma.product.update({
      where: { id },
      data: {
        ...(input.name != null ? { name: input.name } : {}),
        ...(input.description != null ? { description: input.description } : {}),
        ...(input.price ? { priceAmount: input.price.amount, currency: input.price.currency } : {}),
        ...(input.categoryId != null ? { categoryId: input.categoryId } : {}),
      },
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound('Product');
    throw error;
  }
}
