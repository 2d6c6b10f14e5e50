import { requireAdmin } from '#lib/auth/guards';
import { notFound } from '#lib/errors';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { deadLetterJobResult, queueArgument } from '../../queue-operations.ts';

export const retryDeadLetterJob: NonNullable<MutationResolvers['retryDeadLetterJob']> = async (
  _parent,
  { queue, jobId },
  { viewer, queues, logger },
) => {
  const admin = requireAdmin(viewer);
  const name = queueArgument(queue);
  const job = await queues.retry(name, jobId);
  if (!job) throw notFound('Dead-lettered job');
  logger.info({ queue: name, jobId, adminId: admin.userId }, 'dead-lettered job retried by an admin');
  return deadLetterJobResult(job);
};
