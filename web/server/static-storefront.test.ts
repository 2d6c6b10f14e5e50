import http from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountStaticStorefront } from './static-storefront.ts';

describe('mountStaticStorefront', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'storefront-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<html><head><meta name="storefront-router-url" content="" /></head><body></body></html>',
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = express();
    mountStaticStorefront(app, { distDir: dist, routerUrl: 'https://api.example/graphql?a="b"' });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('caches hashed assets for a year without revalidation', async () => {
    const answer = await fetch(`${base}/assets/index-abc123.js`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset 404, not with the page', async () => {
    expect((await fetch(`${base}/assets/index-old.js`)).status).toBe(404);
  });

  it('serves the page for every client route, revalidated, with the router URL escaped into it and preconnected', async () => {
    const answer = await fetch(`${base}/orders/123`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(answer.headers.get('content-security-policy')).toContain("connect-src 'self' https://api.example");
    const page = await answer.text();
    expect(page).toContain('content="https://api.example/graphql?a=&quot;b&quot;"');
    expect(page).toContain('<link rel="preconnect" href="https://api.example" crossorigin />');
  });
});
