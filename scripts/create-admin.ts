/**
 * `npm run accounts:create-admin -- <email> <password> <name>`: admins are never self-registered,
 * so an operator creates the first one against the accounts database.
 */
import { z } from 'zod';
import { createPrismaClient } from '#lib/prisma';
import { loadAccountsConfig } from '#subgraphs/accounts/config';
import { PrismaClient } from '#subgraphs/accounts/generated/prisma/client';
import { createUser, registerInputSchema } from '#subgraphs/accounts/users';

const [email, password, name = 'Admin'] = process.argv.slice(2);
const input = registerInputSchema.safeParse({ email, password, name });
if (!input.success) {
  console.error(`Usage: npm run accounts:create-admin -- <email> <password> [name]\n${z.prettifyError(input.error)}`);
  process.exit(2);
}
const prisma = createPrismaClient(PrismaClient, loadAccountsConfig(process.env).database);
try {
  const admin = await createUser(prisma, input.data, 'ADMIN');
  console.log(`Created admin ${admin.email} (${admin.id}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
