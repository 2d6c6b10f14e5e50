import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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
    // Independent: the build compiles, the templates are migrated by Prisma's CLI; side by side.
    const build = promisify(execFile)(process.execPath, ['system/build.js']).catch((error: unknown) => {
      throw new Error(`the build failed: ${String((error as { stderr?: string }).stderr ?? error)}`, { cause: error });
    });
    const templates = createTemplateDatabases(randomUUID().slice(0, 8));
    run.testTemplates = {
      projects: 0,
      ready: Promise.all([build, templates]).then(
        ([, created]) => created,
        async (error: unknown) => {
          await (await templates.catch(() => undefined))?.drop();
          throw error;
        },
      ),
    };
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
