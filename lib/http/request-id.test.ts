import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps a short id of safe characters', () => {
    expect(requestIdFrom('4bf92f3577b34da6a3ce929d0e0e4736')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(requestIdFrom('client-1:req_2.3')).toBe('client-1:req_2.3');
  });

  it('replaces a missing, empty, oversized or odd id with a new UUID', () => {
    for (const header of [undefined, '', 'x'.repeat(129), 'a b', 'id\u0000', 'é', '<script>', 'a\r\nb: c']) {
      expect(requestIdFrom(header)).toMatch(UUID);
    }
  });
});
