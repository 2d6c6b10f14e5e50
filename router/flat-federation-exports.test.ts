import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';

// What the gateway would require, taken before the module under test runs, with its getters.
const requireFromGateway = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
const original = requireFromGateway('@apollo/federation-internals') as Record<PropertyKey, unknown>;
await import('./flat-federation-exports.ts');
// Only now the gateway and the packages that load it.
const { ApolloGateway, LocalGraphQLDataSource } = await import('@apollo/gateway');
const { buildSubgraphSchema } = await import('@apollo/subgraph');
const { composeServices } = await import('@apollo/composition');

const link =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';
const products = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
];
const users = [{ id: 'u1', name: 'Ada', username: '@ada' }];
const reviews = [
  { id: 'r1', body: 'Love it', authorId: 'u1', upc: '1' },
  { id: 'r2', body: 'Too heavy', authorId: 'u1', upc: '2' },
];
const byUpc = (upc: string) => products.find((product) => product.upc === upc)!;
const author = (id: string) => ({ id, username: users.find((user) => user.id === id)!.username });

/** Four subgraphs with entities across them, `@requires`, `@provides` and nested lists. */
const subgraphs = {
  products: {
    typeDefs: `${link}
      type Query { topProducts: [Product!]! }
      type Product @key(fields: "upc") { upc: String! name: String! price: Int weight: Int }`,
    resolvers: {
      Query: { topProducts: () => products },
      Product: { __resolveReference: ({ upc }: { upc: string }) => byUpc(upc) },
    },
  },
  inventory: {
    typeDefs: `${link}
      type Product @key(fields: "upc") {
        upc: String! price: Int @external weight: Int @external inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        inStock: ({ upc }: { upc: string }) => upc === '1',
        shippingEstimate: ({ price, weight }: { price: number; weight: number }) => (price > 1000 ? 0 : weight / 2),
      },
    },
  },
  reviews: {
    typeDefs: `${link}
      type Review { id: ID! body: String! author: User @provides(fields: "username") product: Product }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review!]! }
      type Product @key(fields: "upc") { upc: String! reviews: [Review!]! }`,
    resolvers: {
      Review: {
        author: ({ authorId }: { authorId: string }) => author(authorId),
        product: ({ upc }: { upc: string }) => ({ upc }),
      },
      User: { reviews: ({ id }: { id: string }) => reviews.filter((review) => review.authorId === id) },
      Product: { reviews: ({ upc }: { upc: string }) => reviews.filter((review) => review.upc === upc) },
    },
  },
  accounts: {
    typeDefs: `${link}
      type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
    resolvers: {
      User: { __resolveReference: ({ id }: { id: string }) => users.find((user) => user.id === id) },
    },
  },
};

describe('flat-federation-exports', () => {
  it('leaves the package exporting the same keys and the very same values, as plain data properties', () => {
    const flat = requireFromGateway('@apollo/federation-internals') as Record<PropertyKey, unknown>;
    expect(flat).not.toBe(original);
    expect(Reflect.ownKeys(flat)).toEqual(Reflect.ownKeys(original));
    expect(Object.getOwnPropertyDescriptor(original, 'isNonNullType')?.get).toBeTypeOf('function');
    for (const key of Reflect.ownKeys(original)) {
      const descriptor = Object.getOwnPropertyDescriptor(flat, key)!;
      expect(descriptor.get, String(key)).toBeUndefined();
      expect('value' in descriptor, String(key)).toBe(true);
      expect(descriptor.enumerable).toBe(Object.getOwnPropertyDescriptor(original, key)!.enumerable);
      expect(flat[key], String(key)).toBe(original[key]);
    }
  });

  it('refuses to run once the gateway is loaded, when it could no longer help', async () => {
    const requireFromHere = createRequire(import.meta.url);
    const entry = requireFromHere.resolve('./flat-federation-exports.ts');
    // A second evaluation of the module, as a late import would be.
    await expect(import(`${entry}?late`)).rejects.toThrow(/before @apollo\/gateway/);
  });

  it('leaves federation answering as before: entities, @requires, @provides, nested lists', async () => {
    const composed = composeServices(
      Object.entries(subgraphs).map(([name, { typeDefs }]) => ({
        name,
        url: `http://${name}`,
        typeDefs: parse(typeDefs),
      })),
    );
    expect(composed.errors).toBeUndefined();
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      buildService: ({ name }) => {
        const { typeDefs, resolvers } = subgraphs[name as keyof typeof subgraphs];
        // The resolver maps are typed by hand above; buildSubgraphSchema takes its own resolver type.
        return new LocalGraphQLDataSource(
          buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: resolvers as never }),
        );
      },
    });
    const server = new ApolloServer({ gateway });
    await server.start();
    try {
      const response = await server.executeOperation({
        query: `{ topProducts { __typename upc name shippingEstimate inStock
          reviews { body author { username name reviews { id product { name } } } } } }`,
      });
      expect(response.body).toEqual({
        kind: 'single',
        singleResult: {
          data: {
            topProducts: [
              {
                __typename: 'Product',
                upc: '1',
                name: 'Table',
                shippingEstimate: 50,
                inStock: true,
                reviews: [
                  {
                    body: 'Love it',
                    author: {
                      username: '@ada',
                      name: 'Ada',
                      reviews: [
                        { id: 'r1', product: { name: 'Table' } },
                        { id: 'r2', product: { name: 'Couch' } },
                      ],
                    },
                  },
                ],
              },
              {
                __typename: 'Product',
                upc: '2',
                name: 'Couch',
                shippingEstimate: 0,
                inStock: false,
                reviews: [
                  {
                    body: 'Too heavy',
                    author: {
                      username: '@ada',
                      name: 'Ada',
                      reviews: [
                        { id: 'r1', product: { name: 'Table' } },
                        { id: 'r2', product: { name: 'Couch' } },
                      ],
                    },
                  },
                ],
              },
            ],
          },
        },
      });
    } finally {
      await server.stop();
    }
  });
});
