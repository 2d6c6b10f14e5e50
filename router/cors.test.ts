import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsFor } from './cors.ts';

describe('corsFor', () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    const app = express();
    app.use('/graphql', corsFor(['http://shop.example']), (_req, res) => void res.json({ ok: true }));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const preflight = (origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('answers the allowed origin its preflight and names it on the response', async () => {
    const answer = await preflight('http://shop.example');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://shop.example');
    expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
    const post = await fetch(url, { method: 'POST', headers: { origin: 'http://shop.example' } });
    expect(post.headers.get('access-control-allow-origin')).toBe('http://shop.example');
    expect(post.headers.get('vary')).toContain('Origin');
  });

  it('refuses the preflight of any other origin and gives its requests no CORS headers', async () => {
    const answer = await preflight('http://evil.example');
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(url, { method: 'POST', headers: { origin: 'http://shop.example.evil.example' } });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves same-origin and non-browser requests alone', async () => {
    const answer = await fetch(url, { method: 'POST' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});
