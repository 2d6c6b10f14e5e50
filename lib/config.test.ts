import { describe, expect, it } from 'vitest';
import { ConfigError } from './config.ts';
import { loadSubgraphConfig } from './subgraph/subgraph-config.ts';

const defaults = { envPrefix: 'SHOP', defaultPort: 4100, defaultDatabaseUrl: 'postgresql://postgres@127.0.0.1/shop' };

describe('subgraph configuration', () => {
  it('falls back to the defaults on an empty environment', () => {
    const config = loadSubgraphConfig(defaults, {});
    expect(config.port).toBe(4100);
    expect(config.database.url).toBe(defaults.defaultDatabaseUrl);
    expect(config.nodeEnv).toBe('development');
  });

  it('reads the subgraph’s own prefixed variables', () => {
    const config = loadSubgraphConfig(defaults, { SHOP_PORT: '0', SHOP_DATABASE_URL: 'postgres://db/x' });
    expect(config.port).toBe(0);
    expect(config.database.url).toBe('postgres://db/x');
  });

  it('names every bad variable at once', () => {
    expect(() => loadSubgraphConfig(defaults, { SHOP_PORT: 'eighty', SHOP_DATABASE_URL: 'mysql://x' })).toThrowError(
      /SHOP_PORT[\s\S]*SHOP_DATABASE_URL|SHOP_DATABASE_URL[\s\S]*SHOP_PORT/,
    );
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadSubgraphConfig(defaults, { NODE_ENV: 'production' })).toThrowError(ConfigError);
    expect(() => loadSubgraphConfig(defaults, { NODE_ENV: 'production' })).toThrowError(/JWT_SECRET/);
  });
});
