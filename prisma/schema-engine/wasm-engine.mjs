// @ts-check
import { readFile } from 'node:fs/promises';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

/** @typedef {import('@prisma/schema-engine-wasm').SchemaEngine} SchemaEngine */
/** @typedef {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory} AdapterFactory */

let lastPanicMessage = '';

/**
 * A Rust panic reaches JS as a bare `RuntimeError: unreachable`; the panic message itself is
 * handed over beforehand through this global, which the wasm bindings call into.
 */
export function lastPanic() {
  return lastPanicMessage;
}

/**
 * The package's entry point imports the `.wasm` file as an ES module, which plain Node 20 only
 * allows behind --experimental-wasm-modules, so the bindings are wired to the instance by hand.
 */
export async function loadWasmBindings() {
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: { set_message: (/** @type {string} */ message) => (lastPanicMessage = message) },
  });
  const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasm = await readFile(new URL('schema_engine_bg.wasm', bindingsUrl));
  const { instance } = await WebAssembly.instantiate(wasm, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  /** @type {() => void} */ (instance.exports.__wbindgen_start)();
  return bindings;
}

/**
 * The engine connects to the database while it is being created, so this rejects when the
 * database is unreachable.
 *
 * @param {string[]} datamodelPaths
 * @param {AdapterFactory} adapterFactory
 * @returns {Promise<SchemaEngine>}
 */
export async function createSchemaEngine(datamodelPaths, adapterFactory) {
  const { SchemaEngine } = await loadWasmBindings();
  /** @type {[string, string][]} */
  const datamodels = await Promise.all(
    datamodelPaths.map(async (path) => /** @type {[string, string]} */ ([path, await readFile(path, 'utf8')])),
  );
  // The CLI passes no --datamodels for commands such as `migrate diff`, but the wasm engine
  // panics without a schema to pick its connector from.
  if (datamodels.length === 0) datamodels.push(['schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n']);
  return SchemaEngine.new({ datamodels }, forwardEngineLog, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

/**
 * The engine already formats its logs as the JSON lines the CLI reads from stderr.
 *
 * @param {string} line
 */
function forwardEngineLog(line) {
  process.stderr.write(`${line.trimEnd()}\n`);
}

/**
 * The wasm engine hands its shadow database factory to `devDiagnostic` and
 * `diagnoseMigrationHistory`, but not to `evaluateDataLoss` and `createMigration`. Those two
 * only work when the schema of the migration history is already cached, which it is not when
 * `migrate dev` has just applied pending migrations: they fail with "PostgreSQL shadow DB must
 * be provided through an external factory". `diagnoseMigrationHistory` with the shadow
 * database caches the schema of the history the database now has, so they can be retried.
 *
 * @param {SchemaEngine} engine
 * @param {string} method
 * @param {any} params
 * @returns {Promise<unknown>}
 */
export async function callEngine(engine, method, params) {
  const call = /** @type {(params: unknown) => Promise<unknown>} */ (
    engine[/** @type {keyof SchemaEngine} */ (method)]
  );
  try {
    return await call.call(engine, params);
  } catch (error) {
    const needsCachedHistory = method === 'evaluateDataLoss' || method === 'createMigration';
    if (!needsCachedHistory || !String(error).includes('shadow DB must be provided through an external factory')) {
      throw error;
    }
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters,
    });
    return call.call(engine, params);
  }
}
