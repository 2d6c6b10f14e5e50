import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabases } from './harness/template-databases.ts';

/** Migrates one template database per subgraph for the run, and drops them when it ends. */
export default async function setup(project: TestProject) {
  const { templates, drop } = await createTemplateDatabases(randomUUID().slice(0, 8));
  project.provide('templateDatabases', templates);
  return drop;
}
