import { z } from 'zod';
import { ErrorCode, userError } from '#lib/errors';
import { isUniqueViolation } from '#lib/prisma-errors';
import type { PrismaClient, User, Role } from './generated/prisma/client.ts';
import { burnVerification, hashPassword, verifyPassword } from './passwords.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid e-mail address' }).max(254));

export const registerInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(8, 'must be at least 8 characters').max(128, 'must be at most 128 characters'),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});
export type RegisterInput = z.infer<typeof registerInputSchema>;

export const loginInputSchema = z.object({ email: emailSchema, password: z.string().max(128) });
export type LoginInput = z.infer<typeof loginInputSchema>;

/** Creates a user; the unique index, not a prior lookup, decides a race between two sign-ups. */
export async function createUser(prisma: PrismaClient, input: RegisterInput, role: Role = 'CUSTOMER'): Promise<User> {
  try {
    return await prisma.user.create({
      data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password), role },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw userError(ErrorCode.Conflict, 'An account with this e-mail already exists.', { field: 'email' });
    }
    throw error;
  }
}

/** Returns the user whose e-mail and password match; one error for every kind of mismatch. */
export async function authenticate(prisma: PrismaClient, input: LoginInput): Promise<User> {
  const user = await prisma.user.findUnique({ where: { email: input.email } });
  const matches = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await burnVerification(input.password);
  if (!user || !matches) throw userError(ErrorCode.InvalidCredentials, 'E-mail or password is wrong.');
  return user;
}
