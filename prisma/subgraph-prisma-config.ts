import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';
import { subgraphDatabaseUrl, subgraphEntry } from '../system/topology.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ENGINE = here('./schema-engine/schema-engine.mjs');

/**
 * Prisma CLI settings for one subgraph's schema and migration history. Unless told otherwise the
 * CLI uses the project's WebAssembly-backed schema engine, because the native one cannot be
 * downloaded everywhere this runs; set PRISMA_SCHEMA_ENGINE_BINARY to use another.
 */
export function subgraphPrismaConfig(name: string) {
  process.env['PRISMA_SCHEMA_ENGINE_BINARY'] ??= ENGINE;
  return defineConfig({
    schema: here(`./${name}/schema.prisma`),
    migrations: { path: here(`./${name}/migrations`) },
    datasource: { url: subgraphDatabaseUrl(subgraphEntry(name), process.env) },
  });
}
