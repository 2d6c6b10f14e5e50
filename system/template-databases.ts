import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dropDatabase, withDatabaseName } from './databases.ts';
import { migrateDatabase } from './migrate.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { SUBGRAPHS } from './topology.ts';

/** The PostgreSQL server that private systems (tests, benchmarks, chaos) create their databases on. */
export const TEST_SERVER_URL =
  process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * A migrated template database per subgraph and test run: each test then gets a fresh database
 * as a cheap `CREATE DATABASE ... TEMPLATE` copy instead of migrating anew. The run id keeps
 * concurrent runs on one server apart; the migrations hash says which history a template holds.
 */
export function templateDatabaseName(subgraph: string, runId: string): string {
  const dir = resolve(PROJECT_ROOT, `prisma/${subgraph}/migrations`);
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) =>
    join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
  )) {
    if (entry.isFile()) hash.update(entry.name).update(readFileSync(join(entry.parentPath, entry.name)));
  }
  return `test_template_${runId}_${subgraph}_${hash.digest('hex').slice(0, 8)}`;
}

export const templateNames = (runId: string) =>
  Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, templateDatabaseName(name, runId)]));

/**
 * Migrates one template database per subgraph for a run (the test run's global setup, a
 * benchmark or the chaos run) and returns their names with a function that drops them again.
 */
export async function createTemplateDatabases(runId: string) {
  const templates = templateNames(runId);
  const urls = SUBGRAPHS.map((subgraph) => withDatabaseName(TEST_SERVER_URL, templates[subgraph.name]!));
  await Promise.all(
    SUBGRAPHS.map((subgraph, index) =>
      migrateDatabase(subgraph, { ...process.env, [`${subgraph.envPrefix}_DATABASE_URL`]: urls[index] }, 'quiet'),
    ),
  );
  return {
    templates,
    drop: async () => {
      await Promise.all(urls.map((url) => dropDatabase(url)));
    },
  };
}
