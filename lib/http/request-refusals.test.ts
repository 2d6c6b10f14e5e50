import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseMalformedRequests } from './client-errors.ts';
import { jsonErrorHandler } from './json-error-handler.ts';
import { persistedQueryCheck } from './request-body-checks.ts';

let server: http.Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use('/graphql', express.json(), persistedQueryCheck(), (_req, res) => {
    res.json({ data: { ok: true } });
  });
  app.use(jsonErrorHandler(pino({ level: 'silent' })));
  server = http.createServer(app);
  refuseMalformedRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const send = async (body: string | Uint8Array, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await response.json()) as { errors?: { extensions: { code: string } }[] };
  return { status: response.status, code: json.errors?.[0]?.extensions.code };
};

const QUERY = JSON.stringify({ query: '{ ok }' });
/** A well-formed hash that is not the hash of anything sent here. */
const sha = (digit: string) => digit.repeat(64);

describe('refusals of malformed HTTP requests', () => {
  it('reads JSON and gzip-compressed JSON', async () => {
    expect(await send(QUERY)).toEqual({ status: 200, code: undefined });
    expect(await send(gzipSync(QUERY), { 'content-encoding': 'gzip' })).toEqual({ status: 200, code: undefined });
  });

  it('answers broken JSON and bodies that do not inflate with 400 BAD_REQUEST', async () => {
    expect(await send('{"query":')).toEqual({ status: 400, code: 'BAD_REQUEST' });
    const zipped = gzipSync(QUERY);
    expect(await send(zipped.subarray(0, zipped.length - 12), { 'content-encoding': 'gzip' })).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
    });
    expect(await send(QUERY, { 'content-encoding': 'deflate' })).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers another charset or an unknown encoding with 415', async () => {
    const unsupported = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
    expect(await send(QUERY, { 'content-type': 'application/json; charset=latin1' })).toEqual(unsupported);
    expect(await send(QUERY, { 'content-encoding': 'zstd2' })).toEqual(unsupported);
  });

  it('answers malformed persisted-query extensions with codes', async () => {
    const ext = (persistedQuery: unknown) => JSON.stringify({ query: '{ ok }', extensions: { persistedQuery } });
    expect(await send(ext('yes'))).toEqual({ status: 400, code: 'PERSISTED_QUERY_NOT_SUPPORTED' });
    expect(await send(ext({ version: 2, sha256Hash: sha('a') }))).toEqual({
      status: 400,
      code: 'PERSISTED_QUERY_NOT_SUPPORTED',
    });
    expect(await send(ext({ version: 1, sha256Hash: sha('a') }))).toEqual({
      status: 400,
      code: 'PERSISTED_QUERY_HASH_MISMATCH',
    });
    expect(await send(ext({ version: 1, sha256Hash: 'zz' }))).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers headers over the limit with 431 REQUEST_HEADERS_TOO_LARGE as JSON', async () => {
    expect(await send(QUERY, { 'x-padding': 'p'.repeat(20_000) })).toEqual({
      status: 431,
      code: 'REQUEST_HEADERS_TOO_LARGE',
    });
  });
});
