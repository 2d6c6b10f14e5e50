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
  'entity.parse.failed': { status: 400, code: ErrorCode.BadRequest, message: 'The request body is not valid JSON.' },
  'encoding.unsupported': {
    status: 415,
    code: ErrorCode.UnsupportedMediaType,
    message: 'The request encoding is not supported: send identity, gzip, deflate or br.',
  },
  'charset.unsupported': {
    status: 415,
    code: ErrorCode.UnsupportedMediaType,
    message: 'The request charset is not supported: send UTF-8.',
  },
};

/**
 * Express answers errors raised before GraphQL runs (body too large, broken JSON) with an HTML
 * page and, in development, a stack trace; this answers them as GraphQL-shaped JSON instead. Any
 * other client error body-parser raises (a gzip body that does not inflate, a body shorter than its
 * length) keeps its 4xx status as BAD_REQUEST; only a server-side failure is a 500.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: HttpError, _req, res, next) => {
    if (res.headersSent) return next(error);
    const clientError =
      typeof error.status === 'number' && error.status >= 400 && error.status < 500
        ? { status: error.status, code: ErrorCode.BadRequest, message: 'The request body could not be read.' }
        : undefined;
    const known = (error.type ? BODY_ERRORS[error.type] : undefined) ?? clientError;
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
