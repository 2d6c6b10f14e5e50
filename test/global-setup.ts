import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabases } from '#system/template-databases';
import { startSharedSystemBroker } from './harness/shared-systems.ts';

/**
 * Builds the services (incrementally: the tests start them from `dist/`, as `npm start` does),
 * migrates one template database per subgraph for the run, and serves the run's shared system;
 * all of it is removed when the run ends.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['system/build.js'], { stdio: 'inherit' });
  const { templates, drop } = await createTemplateDatabases(randomUUID().slice(0, 8));
  project.provide('templateDatabases', templates);
  const broker = await startSharedSystemBroker(templates);
  project.provide('sharedSystemUrl', broker.url);
  return async () => {
    await broker.close();
    await drop();
  };
}
