import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { describeError, onlyStockMissing } from './errors.ts';

const graphQLErrors = (...errors: { message: string; code: string; path?: string[]; subgraph?: string }[]) =>
  new CombinedGraphQLErrors({
    data: null,
    errors: errors.map(({ message, code, path, subgraph }) => ({
      message,
      ...(path ? { path } : {}),
      extensions: { code, ...(subgraph ? { subgraph } : {}) },
    })),
  });

describe('describeError', () => {
  it('explains PRICE_CHANGED as new prices to check before placing again', () => {
    expect(describeError(graphQLErrors({ message: 'x', code: 'PRICE_CHANGED' }))).toContain('prices changed');
  });

  it("shows a BAD_USER_INPUT error's own message", () => {
    expect(describeError(graphQLErrors({ message: 'Your cart is empty.', code: 'BAD_USER_INPUT' }))).toBe(
      'Your cart is empty.',
    );
  });

  it('turns a failed fetch into words about the connection', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toContain('Could not reach the shop');
  });
});

describe('onlyStockMissing', () => {
  it('is true when every error comes from inventory', () => {
    const error = graphQLErrors({ message: 'down', code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'inventory' });
    expect(onlyStockMissing(error)).toBe(true);
  });

  it('is false when another part of the answer failed', () => {
    const error = graphQLErrors({ message: 'down', code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'catalog' });
    expect(onlyStockMissing(error)).toBe(false);
  });
});
