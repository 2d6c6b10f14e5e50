#!/usr/bin/env node
// @ts-check
// A stand-in for Prisma's native `schema-engine` executable, for machines that cannot download
// it: the Prisma CLI runs it when PRISMA_SCHEMA_ENGINE_BINARY points here. See README.md.
import { parseArgs } from 'node:util';
import { runCliCommand } from './cli-commands.mjs';
import { serveJsonRpc } from './json-rpc.mjs';
import { log } from './log.mjs';
import { createPgAdapterFactory } from './pg-adapter.mjs';
import { createSchemaEngine, lastPanic, loadWasmBindings } from './wasm-engine.mjs';

// Panics in the engine's background tasks surface here rather than as a rejected request.
// Logged as an ERROR line, the panic message is what the CLI shows.
process.on('uncaughtException', (error) => {
  const isPanic = error instanceof WebAssembly.RuntimeError;
  log('ERROR', isPanic ? lastPanic() : (error.stack ?? error.message));
  process.exit(isPanic ? 101 : 1);
});

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      datamodels: { type: 'string', multiple: true, default: [] },
      datasource: { type: 'string', default: '{}' },
      // Passed by the CLI when the schema's generator lists preview features; the wasm engine
      // reads them from the datamodels itself.
      'enabled-preview-features': { type: 'string' },
      version: { type: 'boolean', short: 'V' },
    },
  });
  /** @type {{ url?: string, shadowDatabaseUrl?: string }} */
  const datasource = JSON.parse(values.datasource);

  if (values.version) {
    process.stdout.write(`schema-engine-wasm ${(await loadWasmBindings()).version()}\n`);
  } else if (!datasource.url) {
    throw new Error('--datasource must be a JSON object with a PostgreSQL `url`.');
  } else if (positionals[0] === 'cli') {
    process.exitCode = await runCliCommand(positionals[1], datasource.url);
  } else {
    const enginePromise = createSchemaEngine(
      values.datamodels,
      createPgAdapterFactory({ ...datasource, url: datasource.url }),
    );
    // A failed start is reported as the answer to each request rather than as a crash.
    enginePromise.catch(() => {});
    await serveJsonRpc(enginePromise);
    // The database pools would otherwise keep the process alive after stdin has closed.
    process.exit(0);
  }
} catch (error) {
  log('ERROR', error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
