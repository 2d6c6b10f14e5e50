import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { usageKeyOf, usageOf } from '#lib/graphql/operation-usage';
import { acceptanceOf, type AcceptedChange } from './accepted-changes.ts';
import { diffSchemas, type SchemaChange } from './classify-changes.ts';
import { compose, subgraphSchema, type SubgraphSdl } from './schemas.ts';

/** An operation clients send, from the persisted-query manifest. */
export interface RegisteredOperation {
  name: string;
  body: string;
  /** The client file that holds it, or where it was registered from. */
  file: string;
}

export interface SchemaCheckInput {
  /** The subgraph SDLs being checked (the working tree). */
  subgraphs: readonly SubgraphSdl[];
  /** The subgraph SDLs to compare with, or why this clone has none. */
  base: { description: string; subgraphs: readonly SubgraphSdl[] } | { missing: string };
  operations: readonly RegisteredOperation[];
  accepted: readonly AcceptedChange[];
  /** Requests seen per element (Inspector path notation), from a router usage snapshot. */
  usage?: { requests: number; counts: Readonly<Record<string, number>> } | undefined;
}

export type Verdict = 'fail' | 'warn' | 'ok';
export interface JudgedChange extends SchemaChange {
  verdict: Verdict;
  why: string;
}

export interface InvalidOperation extends RegisteredOperation {
  errors: string[];
  /** The accepted change that excuses it, when every break it suffers was accepted. */
  excusedBy?: string;
}

export interface SchemaCheckResult {
  ok: boolean;
  compositionErrors: string[];
  base: string;
  /** Set when there was nothing to diff against, with why. */
  diffSkipped?: string;
  subgraphs: { name: string; status: 'changed' | 'added' | 'removed'; changes: JudgedChange[] }[];
  api: JudgedChange[];
  operations: number;
  invalidOperations: InvalidOperation[];
  /** Entries of the accepted-changes file that match no change of this diff: remove them. */
  staleAcceptances: AcceptedChange[];
}

interface ParsedOperation extends RegisteredOperation {
  document: DocumentNode | undefined;
  used: Set<string>;
}

const describeUsers = (users: readonly RegisteredOperation[]) =>
  users.map(({ name, file }) => `${name} (${file})`).join(', ');

/** An argument's change (`Type.field.arg`): validation against the new schema tells exactly whom it breaks. */
const isArgumentChange = (change: SchemaChange) => !change.path.includes('@') && change.path.split('.').length === 3;

function judge(
  change: SchemaChange,
  operations: readonly ParsedOperation[],
  invalid: ReadonlySet<ParsedOperation>,
  input: SchemaCheckInput,
): JudgedChange & { users: ParsedOperation[] } {
  const key = usageKeyOf(change);
  const selecting = key === undefined ? [] : operations.filter(({ used }) => used.has(key));
  // An operation that selects the field but still validates passes the argument as the new schema
  // wants it; only those that no longer validate are broken by an argument's change.
  const users = isArgumentChange(change) ? selecting.filter((operation) => invalid.has(operation)) : selecting;
  const unaffected = selecting.filter((operation) => !users.includes(operation));
  // Traffic has no validation to ask, so it counts the field's requests; a removed argument breaks
  // only the requests that passed it.
  const counted = change.type === 'FIELD_ARGUMENT_REMOVED' ? change.path : key;
  const requests = counted === undefined ? 0 : (input.usage?.counts[counted] ?? 0);
  const uses = [
    ...(users.length ? [`used by ${describeUsers(users)}`] : []),
    ...(requests ? [`used by ${requests} of ${input.usage?.requests} requests in the usage snapshot`] : []),
  ].join('; ');
  // Inspector's reasons run long; their first sentence says it.
  const reason = change.reason ? ` ${change.reason.split(/(?<=\.)\s/)[0]}` : '';
  const judged = (verdict: Verdict, why: string) => ({ ...change, users, verdict, why });
  if (change.level === 'safe') return judged('ok', '');
  if (change.level === 'dangerous') {
    return judged(
      'ok',
      [uses || (selecting.length ? `used by ${describeUsers(selecting)}` : ''), change.reason ?? '']
        .filter(Boolean)
        .join('. '),
    );
  }
  const accepted = acceptanceOf(input.accepted, change);
  if (accepted) return judged('warn', `accepted: ${accepted.reason}${uses ? `; still ${uses}` : ''}`);
  if (uses) return judged('fail', `${uses}.${reason}`);
  const seen = input.usage ? ' and no request in the usage snapshot' : '';
  const still = unaffected.length ? `; ${describeUsers(unaffected)} still validate` : '';
  const none = isArgumentChange(change) ? 'no registered operation is broken by it' : 'no registered operation uses it';
  return judged('warn', `${none}${seen}${still}.${reason}`);
}

function parseOperation(operation: RegisteredOperation): ParsedOperation {
  try {
    return { ...operation, document: parse(operation.body), used: new Set() };
  } catch {
    return { ...operation, document: undefined, used: new Set() };
  }
}

const invalidIn = (schema: GraphQLSchema, operation: ParsedOperation): string[] =>
  operation.document
    ? validate(schema, operation.document).map((error) => error.message)
    : [`does not parse: ${operation.body.slice(0, 60)}`];

/**
 * Composes the subgraphs, validates every registered operation against the API schema, diffs each
 * subgraph and the API schema with the base, and judges each change: a breaking change fails only
 * when a registered operation (or traffic in the usage snapshot) uses it and it was not accepted.
 */
export async function checkSchema(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const baseLabel = 'missing' in input.base ? 'none' : input.base.description;
  const empty = { base: baseLabel, subgraphs: [], api: [], operations: input.operations.length, staleAcceptances: [] };
  const next = compose(input.subgraphs);
  if (!next.ok) return { ...empty, ok: false, compositionErrors: next.errors, invalidOperations: [] };

  const operations = input.operations.map(parseOperation);
  const invalid = operations
    .map((operation) => ({ operation, errors: invalidIn(next.apiSchema, operation) }))
    .filter(({ errors }) => errors.length > 0);
  const result = { ...empty, compositionErrors: [] };

  if ('missing' in input.base) {
    const invalidOperations = invalid.map(({ operation: { name, body, file }, errors }) => ({
      name,
      body,
      file,
      errors,
    }));
    return { ...result, ok: invalid.length === 0, diffSkipped: input.base.missing, invalidOperations };
  }
  const base = compose(input.base.subgraphs);
  for (const operation of operations) {
    if (!operation.document) continue;
    for (const schema of base.ok ? [base.apiSchema, next.apiSchema] : [next.apiSchema]) {
      usageOf(schema, operation.document).forEach((element) => operation.used.add(element));
    }
  }
  const invalidSet = new Set(invalid.map(({ operation }) => operation));
  const api = base.ok
    ? (await diffSchemas(base.apiSchema, next.apiSchema)).map((change) => judge(change, operations, invalidSet, input))
    : [];

  const invalidOperations: InvalidOperation[] = invalid.map(({ operation, errors }) => {
    const breaks = api.filter((change) => change.level === 'breaking' && change.users.includes(operation));
    const excused = breaks.length > 0 && breaks.every((change) => change.verdict === 'warn');
    const { name, body, file } = operation;
    return { name, body, file, errors, ...(excused ? { excusedBy: breaks.map((c) => c.coordinate).join(', ') } : {}) };
  });

  const subgraphs = await diffSubgraphs(input.base.subgraphs, input.subgraphs, api);
  const breaking = api.filter((change) => change.level === 'breaking');
  const staleAcceptances = input.accepted.filter((entry) => !breaking.some((change) => acceptanceOf([entry], change)));
  const ok = api.every(({ verdict }) => verdict !== 'fail') && invalidOperations.every((op) => op.excusedBy);
  return {
    ...result,
    ok,
    ...(base.ok ? {} : { diffSkipped: `the base does not compose: ${base.errors.join('; ')}` }),
    subgraphs,
    api: api.map(({ users: _users, ...change }) => change),
    invalidOperations,
    staleAcceptances,
  };
}

/**
 * Each subgraph's own changes. A subgraph change is judged by what clients see: the API change at
 * the same element if there is one; otherwise clients do not see it (another subgraph still serves
 * the field, or it is federation wiring), whatever its level in the subgraph.
 */
async function diffSubgraphs(
  base: readonly SubgraphSdl[],
  next: readonly SubgraphSdl[],
  api: readonly JudgedChange[],
): Promise<SchemaCheckResult['subgraphs']> {
  const names = [...new Set([...base, ...next].map(({ name }) => name))].sort();
  return Promise.all(
    names.map(async (name) => {
      const before = base.find((subgraph) => subgraph.name === name);
      const after = next.find((subgraph) => subgraph.name === name);
      if (!before) return { name, status: 'added' as const, changes: [] };
      if (!after) return { name, status: 'removed' as const, changes: [] };
      const changes = await diffSchemas(subgraphSchema(before.sdl), subgraphSchema(after.sdl));
      return {
        name,
        status: 'changed' as const,
        changes: changes.map((change): JudgedChange => {
          const seen = api.find((apiChange) => apiChange.path === change.path && apiChange.type === change.type);
          if (seen) return { ...change, verdict: seen.verdict, why: seen.why };
          const hidden = change.level === 'breaking' ? 'clients do not see it: the API schema is unchanged here' : '';
          return { ...change, verdict: 'ok', why: hidden || (change.level === 'safe' ? '' : (change.reason ?? '')) };
        }),
      };
    }),
  );
}
