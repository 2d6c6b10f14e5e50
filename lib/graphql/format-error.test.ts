import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { createFormatError } from './format-error.ts';
import { userError, ErrorCode } from '../errors.ts';

const formatError = createFormatError(pino({ level: 'silent' }));

describe('error formatting', () => {
  it('keeps an intended error with its code and drops any stack trace', () => {
    const error = userError(ErrorCode.Forbidden, 'No.');
    const formatted = formatError({ message: 'No.', extensions: { code: 'FORBIDDEN', stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: 'No.', extensions: { code: 'FORBIDDEN' } });
  });

  it('masks an unexpected error so internals never reach the client', () => {
    const original = new Error('relation "User" does not exist at 10.0.0.5');
    const formatted = formatError(
      { message: original.message, path: ['me'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(original.message, { originalError: original }),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('reports a database that cannot be reached as SERVICE_UNAVAILABLE, which clients may retry', () => {
    const original = Object.assign(new Error('Timed out fetching a new connection from the connection pool'), {
      code: 'P2024',
    });
    const formatted = formatError(
      { message: original.message, path: ['placeOrder'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(original.message, { originalError: original, path: ['placeOrder'] }),
    );
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(formatted.message).not.toContain('pool');
  });

  it('reports a statement cancelled by the statement timeout as DEADLINE_EXCEEDED', () => {
    const original = Object.assign(
      new Error('Raw query failed. Code: `57014`. Message: `canceling statement due to statement timeout`'),
      { code: 'P2010' },
    );
    const formatted = formatError(
      { message: original.message, path: ['orders'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(original.message, { originalError: original, path: ['orders'] }),
    );
    expect(formatted).toEqual({
      message: 'The operation took too long and was stopped.',
      path: ['orders'],
      extensions: { code: 'DEADLINE_EXCEEDED' },
    });
  });

  it('cuts a long message short, so an error quoting a huge input stays small', () => {
    const message = `Variable "$input" got invalid value ${'x'.repeat(100_000)}`;
    const formatted = formatError(
      { message, extensions: { code: 'BAD_USER_INPUT' } },
      userError(ErrorCode.BadUserInput, message),
    );
    expect(formatted.message.length).toBeLessThanOrEqual(1_001);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
