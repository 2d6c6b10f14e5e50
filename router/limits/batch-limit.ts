import type { RequestHandler } from 'express';
import { ErrorCode } from '#lib/errors';

/**
 * Refuses a batched HTTP request (a JSON array of operations) holding more than `maxBatchSize`
 * operations, before any of them is parsed.
 */
export function batchLimit(maxBatchSize: number): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (!Array.isArray(body) || body.length <= maxBatchSize) return next();
    res.status(400).json({
      errors: [
        {
          message: `The batch holds ${body.length} operations, over the limit of ${maxBatchSize}.`,
          extensions: { code: ErrorCode.BatchTooLarge, limit: maxBatchSize, actual: body.length },
        },
      ],
    });
  };
}
