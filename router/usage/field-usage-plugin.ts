import { renameSync, writeFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Logger } from '#lib/logger';
import { usageOf } from '#lib/graphql/operation-usage';
import type { UsageSnapshot } from '#lib/graphql/usage-snapshot';

/** Requests per schema element since the router started. */
export interface FieldUsage {
  record(schema: GraphQLSchema, document: DocumentNode): void;
  snapshot(): UsageSnapshot;
}

/**
 * Counts, per schema element (`Product.price`, `Query.products.first`), the operations that used
 * it. Memory is bounded by the schema's size: only elements the schema knows are counted. The
 * elements of a document are worked out once per parsed document (Apollo keeps parsed documents in
 * its cache, so a repeated operation is the same object), keyed by schema so a new supergraph
 * starts afresh.
 */
export function createFieldUsage(now: () => Date = () => new Date()): FieldUsage {
  const from = now().toISOString();
  const counts = new Map<string, number>();
  const elementsOf = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly string[]>>();
  let requests = 0;
  return {
    record(schema, document) {
      let bySchema = elementsOf.get(schema);
      if (!bySchema) elementsOf.set(schema, (bySchema = new WeakMap()));
      let elements = bySchema.get(document);
      if (!elements) bySchema.set(document, (elements = [...usageOf(schema, document)]));
      requests += 1;
      for (const element of elements) counts.set(element, (counts.get(element) ?? 0) + 1);
    },
    snapshot: () => ({
      format: 'field-usage-snapshot',
      version: 1,
      from,
      to: now().toISOString(),
      requests,
      counts: Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))),
    }),
  };
}

/** Writes the snapshot whole or not at all (a rename), so a reader never sees half a file. */
function writeSnapshot(usage: FieldUsage, path: string) {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(usage.snapshot(), null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/**
 * Records each resolved operation's schema elements and writes a usage snapshot to `path` every
 * `intervalMs` and when the server stops, for `npm run schema:check -- --usage <path>`.
 */
export function fieldUsagePlugin(
  usage: FieldUsage,
  options: { path: string; intervalMs: number; logger: Logger },
): ApolloServerPlugin {
  const write = () => {
    try {
      writeSnapshot(usage, options.path);
    } catch (error) {
      options.logger.warn({ err: error, path: options.path }, 'could not write the field usage snapshot');
    }
  };
  return {
    async serverWillStart() {
      const timer = setInterval(write, options.intervalMs).unref();
      return {
        async serverWillStop() {
          clearInterval(timer);
          write();
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document }) {
          usage.record(schema, document);
        },
      };
    },
  };
}
