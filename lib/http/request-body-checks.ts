import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '../errors.ts';

interface OperationBody {
  query?: unknown;
  extensions?: unknown;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

const operationsOf = (req: Request): OperationBody[] => {
  const body: unknown = req.body;
  if (Array.isArray(body))
    return body.filter((item): item is OperationBody => typeof item === 'object' && item !== null);
  if (body && typeof body === 'object' && Object.keys(body).length > 0) return [body];
  const { query, extensions } = req.query;
  if (typeof extensions !== 'string') return [];
  try {
    return [{ query, extensions: JSON.parse(extensions) as unknown }];
  } catch {
    // Apollo answers unparsable GET extensions with a 400 of its own.
    return [];
  }
};

/** The refusal of one operation's `persistedQuery` extension, or undefined if it is well formed. */
function problemOf({ query, extensions }: OperationBody): { code: ErrorCode; message: string } | undefined {
  if (typeof extensions !== 'object' || extensions === null || !('persistedQuery' in extensions)) return undefined;
  const persisted: unknown = extensions.persistedQuery;
  if (persisted === undefined || persisted === null) return undefined;
  if (typeof persisted !== 'object' || !('version' in persisted) || persisted.version !== 1) {
    return {
      code: ErrorCode.PersistedQueryNotSupported,
      message: 'Only version 1 of the persistedQuery extension is supported, as an object.',
    };
  }
  const hash = 'sha256Hash' in persisted ? persisted.sha256Hash : undefined;
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
    return { code: ErrorCode.BadRequest, message: 'persistedQuery.sha256Hash must be 64 lower-case hex digits.' };
  }
  if (typeof query === 'string' && createHash('sha256').update(query).digest('hex') !== hash) {
    return {
      code: ErrorCode.PersistedQueryHashMismatch,
      message: 'persistedQuery.sha256Hash is not the hash of the query sent.',
    };
  }
  return undefined;
}

/**
 * Checks the automatic-persisted-query extension of every operation before Apollo does: Apollo
 * answers an unsupported version, a `persistedQuery` that is not an object and a hash that does
 * not match the text with errors that carry no code, which error masking turned into
 * INTERNAL_SERVER_ERROR. Here each is HTTP 400 with a stable code (Apollo's own where it has one).
 */
export function persistedQueryCheck(): RequestHandler {
  return (req, res, next) => {
    const problem = operationsOf(req)
      .map(problemOf)
      .find((found) => found !== undefined);
    if (!problem) return next();
    res.status(400).json({ errors: [{ message: problem.message, extensions: { code: problem.code } }] });
  };
}
