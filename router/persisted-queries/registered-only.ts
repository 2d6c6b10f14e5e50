import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '#lib/errors';
import { operationHash } from './manifest.ts';

interface OperationRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | undefined;
}

const operationsOf = (req: Request): OperationRequest[] => {
  const body: unknown = req.body;
  if (Array.isArray(body)) return body as OperationRequest[];
  if (body && typeof body === 'object' && Object.keys(body).length > 0) return [body as OperationRequest];
  const { query, extensions } = req.query;
  return [{ query, extensions: typeof extensions === 'string' ? safeJson(extensions) : {} }];
};

const safeJson = (text: string): OperationRequest['extensions'] => {
  try {
    return JSON.parse(text) as OperationRequest['extensions'];
  } catch {
    return {};
  }
};

/** The id of an operation: the hash of its text when sent, else the APQ hash it names. */
const idOf = ({ query, extensions }: OperationRequest) =>
  typeof query === 'string' ? operationHash(query) : extensions?.persistedQuery?.sha256Hash;

/**
 * In persisted-queries-only mode, refuses before parsing any operation that is not in the
 * manifest, whether sent as text or by hash.
 */
export function registeredOperationsOnly(manifest: ReadonlyMap<string, string>): RequestHandler {
  return (req, res, next) => {
    const unknown = operationsOf(req).find((operation) => {
      const id = idOf(operation);
      return typeof id !== 'string' || !manifest.has(id);
    });
    if (!unknown) return next();
    res.status(400).json({
      errors: [
        {
          message: 'This endpoint only runs registered operations, and this one is not registered.',
          extensions: { code: ErrorCode.PersistedQueryNotRegistered },
        },
      ],
    });
  };
}
