import { describe, expect, it } from 'vitest';
import { AmountOutOfRangeError, MAX_AMOUNT, lineTotal, sumAmounts } from './money.ts';

describe('money arithmetic', () => {
  it('multiplies and sums whole minor units exactly', () => {
    expect(lineTotal(1999, 3)).toBe(5997);
    expect(sumAmounts([5997, 1, 0])).toBe(5998);
    expect(sumAmounts([])).toBe(0);
    // 0.1 + 0.2 style drift cannot happen in minor units.
    expect(sumAmounts([10, 20])).toBe(30);
  });

  it('accepts the largest amount GraphQL can carry and refuses one more', () => {
    expect(sumAmounts([MAX_AMOUNT - 1, 1])).toBe(MAX_AMOUNT);
    expect(() => sumAmounts([MAX_AMOUNT, 1])).toThrow(AmountOutOfRangeError);
    expect(() => lineTotal(10_000_000, 215)).toThrow(AmountOutOfRangeError);
  });

  it('refuses negative and fractional amounts and quantities', () => {
    expect(() => lineTotal(-1, 1)).toThrow(AmountOutOfRangeError);
    expect(() => lineTotal(100, -2)).toThrow(AmountOutOfRangeError);
    expect(() => lineTotal(1.5, 2)).toThrow(AmountOutOfRangeError);
    expect(() => sumAmounts([1, -1])).toThrow(AmountOutOfRangeError);
  });
});
