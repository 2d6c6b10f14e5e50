import { ErrorCode, userError } from '#lib/errors';
import type { DeadLetterJob } from '#lib/queue/queue-admin';
import { ALL_QUEUES, isQueueName, type QueueName } from '#lib/queue/queue-names';
import type { DeadLetterJob as DeadLetterJobResult } from './generated/resolvers-types.ts';

/** A queue name from an admin's input, or BAD_USER_INPUT listing the ones that exist. */
export function queueArgument(queue: string): QueueName {
  if (isQueueName(queue)) return queue;
  throw userError(ErrorCode.BadUserInput, `queue: must be one of ${ALL_QUEUES.join(', ')}.`, { field: 'queue' });
}

/** A dead-lettered job as GraphQL shows it, its payload as JSON text. */
export const deadLetterJobResult = (job: DeadLetterJob): DeadLetterJobResult => ({
  ...job,
  data: JSON.stringify(job.data),
});
