/**
 * Prisma's known request errors carry a stable code; checking it by shape keeps this module
 * independent of any one subgraph's generated client.
 */
function prismaCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}

/** A unique constraint refused the write (P2002). */
export const isUniqueViolation = (error: unknown) => prismaCode(error) === 'P2002';

/** An update or delete found no row to change (P2025). */
export const isRecordNotFound = (error: unknown) => prismaCode(error) === 'P2025';
