/**
 * Turns the exports of `@apollo/federation-internals` into plain data properties, before
 * `@apollo/gateway` (and the query planner it loads) first require the package. Imported for its
 * effect, first thing, by the module that builds the gateway.
 *
 * Why: the package is TypeScript compiled to CommonJS, and its index re-exports every module with
 * `__exportStar`, which defines each export as a getter (`get: () => m[k]`). The gateway's result
 * shaping reads `federation_internals_1.isNonNullType`, `.assert`, `.typenameFieldName`... for every
 * field of every answer, so each read runs a getter: 6.5 % of the router's busy CPU under
 * `bench:gateway`. A data property holding the same value is read inline.
 *
 * How, and why this way: the cached module's `exports` is replaced by an object holding the same
 * keys and values as data properties, through `require.cache` (Node's documented module cache),
 * so every later `require` gets it. Nothing in the package is edited, as patching `node_modules`
 * would be, and nothing is rewritten at load time, as a module hook would; the values are the very
 * same objects and functions. It is safe because the package assigns every export once, while its
 * modules load (the getters only forward to those finished modules), so a snapshot taken after
 * `require` returns never goes stale. The getters could not simply be redefined in place: they are
 * non-configurable. `flat-federation-exports.test.ts` checks the result and a federated query.
 */
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);
// Resolved from the gateway's own location, so this is the copy the gateway itself will require.
const gatewayEntry = requireFromHere.resolve('@apollo/gateway');
const requireFromGateway = createRequire(gatewayEntry);
const plannerEntry = requireFromGateway.resolve('@apollo/query-planner');
const internalsEntry = requireFromGateway.resolve('@apollo/federation-internals');

// The ESM loader enters a CommonJS module in the cache when it links the import graph and runs it
// later, in import order; only a module that has run (`loaded`) holds the package's exports already.
const hasRun = (entry: string) => requireFromHere.cache[entry]?.loaded === true;
if (hasRun(gatewayEntry) || hasRun(plannerEntry)) {
  // A static import-order mistake: fail at start-up rather than silently keep the slow getters.
  throw new Error('flat-federation-exports must be imported before @apollo/gateway is loaded');
}

requireFromGateway(internalsEntry);
const cached = requireFromHere.cache[internalsEntry];
if (!cached?.loaded) throw new Error(`${internalsEntry} is not loaded in the CommonJS module cache`);
const original = cached.exports as object;
const flat: Record<PropertyKey, unknown> = {};
for (const key of Reflect.ownKeys(original)) {
  const descriptor = Object.getOwnPropertyDescriptor(original, key)!;
  Object.defineProperty(flat, key, {
    value: descriptor.get ? descriptor.get.call(original) : descriptor.value,
    enumerable: descriptor.enumerable ?? false,
    // Read-only, as the getters (which have no setter) were.
    writable: false,
    configurable: false,
  });
}
cached.exports = flat;
