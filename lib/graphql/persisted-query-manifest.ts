import { createHash } from 'node:crypto';
import { OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { z } from 'zod';

/** sha256 hex of an operation's text: the id APQ clients send and the manifest is keyed by. */
export const operationHash = (body: string) => createHash('sha256').update(body).digest('hex');

/**
 * Apollo's persisted-query manifest (what `@apollo/generate-persisted-query-manifest` writes and
 * GraphOS's safelisting reads): one file for the router's safelist and for the schema check.
 */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex id'),
      name: z.string().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

export type PersistedQueryManifest = z.infer<typeof manifestSchema>;
export type ManifestOperation = PersistedQueryManifest['operations'][number];

/**
 * Parses a manifest's JSON text. Refuses an id that is not the sha256 of its body: this project's
 * clients send the body (or its APQ hash) exactly as registered, so such an entry could never match
 * and would only hide a build mistake.
 */
export function parseManifest(text: string, source: string): PersistedQueryManifest {
  const result = manifestSchema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`manifest ${source}: ${z.prettifyError(result.error)}`);
  for (const { id, name, body } of result.data.operations) {
    if (operationHash(body) !== id) throw new Error(`manifest ${source}: id of ${name} is not the sha256 of its body`);
  }
  return result.data;
}

/** The one operation a client document holds; the manifest, like Apollo's, takes named ones only. */
function operationOf(body: string, where: string): OperationDefinitionNode {
  const operations = parse(body).definitions.filter((d) => d.kind === 'OperationDefinition');
  const [operation] = operations;
  if (operations.length !== 1 || !operation) throw new Error(`${where}: expected exactly one operation`);
  if (!operation.name) throw new Error(`${where}: anonymous operation; name it so checks and metrics can`);
  return operation;
}

const TYPES = {
  [OperationTypeNode.QUERY]: 'query',
  [OperationTypeNode.MUTATION]: 'mutation',
  [OperationTypeNode.SUBSCRIPTION]: 'subscription',
} as const;

/**
 * Builds a manifest from operation texts exactly as clients send them, so the id is the hash of
 * the bytes on the wire. Sorted by name for a stable, reviewable file.
 */
export function createManifest(bodies: readonly { body: string; where: string }[]): PersistedQueryManifest {
  const operations = bodies.map(({ body, where }) => {
    const operation = operationOf(body, where);
    return { id: operationHash(body), name: operation.name!.value, type: TYPES[operation.operation], body };
  });
  const names = new Set<string>();
  for (const { name } of operations) {
    if (names.has(name)) throw new Error(`two client operations are named ${name}; names must be unique`);
    names.add(name);
  }
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** The manifest as its file holds it. */
export const serializeManifest = (manifest: PersistedQueryManifest) => `${JSON.stringify(manifest, null, 2)}\n`;
