import { describe, expect, it } from 'vitest';
import { MAX_STOCK_QUANTITY, adjustOnHand, available, canReserve, isInStock, setOnHand } from './stock-arithmetic.ts';

describe('stock arithmetic', () => {
  it('available is on hand minus reserved', () => {
    expect(available({ onHand: 10, reserved: 3 })).toBe(7);
    expect(available({ onHand: 0, reserved: 0 })).toBe(0);
  });

  it('is in stock only while at least one unit is available', () => {
    expect(isInStock({ onHand: 5, reserved: 4 })).toBe(true);
    expect(isInStock({ onHand: 5, reserved: 5 })).toBe(false);
    expect(isInStock({ onHand: 0, reserved: 0 })).toBe(false);
  });

  it('can reserve up to the available units, and only whole positive quantities', () => {
    const stock = { onHand: 10, reserved: 7 };
    expect(canReserve(stock, 3)).toBe(true);
    expect(canReserve(stock, 4)).toBe(false);
    expect(canReserve(stock, 0)).toBe(false);
    expect(canReserve(stock, -1)).toBe(false);
    expect(canReserve(stock, 1.5)).toBe(false);
  });

  it('sets on hand to any value between the reserved units and the maximum', () => {
    const stock = { onHand: 10, reserved: 4 };
    expect(setOnHand(stock, 4)).toEqual({ ok: true, onHand: 4, delta: -6 });
    expect(setOnHand(stock, MAX_STOCK_QUANTITY)).toEqual({ ok: true, onHand: MAX_STOCK_QUANTITY, delta: 999_990 });
    expect(setOnHand(stock, 3)).toEqual({ ok: false, reason: 'BELOW_RESERVED' });
    expect(setOnHand(stock, -1)).toEqual({ ok: false, reason: 'NEGATIVE' });
    expect(setOnHand(stock, MAX_STOCK_QUANTITY + 1)).toEqual({ ok: false, reason: 'ABOVE_MAXIMUM' });
  });

  it('adjusts on hand but never below zero, below reserved, or above the maximum', () => {
    expect(adjustOnHand({ onHand: 10, reserved: 0 }, -10)).toEqual({ ok: true, onHand: 0, delta: -10 });
    expect(adjustOnHand({ onHand: 10, reserved: 0 }, 5)).toEqual({ ok: true, onHand: 15, delta: 5 });
    expect(adjustOnHand({ onHand: 10, reserved: 0 }, -11)).toEqual({ ok: false, reason: 'NEGATIVE' });
    expect(adjustOnHand({ onHand: 10, reserved: 6 }, -5)).toEqual({ ok: false, reason: 'BELOW_RESERVED' });
    expect(adjustOnHand({ onHand: MAX_STOCK_QUANTITY, reserved: 0 }, 1)).toEqual({
      ok: false,
      reason: 'ABOVE_MAXIMUM',
    });
  });
});
