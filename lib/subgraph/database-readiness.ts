import type { ReadinessCheck } from '../http/health-routes.ts';

export interface Queryable {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
}

/** Ready while the subgraph's own database answers a trivial query. */
export function databaseReadiness(prisma: Queryable): ReadinessCheck {
  return async () => {
    try {
      await prisma.$queryRaw`SELECT 1`;
      return { ready: true, checks: { database: 'up' } };
    } catch (error) {
      return { ready: false, checks: { database: error instanceof Error ? error.message : 'down' } };
    }
  };
}
