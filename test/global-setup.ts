import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabases } from '#system/template-databases';
import { startSharedSystemBroker } from './harness/shared-systems.ts';

type Templates = Awaited<ReturnType<typeof createTemplateDatabases>>;

/**
 * Every project that names this setup runs it in the one vitest process, each with its own copy of
 * this module; they share one build and one set of templates (7 s to migrate) through a global,
 * dropped when the last of them ends.
 */
const run = globalThis as { testTemplates?: { projects: number; ready: Promise<Templates> } };

function sharedTemplates(): Promise<Templates> {
  if (!run.testTemplates) {
    execFileSync(process.execPath, ['system/build.js'], { stdio: 'inherit' });
    run.testTemplates = { projects: 0, ready: createTemplateDatabases(randomUUID().slice(0, 8)) };
  }
  run.testTemplates.projects += 1;
  return run.testTemplates.ready;
}

async function releaseTemplates(drop: () => Promise<void>): Promise<void> {
  if (!run.testTemplates || --run.testTemplates.projects > 0) return;
  delete run.testTemplates;
  await drop();
}

/**
 * Builds the services (incrementally: the tests start them from `dist/`, as `npm start` does),
 * migrates one template database per subgraph for the run, and serves the project's shared system;
 * all of it is removed when the run ends.
 */
export default async function setup(project: TestProject) {
  const { templates, drop } = await sharedTemplates();
  project.provide('templateDatabases', templates);
  const broker = await startSharedSystemBroker(templates);
  project.provide('sharedSystemUrl', broker.url);
  return async () => {
    await broker.close();
    await releaseTemplates(drop);
  };
}
