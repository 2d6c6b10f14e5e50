import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabases } from '#system/template-databases';

/**
 * Builds the services (incrementally: the tests start them from `dist/`, as `npm start` does),
 * and migrates one template database per subgraph for the run, dropped when it ends.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['system/build.js'], { stdio: 'inherit' });
  const { templates, drop } = await createTemplateDatabases(randomUUID().slice(0, 8));
  project.provide('templateDatabases', templates);
  return drop;
}
