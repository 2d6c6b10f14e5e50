import { ensureDatabase } from '#lib/database/ensure-database';
import { SUBGRAPHS, subgraphDatabaseUrl, type SubgraphEntry } from '#subgraphs/registry';
import { runPrisma, type PrismaOutput } from './run-prisma.ts';

/** Creates a subgraph's database if missing and applies every pending migration. */
export async function migrateDatabase(
  subgraph: SubgraphEntry,
  env: Record<string, string | undefined>,
  output: PrismaOutput = 'inherit',
) {
  await ensureDatabase(subgraphDatabaseUrl(subgraph, env));
  await runPrisma(subgraph.name, ['migrate', 'deploy'], env, output);
}

/** Each database belongs to one subgraph, so they migrate side by side. */
export async function migrateAllDatabases(env: Record<string, string | undefined>): Promise<void> {
  await Promise.all(SUBGRAPHS.map((subgraph) => migrateDatabase(subgraph, env)));
}
