import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './prisma-errors.ts';

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is down or cut off', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('cannot reach'), { code: 'P1001' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('terminating connection due to administrator command'))).toBe(true);
    // A transaction whose connection the server ended goes on to fail with this.
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
  });

  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable('not an error')).toBe(false);
  });
});
