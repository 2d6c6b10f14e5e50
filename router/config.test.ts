import { describe, expect, it } from 'vitest';
import { loadRouterConfig } from './config.ts';

describe('router configuration: trusted proxies', () => {
  it('trusts no proxy by default, so the peer address is the client address', () => {
    expect(loadRouterConfig({}).trustedProxies).toBe(false);
    expect(loadRouterConfig({ ROUTER_TRUSTED_PROXIES: '0' }).trustedProxies).toBe(false);
  });

  it('reads a hop count or a list of addresses and subnets', () => {
    expect(loadRouterConfig({ ROUTER_TRUSTED_PROXIES: '2' }).trustedProxies).toBe(2);
    expect(loadRouterConfig({ ROUTER_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,fd00::/8' }).trustedProxies).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => loadRouterConfig({ ROUTER_TRUSTED_PROXIES: 'true; rm' })).toThrowError(/ROUTER_TRUSTED_PROXIES/);
  });

  it('has an introspection depth limit deep enough for the standard introspection query', () => {
    expect(loadRouterConfig({}).limits.maxIntrospectionDepth).toBe(20);
  });
});
