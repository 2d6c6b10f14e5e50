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

/** Products one importProducts call may create. */
export const MAX_IMPORT_PRODUCTS = 500;

export const importProductsSchema = z.object({
  products: z
    .array(createProductSchema)
    .min(1, 'must hold at least one product')
    .max(MAX_IMPORT_PRODUCTS, `must hold at most ${MAX_IMPORT_PRODUCTS} products`)
    .superRefine((products, context) => {
      const seen = new Set<string>();
      products.forEach(({ sku }, index) => {
        if (seen.has(sku)) context.addIssue({ code: 'custom', path: [index, 'sku'], message: 'is given twice' });
        seen.add(sku);
      });
    }),
});

const skuTaken = () => userError(ErrorCode.Conflict, 'A product with this SKU already exists.', { field: 'sku' });

/** The row a product input becomes, for one product or many. */
const productRow = (input: CreateProductInput, createdById: string) => ({
  sku: input.sku,
  name: input.name,
  description: input.description ?? '',
  priceAmount: input.price.amount,
  currency: input.price.currency,
  categoryId: input.categoryId ?? null,
  createdById,
});

export async function createProduct(prisma: PrismaClient, input: CreateProductInput, createdById: string) {
  if (input.categoryId != null) await requireCategory(prisma, input.categoryId);
  try {
    return await prisma.product.create({
      data: productRow(input, createdById),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken();
    throw error;
  }
}

/**
 * Creates every product in one INSERT, or none: a taken SKU fails the whole statement and answers
 * CONFLICT with the SKUs already in the catalog. Answers the products in the order given.
 */
export async function importProducts(prisma: PrismaClient, products: CreateProductInput[], createdById: string) {
  const categoryIds = new Set(products.flatMap(({ categoryId }) => (categoryId != null ? [categoryId] : [])));
  await Promise.all([...categoryIds].map((categoryId) => requireCategory(prisma, categoryId)));
  try {
    const created = await prisma.product.createManyAndReturn({
      data: products.map((input) => productRow(input, createdById)),
    });
    const bySku = new Map(created.map((product) => [product.sku, product]));
    return products.map(({ sku }) => bySku.get(sku)!);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const taken = await prisma.product.findMany({
      where: { sku: { in: products.map(({ sku }) => sku) } },
      select: { sku: true },
    });
    throw userError(ErrorCode.Conflict, 'Products with these SKUs already exist; nothing was imported.', {
      field: 'sku',
      skus: taken.map(({ sku }) => sku),
    });
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
