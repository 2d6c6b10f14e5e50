import { describe, expect, it } from 'vitest';
import { canTransition, isFinal, statusesBefore } from './order-status.ts';

describe('order status transitions', () => {
  it('lets checkout take a PENDING order to CONFIRMED or FAILED, and a confirmed one be shipped', () => {
    expect(canTransition('PENDING', 'CONFIRMED')).toBe(true);
    expect(canTransition('PENDING', 'FAILED')).toBe(true);
    expect(canTransition('CONFIRMED', 'SHIPPED')).toBe(true);
  });

  it('allows cancelling before shipping only', () => {
    expect(canTransition('PENDING', 'CANCELLED')).toBe(true);
    expect(canTransition('CONFIRMED', 'CANCELLED')).toBe(true);
    expect(canTransition('SHIPPED', 'CANCELLED')).toBe(false);
  });

  it('never leaves a final status, never skips confirmation, never stays in place', () => {
    for (const to of ['PENDING', 'CONFIRMED', 'FAILED', 'CANCELLED', 'SHIPPED'] as const) {
      expect(canTransition('FAILED', to)).toBe(false);
      expect(canTransition('CANCELLED', to)).toBe(false);
      expect(canTransition('SHIPPED', to)).toBe(false);
    }
    expect(canTransition('PENDING', 'SHIPPED')).toBe(false);
    expect(canTransition('FAILED', 'CONFIRMED')).toBe(false);
    expect(canTransition('PENDING', 'PENDING')).toBe(false);
    expect(isFinal('FAILED') && isFinal('CANCELLED') && isFinal('SHIPPED')).toBe(true);
    expect(isFinal('PENDING') || isFinal('CONFIRMED')).toBe(false);
  });

  it('names the statuses each status can be reached from', () => {
    expect(statusesBefore('CANCELLED')).toEqual(['PENDING', 'CONFIRMED']);
    expect(statusesBefore('PENDING')).toEqual([]);
  });
});
