import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { dropDatabase, withDatabaseName } from '#lib/database/ensure-database';
import { SUBGRAPHS } from '#subgraphs/registry';
import { migrateDatabase } from '../scripts/migrate-databases.ts';
import { TEST_SERVER_URL, templateNames } from './harness/template-databases.ts';

/** Migrates one template database per subgraph for the run, and drops them when it ends. */
export default async function setup(project: TestProject) {
  const templates = templateNames(randomUUID().slice(0, 8));
  project.provide('templateDatabases', templates);
  const urls = SUBGRAPHS.map((subgraph) => withDatabaseName(TEST_SERVER_URL, templates[subgraph.name]!));
  await Promise.all(
    SUBGRAPHS.map((subgraph, index) =>
      migrateDatabase(subgraph, { ...process.env, [`${subgraph.envPrefix}_DATABASE_URL`]: urls[index] }, 'quiet'),
    ),
  );
  return async () => {
    await Promise.all(urls.map((url) => dropDatabase(url)));
  };
}
