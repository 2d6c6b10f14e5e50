import { describe, expect, it } from 'vitest';
import { InvalidPayloadError, formatMoney, renderTemplate } from './templates.ts';

describe('notification templates', () => {
  it('renders an order confirmation with the total in the currency format', () => {
    const message = renderTemplate('ORDER_CONFIRMED', { orderId: 'o-1', total: { amount: 123456, currency: 'USD' } });
    expect(message.subject).toBe('Your order o-1 is confirmed');
    expect(message.text).toContain('$1,234.56');
  });

  it('renders an order failure with its reason', () => {
    const message = renderTemplate('ORDER_FAILED', { orderId: 'o-2', reason: 'payment declined' });
    expect(message.subject).toContain('o-2');
    expect(message.text).toContain('(payment declined)');
  });

  it('tells a cancelled order refunds what was charged, and a shipped one is on its way', () => {
    expect(renderTemplate('ORDER_CANCELLED', { orderId: 'o-3' })).toEqual({
      subject: 'Your order o-3 is cancelled',
      text: expect.stringContaining('refunded') as string,
    });
    expect(renderTemplate('ORDER_SHIPPED', { orderId: 'o-4' }).subject).toBe('Your order o-4 has shipped');
  });

  it('uses the number of decimals each currency has', () => {
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('$19.99');
    expect(formatMoney({ amount: 500, currency: 'JPY' })).toBe('¥500');
    expect(formatMoney({ amount: 5, currency: 'EUR' })).toBe('€0.05');
  });

  it('refuses a payload that lacks what the template needs', () => {
    expect(() => renderTemplate('ORDER_CONFIRMED', { orderId: 'o-1' })).toThrow(InvalidPayloadError);
    expect(() => renderTemplate('ORDER_FAILED', { orderId: 'o-1', reason: '' })).toThrow(InvalidPayloadError);
    expect(() => renderTemplate('ORDER_CONFIRMED', null)).toThrow(InvalidPayloadError);
  });
});
