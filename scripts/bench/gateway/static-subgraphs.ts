/**
 * Serves the bench's four subgraphs from one process on one port, under /<subgraph>. Each answer
 * is computed once per distinct request body and then replayed from memory, so the subgraphs cost
 * next to nothing and what the bench measures is the gateway in front of them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { WORKLOAD_SDL } from './workload-schema.ts';
import { productByUpc, products, reviews, userById, type ReviewRow } from './workload-data.ts';

const reviewsOf = (predicate: (review: ReviewRow) => boolean) => reviews.filter(predicate);

const resolvers: Record<string, object> = {
  products: {
    Query: { topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first) },
    Product: { __resolveReference: ({ upc }: { upc: string }) => productByUpc.get(upc) },
  },
  inventory: {
    Product: {
      __resolveReference: (reference: { upc: string; price?: number; weight?: number }) => reference,
      inStock: ({ upc }: { upc: string }) => Number(upc.slice(4)) % 3 !== 0,
      shippingEstimate: ({ price = 0, weight = 0 }: { price?: number; weight?: number }) =>
        price > 1000 ? 0 : weight * 5,
    },
  },
  users: {
    Query: { me: () => userById.get('user-1') },
    User: { __resolveReference: ({ id }: { id: string }) => userById.get(id) },
  },
  reviews: {
    Review: {
      __resolveReference: ({ id }: { id: string }) => reviews.find((review) => review.id === id),
      author: (review: ReviewRow) => ({ id: review.authorId, username: userById.get(review.authorId)?.username }),
      product: (review: ReviewRow) => ({ upc: review.upc }),
    },
    User: { reviews: ({ id }: { id: string }) => reviewsOf((review) => review.authorId === id) },
    Product: { reviews: ({ upc }: { upc: string }) => reviewsOf((review) => review.upc === upc) },
  },
};

const schemas = new Map<string, GraphQLSchema>(
  Object.entries(WORKLOAD_SDL).map(([name, sdl]) => [
    name,
    // The resolver maps are plain objects in the shape buildSubgraphSchema expects.
    buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers[name] as never }),
  ]),
);

const memo = new Map<string, Buffer>();

async function answer(subgraph: string, body: string): Promise<Buffer> {
  const key = `${subgraph}\n${body}`;
  const known = memo.get(key);
  if (known) return known;
  const schema = schemas.get(subgraph);
  if (!schema) throw new Error(`no subgraph ${subgraph}`);
  const { query, variables, operationName } = JSON.parse(body) as {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
  };
  const result = await execute({ schema, document: parse(query), variableValues: variables, operationName });
  const encoded = Buffer.from(JSON.stringify(result));
  memo.set(key, encoded);
  return encoded;
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    answer((req.url ?? '/').slice(1), Buffer.concat(chunks).toString('utf8')).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body),
      (error: Error) =>
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: error.message }] })),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ event: 'listening', port: (server.address() as AddressInfo).port });
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
