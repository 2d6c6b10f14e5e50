// @ts-check
import { createInterface } from 'node:readline';
import { log } from './log.mjs';
import { callEngine, lastPanic } from './wasm-engine.mjs';

/** @typedef {import('./wasm-engine.mjs').SchemaEngine} SchemaEngine */
/** @typedef {{ jsonrpc: '2.0', id?: number | string, method?: string, params?: unknown }} Message */

/** @type {ReadonlySet<string>} */
const ENGINE_METHODS = new Set([
  'applyMigrations',
  'createMigration',
  'dbExecute',
  'debugPanic',
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'diff',
  'ensureConnectionValidity',
  'evaluateDataLoss',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'reset',
  'schemaPush',
  'version',
]);

/** The CLI still uses the native engine's name for this method (only for error reports). */
const METHOD_ALIASES = new Map([['getDatabaseVersion', 'version']]);

let nextPrintRequestId = 1;

/**
 * Answers the CLI's JSON-RPC requests, one JSON object per line on stdin and stdout, until
 * stdin closes. Requests run one at a time, as the engine is not meant to be re-entered.
 *
 * @param {Promise<SchemaEngine>} enginePromise
 */
export async function serveJsonRpc(enginePromise) {
  let queue = Promise.resolve();
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    /** @type {Message} */
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      log('ERROR', `Ignoring a line that is not JSON: ${line.slice(0, 200)}`);
      continue;
    }
    // Messages without a method are the CLI's answers to our `print` requests.
    if (message.method === undefined) continue;
    queue = queue.then(() => answer(enginePromise, message));
  }
  await queue;
}

/**
 * @param {Promise<SchemaEngine>} enginePromise
 * @param {Message} request
 */
async function answer(enginePromise, { id, method = '', params }) {
  const engineMethod = METHOD_ALIASES.get(method) ?? method;
  if (!ENGINE_METHODS.has(engineMethod)) {
    send({ jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } });
    return;
  }
  try {
    const result = /** @type {any} */ (await callEngine(await enginePromise, engineMethod, params));
    // The native engine prints `migrate diff` output through a `print` request to the CLI,
    // which is how the CLI captures it for `--output`; the wasm engine returns it instead.
    if (engineMethod === 'diff' && typeof result?.stdout === 'string') {
      send({
        jsonrpc: '2.0',
        id: `print-${nextPrintRequestId++}`,
        method: 'print',
        params: { content: result.stdout },
      });
    }
    send({ jsonrpc: '2.0', id, result: result ?? {} });
  } catch (error) {
    const rpcError = toRpcError(error);
    send({ jsonrpc: '2.0', id, error: rpcError });
    // The wasm instance is unusable after a panic. 101 is what a panicking Rust program exits
    // with, which the CLI also reports as a panic.
    if (rpcError.data.is_panic) process.exit(101);
  }
}

/**
 * Shaped like the native engine's errors, which the CLI turns into its own error messages.
 *
 * @param {unknown} error
 */
function toRpcError(error) {
  // A Rust panic aborts the wasm code with an `unreachable` trap.
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const message = isPanic ? lastPanic() : error instanceof Error ? error.message : String(error);
  const errorCode = /** @type {{ code?: unknown }} */ (error)?.code;
  return {
    code: 4466,
    message,
    data: { is_panic: isPanic, message, ...(typeof errorCode === 'string' ? { error_code: errorCode } : {}) },
  };
}

/** @param {object} message */
function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}
