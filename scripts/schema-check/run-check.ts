import { existsSync, readFileSync } from 'node:fs';
import { createManifest, parseManifest, serializeManifest } from '#lib/graphql/persisted-query-manifest';
import { parseUsageSnapshot } from '#lib/graphql/usage-snapshot';
import { loadAcceptedChanges } from './accepted-changes.ts';
import { checkSchema, type RegisteredOperation, type SchemaCheckInput } from './check-schema.ts';
import { clientOperations, MANIFEST_PATH } from './client-operations.ts';
import { createGit, listAtCommit, readAtCommit, resolveBase } from './git-base.ts';
import { formatReport } from './print-report.ts';
import type { SubgraphSdl } from './schemas.ts';

export const ACCEPTED_CHANGES_PATH = 'schema/accepted-changes.json';
const SUPERGRAPH_FILE = 'supergraph.graphql';

export interface RunCheckOptions {
  subgraphs: readonly SubgraphSdl[];
  /** `--base <ref>`; the merge-base with main when absent. */
  base?: string | undefined;
  /** `--usage <file>`: a router usage snapshot. */
  usage?: string | undefined;
  log: (line: string) => void;
}

/** The base's subgraph SDLs: every schema/*.graphql at that commit but the supergraph. */
function baseSubgraphs(ref: string): SubgraphSdl[] {
  const git = createGit(process.cwd());
  return listAtCommit(git, ref, 'schema')
    .filter((file) => file.endsWith('.graphql') && file !== SUPERGRAPH_FILE)
    .map((file) => ({ name: file.replace(/\.graphql$/, ''), sdl: readAtCommit(git, ref, `schema/${file}`) ?? '' }));
}

/**
 * The registered operations, each with the client file it comes from. Fails when the committed
 * manifest is not what the clients' operations give, like a stale supergraph.
 */
function registeredOperations(log: (line: string) => void): RegisteredOperation[] | undefined {
  const expected = serializeManifest(
    createManifest(clientOperations().map(({ body, file }) => ({ body, where: file }))),
  );
  const committed = existsSync(MANIFEST_PATH) ? readFileSync(MANIFEST_PATH, 'utf8') : '';
  if (committed !== expected) {
    log(`${MANIFEST_PATH} is not what the clients' operations give. Run \`npm run operations:manifest\` and commit.`);
    return undefined;
  }
  const files = new Map(clientOperations().map(({ body, file }) => [body, file]));
  return parseManifest(committed, MANIFEST_PATH).operations.map(({ name, body }) => ({
    name,
    body,
    file: files.get(body) ?? MANIFEST_PATH,
  }));
}

/** `npm run schema:check`'s client-facing half: true when the change may land. */
export async function runSchemaCheck(options: RunCheckOptions): Promise<boolean> {
  const operations = registeredOperations(options.log);
  if (!operations) return false;
  const base = resolveBase(createGit(process.cwd()), options.base);
  const input: SchemaCheckInput = {
    subgraphs: options.subgraphs,
    base: 'missing' in base ? base : { description: base.description, subgraphs: baseSubgraphs(base.ref) },
    operations,
    accepted: loadAcceptedChanges(ACCEPTED_CHANGES_PATH),
    usage: options.usage ? parseUsageSnapshot(readFileSync(options.usage, 'utf8'), options.usage) : undefined,
  };
  const result = await checkSchema(input);
  formatReport(result, MANIFEST_PATH).forEach((line) => options.log(line));
  return result.ok;
}
