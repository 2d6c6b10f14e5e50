import { z } from 'zod';
import { ErrorCode, notFound, userError } from '#lib/errors';
import { isUniqueViolation } from '#lib/prisma-errors';
import type { PrismaClient } from './generated/prisma/client.ts';

export const createCategorySchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits separated by single dashes')
    .max(64),
  name: z.string().trim().min(1, 'must not be empty').max(100),
});
export type CreateCategoryInput = z.infer<typeof createCategorySchema>;

export async function createCategory(prisma: PrismaClient, input: CreateCategoryInput) {
  try {
    return await prisma.category.create({ data: input });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw userError(ErrorCode.Conflict, 'A category with this slug already exists.', { field: 'slug' });
    }
    throw error;
  }
}

/** Every category, by name: a short list, read whole. */
export const listCategories = (prisma: PrismaClient) =>
  prisma.category.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });

/** Checks a category id given for a product: BAD_USER_INPUT if malformed, NOT_FOUND if unknown. */
export async function requireCategory(prisma: PrismaClient, id: string) {
  if (!z.uuid().safeParse(id).success) {
    throw userError(ErrorCode.BadUserInput, 'categoryId: not a category id.', { field: 'categoryId' });
  }
  const found = await prisma.category.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw notFound('Category');
}
