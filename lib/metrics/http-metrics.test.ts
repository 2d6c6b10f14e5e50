import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpMetricsMiddleware } from './http-metrics.ts';

const registry = new Registry();
let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(httpMetricsMiddleware(registry, ['/graphql']));
  // Mounted like Apollo: the mount rewrites req.url while the handler runs.
  app.use('/graphql', (_req, res) => {
    res.status(400).json({});
  });
  app.use((_req, res) => {
    res.status(404).end();
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const count = async (labels: Record<string, string>) => {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'http_server_request_duration_seconds');
  return metric?.values.find(
    (value) =>
      // The +Inf bucket counts every observation.
      value.labels['le'] === '+Inf' &&
      Object.entries(labels).every(([key, expected]) => value.labels[key] === expected),
  )?.value;
};

describe('httpMetricsMiddleware', () => {
  it('labels a request with the mounted route it matched and its status', async () => {
    await fetch(`${base}/graphql`, { method: 'POST' });
    expect(await count({ method: 'POST', route: '/graphql', status_code: '400' })).toBe(1);
  });

  it('puts every unknown path under one `other` route, so scanners cannot add series', async () => {
    await fetch(`${base}/wp-admin`);
    await fetch(`${base}/.env`);
    expect(await count({ method: 'GET', route: 'other', status_code: '404' })).toBe(2);
  });
});
