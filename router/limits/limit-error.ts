import type { ErrorCode } from '#lib/errors';
import { userError } from '#lib/errors';

/**
 * A refusal of a request over one of the router's limits, naming the limit and the value found.
 * `actual` is undefined where counting stopped at the limit (tokens), so only "over" is known.
 */
export const limitExceeded = (code: ErrorCode, what: string, limit: number, actual?: number) =>
  userError(code, `The ${what} is ${actual ?? `more than ${limit}`}, over the limit of ${limit}.`, {
    limit,
    ...(actual === undefined ? {} : { actual }),
    http: { status: 400 },
  });
