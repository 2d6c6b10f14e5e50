import { ErrorCode, userError } from '#lib/errors';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { deadLetterJobResult, queueArgument } from '../../queue-operations.ts';

export const deadLetterJobs: NonNullable<QueryResolvers['deadLetterJobs']> = async (
  _parent,
  { queue, first },
  { queues },
) => {
  const name = queueArgument(queue);
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw userError(ErrorCode.BadUserInput, 'first: must be between 1 and 100.', { field: 'first' });
  }
  return (await queues.deadLetterJobs(name, limit)).map(deadLetterJobResult);
};
