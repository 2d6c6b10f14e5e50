import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '#lib/logger';
import { withDeadlineFrom } from '#lib/resilience/deadline';
import { createHttpCatalogClient } from './catalog-client.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const signIdentity = async () => 'signed-identity';
const breaker = { failures: 5, resetMs: 100, maxResetMs: 1_000 };
let server: http.Server;
let url: string;
let answer: (body: { variables: { representations: { id: string }[] } }) => { status: number; body: unknown };
const requests: { variables: { representations: { __typename: string; id: string }[] } }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as (typeof requests)[number];
      requests.push(body);
      const { status, body: reply } = answer(body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HTTP catalog client', () => {
  it("asks catalog's _entities for every id in one request and answers in the same order", async () => {
    answer = ({ variables }) => ({
      status: 200,
      body: {
        data: {
          _entities: variables.representations.map(({ id }) =>
            id === 'missing' ? null : { id, price: { amount: id.length * 100, currency: 'USD' } },
          ),
        },
      },
    });
    const client = createHttpCatalogClient({ url, timeoutMs: 1_000, breaker, logger, signIdentity });
    const products = await client.productsByIds(['ab', 'missing', 'abcd']);
    expect(products).toEqual([
      { id: 'ab', price: { amount: 200, currency: 'USD' } },
      null,
      { id: 'abcd', price: { amount: 400, currency: 'USD' } },
    ]);
    expect(requests.at(-1)!.variables.representations).toEqual([
      { __typename: 'Product', id: 'ab' },
      { __typename: 'Product', id: 'missing' },
      { __typename: 'Product', id: 'abcd' },
    ]);
  });

  it.each([
    ['an error answer', () => ({ status: 200, body: { data: null, errors: [{ message: 'boom' }] } })],
    ['fewer entities than asked for', () => ({ status: 200, body: { data: { _entities: [] } } })],
    ['a body of the wrong shape', () => ({ status: 502, body: { message: 'bad gateway' } })],
  ])('turns %s into SERVICE_UNAVAILABLE', async (_case, reply) => {
    answer = reply;
    const client = createHttpCatalogClient({ url, timeoutMs: 1_000, breaker, logger, signIdentity });
    await expect(client.productsByIds(['ab'])).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('turns an unreachable catalog into SERVICE_UNAVAILABLE', async () => {
    const client = createHttpCatalogClient({
      url: 'http://127.0.0.1:1/graphql',
      timeoutMs: 1_000,
      breaker,
      logger,
      signIdentity,
    });
    await expect(client.productsByIds(['ab'])).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('asks nothing for no ids', async () => {
    const before = requests.length;
    const client = createHttpCatalogClient({ url, timeoutMs: 1_000, breaker, logger, signIdentity });
    expect(await client.productsByIds([])).toEqual([]);
    expect(requests.length).toBe(before);
  });

  it('stops calling catalog once its breaker opens, and tries again after the wait', async () => {
    answer = () => ({ status: 502, body: { message: 'bad gateway' } });
    const client = createHttpCatalogClient({
      url,
      timeoutMs: 1_000,
      breaker: { ...breaker, failures: 2 },
      logger,
      signIdentity,
    });
    const before = requests.length;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(client.productsByIds(['ab'])).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    }
    expect(requests.length - before).toBe(2);
    answer = ({ variables }) => ({
      status: 200,
      body: {
        data: { _entities: variables.representations.map(({ id }) => ({ id, price: { amount: 1, currency: 'USD' } })) },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await client.productsByIds(['ab'])).toEqual([{ id: 'ab', price: { amount: 1, currency: 'USD' } }]);
  });

  it('passes what is left of the request deadline on, and fails with DEADLINE_EXCEEDED once it is gone', async () => {
    let deadlineHeader: string | undefined;
    const slow = http.createServer((req, res) => {
      deadlineHeader = req.headers['x-deadline-ms'] as string | undefined;
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 500);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const client = createHttpCatalogClient({
        url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`,
        timeoutMs: 5_000,
        breaker: { ...breaker, failures: 1 },
        logger,
        signIdentity,
      });
      const started = Date.now();
      await expect(withDeadlineFrom('200', () => client.productsByIds(['ab']))).rejects.toMatchObject({
        extensions: { code: 'DEADLINE_EXCEEDED' },
      });
      expect(Date.now() - started).toBeLessThan(450);
      expect(Number(deadlineHeader)).toBeGreaterThan(100);
      expect(Number(deadlineHeader)).toBeLessThanOrEqual(200);
      // Running out of time says nothing about catalog: its breaker (one failure opens it) stays closed.
      await expect(client.productsByIds([])).resolves.toEqual([]);
      await expect(withDeadlineFrom('200', () => client.productsByIds(['ab']))).rejects.toMatchObject({
        extensions: { code: 'DEADLINE_EXCEEDED' },
      });
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
