import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { findMissing, missingDependencyMessage } from './preflight.ts';

describe('findMissing', () => {
  it('reports a dependency nothing listens for, and not one that answers', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const listening = createServer();
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const open = (listening.address() as { port: number }).port;
    try {
      const missing = await findMissing([
        { name: 'PostgreSQL', url: `postgresql://postgres@127.0.0.1:${port}/postgres` },
        { name: 'Redis', url: `redis://127.0.0.1:${open}` },
      ]);
      expect(missing).toEqual([expect.objectContaining({ name: 'PostgreSQL', reason: 'ECONNREFUSED' })]);
    } finally {
      await new Promise((resolve) => listening.close(resolve));
    }
  });
});

describe('missingDependencyMessage', () => {
  const missing = [
    { name: 'PostgreSQL' as const, url: 'postgresql://postgres@127.0.0.1:5432/x', reason: 'ECONNREFUSED' },
    { name: 'Redis' as const, url: 'redis://127.0.0.1:6379', reason: 'ECONNREFUSED' },
  ];

  it('names what is missing and the one compose command where Docker exists', () => {
    const message = missingDependencyMessage(missing, true);
    expect(message).toContain('PostgreSQL is not reachable at 127.0.0.1:5432 (ECONNREFUSED).');
    expect(message).toContain('Redis is not reachable at 127.0.0.1:6379');
    expect(message).toContain('docker compose up -d --wait postgres redis');
  });

  it('names the distribution packages without Docker', () => {
    expect(missingDependencyMessage(missing.slice(1), false)).toContain('sudo apt-get install -y redis-server');
  });
});
