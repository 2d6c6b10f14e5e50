import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { inputValuesPlugin } from './input-values-plugin.ts';
import { operationSelectionPlugin } from './operation-selection-plugin.ts';

const typeDefs = /* GraphQL */ `
  input ProductInput {
    name: String!
    description: String
  }
  type Query {
    echo(text: String!): String!
  }
  type Mutation {
    save(input: ProductInput!): String!
  }
`;

let saved = 0;
const server = new ApolloServer({
  typeDefs,
  resolvers: {
    Query: { echo: (_: unknown, { text }: { text: string }) => text },
    Mutation: { save: () => String((saved += 1)) },
  },
  plugins: [operationSelectionPlugin(), inputValuesPlugin()],
});

const run = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
  const response = await server.executeOperation({
    query,
    ...(variables ? { variables } : {}),
    ...(operationName ? { operationName } : {}),
  });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
};

const SAVE = 'mutation ($input: ProductInput!) { save(input: $input) }';

describe('inputValuesPlugin', () => {
  it('refuses a NUL in a variable as BAD_USER_INPUT naming it, before any resolver', async () => {
    const before = saved;
    const response = await run(SAVE, { input: { name: 'a\u0000b' } });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(saved).toBe(before);
  });

  it('refuses a NUL or a lone surrogate in a literal argument', async () => {
    const nul = await run('mutation { save(input: {name: "a\\u0000b"}) }');
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const plain = await run('{ echo(text: "x") }', undefined);
    expect(plain.errors).toBeUndefined();
    const lone = await run('query ($t: String!) { echo(text: $t) }', { t: 'a\ud800' });
    expect(lone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 't' });
  });

  it('lets paired surrogates (emoji) and other Unicode through', async () => {
    const response = await run('query ($t: String!) { echo(text: $t) }', { t: '😀 \u202Eé\uFEFF' });
    expect(response.data).toEqual({ echo: '😀 \u202Eé\uFEFF' });
  });

  it('answers an input of 5,000 unknown keys with one short error, quickly', async () => {
    const input = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`unknownKey${i}`, i]));
    const started = performance.now();
    const response = await run(SAVE, { input });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors).length).toBeLessThan(1_000);
  });
});

describe('operationSelectionPlugin', () => {
  it('refuses several operations without operationName, and an unknown one, with HTTP 400', async () => {
    const doc = 'query A { echo(text: "a") } query B { echo(text: "b") }';
    for (const response of [await run(doc), await run(doc, undefined, 'C')]) {
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.['code']).toBe('OPERATION_RESOLUTION_FAILURE');
    }
    expect((await run(doc, undefined, 'B')).data).toEqual({ echo: 'b' });
  });

  it('refuses a subscription with OPERATION_NOT_SUPPORTED', async () => {
    const response = await run('subscription { echo(text: "a") }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('OPERATION_NOT_SUPPORTED');
  });
});
