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

/** Codes for a database that cannot be reached or is too busy to answer in time. */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
// `lock timeout`: the statement waited `lock_timeout` for a row another transaction holds; a
// retry a moment later usually finds it free.
// `not queryable`: pg's answer to a statement on a connection that broke earlier in the same
// transaction (the server ended it), seen when `npm run chaos` cuts a database's connections.
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable|terminating connection|connection error and is not queryable|due to lock timeout/i;

const messageOf = (error: unknown) =>
  error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : '';

/** A statement ran past the pool's `statement_timeout` (57014) and the server cancelled it. */
export const isStatementTimeout = (error: unknown) => /due to statement timeout/i.test(messageOf(error));

/**
 * The database is down, restarting, or out of connections: a condition to report as temporary
 * (SERVICE_UNAVAILABLE, retry later), not as a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = prismaCode(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  return UNAVAILABLE_MESSAGE.test(messageOf(error));
}
