import { describe, expect, it } from 'vitest';
import { isQueryRequest, privateFor, publicMaxAge } from './cache-policy.ts';

describe('response cache policy', () => {
  it('stores only public answers with a positive max-age', () => {
    expect(publicMaxAge('max-age=60, public')).toBe(60);
    expect(publicMaxAge('max-age=5, public')).toBe(5);
    expect(publicMaxAge('max-age=60, private')).toBeNull();
    expect(publicMaxAge('max-age=0, public')).toBeNull();
    expect(publicMaxAge('no-store')).toBeNull();
    expect(publicMaxAge(undefined)).toBeNull();
  });

  it('caches queries, never mutations or documents it cannot read', () => {
    expect(isQueryRequest({ query: '{ products { edges { cursor } } }' })).toBe(true);
    expect(isQueryRequest({ query: 'mutation { clearCart { total { amount } } }' })).toBe(false);
    const both = 'query A { categories { id } } mutation B { clearCart { total { amount } } }';
    expect(isQueryRequest({ query: both, operationName: 'A' })).toBe(true);
    expect(isQueryRequest({ query: both, operationName: 'B' })).toBe(false);
    expect(isQueryRequest({ query: both })).toBe(false);
    expect(isQueryRequest({ query: '{ broken' })).toBe(false);
    expect(isQueryRequest({ extensions: { persistedQuery: { sha256Hash: 'abc' } } })).toBe(false);
  });

  it('turns a public answer for a signed-in caller into a private one', () => {
    expect(privateFor('max-age=60, public')).toBe('max-age=60, private');
  });
});
