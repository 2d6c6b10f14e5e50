import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '#lib/logger';
import { parseUsageSnapshot } from '#lib/graphql/usage-snapshot';
import { createFieldUsage, fieldUsagePlugin } from './field-usage-plugin.ts';

const schema = buildSchema('type Product { id: ID! price: Int } type Query { products(first: Int): [Product!]! }');

describe('createFieldUsage', () => {
  it('counts the requests that used each schema element', () => {
    const usage = createFieldUsage(() => new Date('2026-12-01T00:00:00Z'));
    const browse = parse('{ products(first: 2) { id price } }');
    usage.record(schema, browse);
    usage.record(schema, browse);
    usage.record(schema, parse('{ products { id } }'));
    expect(usage.snapshot()).toMatchObject({
      format: 'field-usage-snapshot',
      requests: 3,
      counts: { 'Query.products': 3, 'Query.products.first': 2, 'Product.id': 3, 'Product.price': 2 },
    });
  });

  it('counts only elements the schema has, so memory is bounded by its size', () => {
    const usage = createFieldUsage();
    usage.record(schema, parse('{ products { nope } unknown }'));
    expect(Object.keys(usage.snapshot().counts).sort()).toEqual(['Product', 'Query', 'Query.products']);
  });
});

describe('fieldUsagePlugin', () => {
  it('writes a snapshot schema:check reads when the server stops', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'usage-')), 'usage.json');
    const usage = createFieldUsage();
    const server = new ApolloServer({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'hi' } },
      plugins: [
        fieldUsagePlugin(usage, { path, intervalMs: 60_000, logger: createLogger({ name: 'test', level: 'silent' }) }),
      ],
    });
    await server.start();
    await server.executeOperation({ query: '{ hello }' });
    await server.stop();
    const snapshot = parseUsageSnapshot(readFileSync(path, 'utf8'), path);
    expect(snapshot).toMatchObject({ requests: 1, counts: { 'Query.hello': 1 } });
  });
});
