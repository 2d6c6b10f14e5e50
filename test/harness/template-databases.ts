import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS } from '#subgraphs/registry';

export const TEST_SERVER_URL =
  process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * A migrated template database per subgraph and test run: each test then gets a fresh database
 * as a cheap `CREATE DATABASE ... TEMPLATE` copy instead of migrating anew. The run id keeps
 * concurrent runs on one server apart; the migrations hash says which history a template holds.
 */
export function templateDatabaseName(subgraph: string, runId: string): string {
  const dir = `prisma/${subgraph}/migrations`;
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
