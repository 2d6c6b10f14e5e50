import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { ensureDatabase } from './databases.ts';
import { runPrisma, type PrismaOutput } from './prisma-cli.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { SUBGRAPHS, subgraphDatabaseUrl, type SubgraphEntry } from './topology.ts';

/** The migrations a subgraph's history holds, by folder name (what `_prisma_migrations` records). */
async function migrationNames(subgraph: string): Promise<string[]> {
  const entries = await readdir(resolve(PROJECT_ROOT, 'prisma', subgraph, 'migrations'), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/**
 * True when every migration of the history is recorded as finished and none failed: then
 * `prisma migrate deploy` would do nothing, and starting its CLI (seconds per database on a small
 * machine) is skipped. Anything else (no table yet, a pending or failed migration) goes to Prisma.
 */
async function isUpToDate(url: string, subgraph: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; finished: boolean; failed: boolean }>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NULL AND finished_at IS NULL AS failed
         FROM _prisma_migrations`,
    );
    if (rows.some((row) => row.failed)) return false;
    const applied = new Set(rows.filter((row) => row.finished).map((row) => row.migration_name));
    return (await migrationNames(subgraph)).every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/** Creates a subgraph's database if missing and applies every pending migration. */
export async function migrateDatabase(
  subgraph: SubgraphEntry,
  env: Record<string, string | undefined>,
  output: PrismaOutput = 'inherit',
): Promise<void> {
  const url = subgraphDatabaseUrl(subgraph, env);
  const created = await ensureDatabase(url);
  if (!created && (await isUpToDate(url, subgraph.name))) return;
  await runPrisma(subgraph.name, ['migrate', 'deploy'], env, output);
}

/** Each database belongs to one subgraph, so they migrate side by side. */
export async function migrateAllDatabases(
  env: Record<string, string | undefined>,
  output: PrismaOutput = 'inherit',
): Promise<void> {
  await Promise.all(SUBGRAPHS.map((subgraph) => migrateDatabase(subgraph, env, output)));
}
