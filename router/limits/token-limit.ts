import type { RequestHandler } from 'express';
import { ErrorCode } from '#lib/errors';
import { countTokens } from './count-tokens.ts';
import { limitExceeded } from './limit-error.ts';

const queriesOf = (req: Parameters<RequestHandler>[0]): unknown[] => {
  const body: unknown = req.body;
  if (Array.isArray(body)) return body.map((operation: { query?: unknown }) => operation?.query);
  if (body && typeof body === 'object' && 'query' in body) return [body.query];
  return [req.query['query']];
};

/**
 * Refuses a request whose document has more than `maxTokens` lexical tokens, before Apollo parses
 * it. Express middleware rather than a plugin hook: Apollo answers an error thrown before parsing
 * with a 500, and this refusal is the client's fault.
 */
export function tokenLimit(maxTokens: number): RequestHandler {
  return (req, res, next) => {
    const flood = queriesOf(req).some(
      (query) => typeof query === 'string' && countTokens(query, maxTokens) > maxTokens,
    );
    if (!flood) return next();
    const error = limitExceeded(ErrorCode.TooManyTokens, 'number of tokens', maxTokens);
    res
      .status(400)
      .json({ errors: [{ message: error.message, extensions: { code: ErrorCode.TooManyTokens, limit: maxTokens } }] });
  };
}
