import { describe, expect, it } from 'vitest';
import { loadOptions } from './load-options.ts';

describe('loadOptions', () => {
  it('has safe defaults', () => {
    expect(loadOptions([], {})).toEqual({
      url: 'http://127.0.0.1:4000/graphql',
      durationMs: 30_000,
      users: 20,
      thinkMs: 100,
    });
  });

  it('takes flags over the environment', () => {
    const options = loadOptions(['--duration', '5', '--users', '3', '--url', 'http://localhost:5000/graphql'], {
      LOADTEST_URL: 'http://127.0.0.1:4999/graphql',
    });
    expect(options).toMatchObject({ url: 'http://localhost:5000/graphql', durationMs: 5000, users: 3 });
  });

  it('refuses a router that is not on this machine', () => {
    expect(() => loadOptions([], { LOADTEST_URL: 'http://shop.example.com/graphql' })).toThrow(/loopback/);
  });

  it('refuses runs beyond the bounds', () => {
    expect(() => loadOptions(['--duration', '3600'], {})).toThrow(/duration/);
    expect(() => loadOptions(['--users', '0'], {})).toThrow(/users/);
  });
});
