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
