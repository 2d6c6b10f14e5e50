import { describe, expect, it } from 'vitest';
import { totalOf } from './carts.ts';

const line = (unitPriceAmount: number, quantity: number, currency = 'USD') => ({
  productId: `p-${unitPriceAmount}`,
  unitPriceAmount,
  quantity,
  currency,
});

describe('cart totals', () => {
  it('sums line totals in minor units, and has no total when empty', () => {
    expect(totalOf([line(1999, 3), line(500, 4)])).toEqual({ amount: 7997, currency: 'USD' });
    expect(totalOf([])).toBeNull();
  });

  it('refuses a second currency with BAD_USER_INPUT', () => {
    expect(() => totalOf([line(100, 1), line(100, 1, 'EUR')])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('refuses a total larger than GraphQL can carry instead of wrapping it', () => {
    const lines = Array.from({ length: 3 }, (_, index) => ({ ...line(10_000_000, 100), productId: `p-${index}` }));
    expect(() => totalOf(lines)).toThrow(/larger than can be ordered/);
  });
});
