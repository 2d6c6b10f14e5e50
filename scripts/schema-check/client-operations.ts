import { OPERATIONS as LOAD_OPERATIONS, SETUP_OPERATIONS as LOAD_SETUP_OPERATIONS } from '../load/operations.ts';
import { SEED_OPERATIONS } from '../seed/operations.ts';
import { CHAOS_OPERATIONS } from '../chaos/operations.ts';

/** The persisted-query manifest: the operations this project's clients send (Apollo's format). */
export const MANIFEST_PATH = 'schema/persisted-query-manifest.json';

/**
 * Every client of the API in this repository and the file its operations live in. A new client
 * (a storefront) adds its operations here; `npm run operations:manifest` then registers them.
 */
const CLIENTS: readonly { file: string; operations: Readonly<Record<string, string>> }[] = [
  { file: 'scripts/load/operations.ts', operations: { ...LOAD_OPERATIONS, ...LOAD_SETUP_OPERATIONS } },
  { file: 'scripts/seed/operations.ts', operations: SEED_OPERATIONS },
  { file: 'scripts/chaos/operations.ts', operations: CHAOS_OPERATIONS },
];

/** Each client operation's text, exactly as sent, with the file that holds it. */
export const clientOperations = (): { body: string; file: string }[] =>
  CLIENTS.flatMap(({ file, operations }) => Object.values(operations).map((body) => ({ body, file })));
