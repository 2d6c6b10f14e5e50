import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { ErrorCode } from '../errors.ts';

interface HttpError {
  status?: number;
  type?: string;
  /** body-parser's limit and the declared length, on entity.too.large. */
  limit?: number;
  length?: number;
}

const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: ErrorCode.RequestTooLarge, message: 'The request body is too large.' },
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  'encoding.unsupported': { status: 415, code: 'BAD_REQUEST', message: 'The request encoding is not supported.' },
};

/**
 * Express answers errors raised before GraphQL runs (body too large, broken JSON) with an HTML
 * page and, in development, a stack trace; this answers them as GraphQL-shaped JSON instead.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: HttpError, _req, res, next) => {
    if (res.headersSent) return next(error);
    const known = error.type ? BODY_ERRORS[error.type] : undefined;
    if (!known) logger.error({ err: error }, 'unhandled HTTP error');
    const { status, code, message } = known ?? {
      status: 500,
      code: ErrorCode.InternalServerError,
      message: 'Internal server error',
    };
    const sizes = error.type === 'entity.too.large' ? { limit: error.limit, actual: error.length } : {};
    res.status(status).json({ errors: [{ message, extensions: { code, ...sizes } }] });
  };
}
