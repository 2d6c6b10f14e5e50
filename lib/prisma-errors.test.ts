import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isStatementTimeout } from './prisma-errors.ts';

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is down or cut off', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('cannot reach'), { code: 'P1001' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('terminating connection due to administrator command'))).toBe(true);
    // A transaction whose connection the server ended goes on to fail with this.
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('canceling statement due to lock timeout'))).toBe(true);
  });

  it('tells a statement cancelled by the statement timeout from other cancellations', () => {
    expect(isStatementTimeout(new Error('Message: `canceling statement due to statement timeout`'))).toBe(true);
    expect(isStatementTimeout(new Error('canceling statement due to user request'))).toBe(false);
  });

  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable('not an error')).toBe(false);
  });
});
