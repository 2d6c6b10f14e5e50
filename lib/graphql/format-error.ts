import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.ts';
import { ErrorCode } from '../errors.ts';
import { isDatabaseUnavailable, isStatementTimeout } from '../prisma-errors.ts';

/**
 * Keeps errors the code raised on purpose (any GraphQLError with a code other than
 * INTERNAL_SERVER_ERROR) and replaces everything else with a generic message, logging the original:
 * a Prisma error or a TypeError says things about the system that callers must not see. A
 * database that is down or out of connections is reported as SERVICE_UNAVAILABLE, which clients may retry;
 * a statement cancelled by the pool's statement timeout as DEADLINE_EXCEEDED.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.['code'];
    const intended = original instanceof GraphQLError && code !== ErrorCode.InternalServerError;
    if (intended || (code && code !== ErrorCode.InternalServerError)) {
      return shortened(withoutStacktrace(formatted));
    }
    const where = {
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
    };
    if (isStatementTimeout(original)) {
      logger.warn({ err: original, path: formatted.path }, 'a database statement ran past its timeout');
      return {
        message: 'The operation took too long and was stopped.',
        ...where,
        extensions: { code: ErrorCode.DeadlineExceeded },
      };
    }
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: original, path: formatted.path }, 'database unavailable while executing an operation');
      return {
        message: 'The service is temporarily unavailable; retry shortly.',
        ...where,
        extensions: { code: ErrorCode.ServiceUnavailable },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while executing an operation');
    return {
      message: 'Internal server error',
      ...where,
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
}

/**
 * The longest message sent. graphql-js quotes the offending value in input errors (an input object
 * of thousands of keys, a megabyte string), so a short request could make a huge answer.
 */
const MAX_MESSAGE_LENGTH = 1_000;

function shortened(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.message.length <= MAX_MESSAGE_LENGTH) return formatted;
  return { ...formatted, message: `${formatted.message.slice(0, MAX_MESSAGE_LENGTH)}…` };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _omitted, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
