import { createLogger } from '#lib/logger';
import { createProducer } from '#lib/queue/create-producer';
import { stepJobId } from '#lib/queue/job-ids';
import { loadQueueSettings } from '#lib/queue/queue-config';
import { JobName, QueueName } from '#lib/queue/queue-names';
import { CHECKOUT_TEST_ENV } from '#testing/checkout';
import { queryDatabase } from '#testing/databases';
import { startFakeSmtpServer } from './fake-smtp-server.ts';
import { backgroundOnSharedSystem, type TestSystem } from './system.ts';

export interface NotificationRow {
  status: string;
  attempts: number;
  lastError: string | null;
}

/**
 * Adds order-confirmed notices to a test system's notifications-email queue, as the saga does
 * (same producer, job ids and retry settings: `env` is the environment the system started with),
 * and reads the jobs and Notification rows back.
 */
export function notificationJobs(system: TestSystem, env: Record<string, string>) {
  const settings = loadQueueSettings({ ...env, QUEUE_PREFIX: system.queuePrefix });
  const producer = createProducer(
    QueueName.NotificationsEmail,
    settings,
    createLogger({ name: 'notification-jobs', level: 'silent' }),
  );
  const jobId = (orderId: string) => stepJobId(orderId, JobName.OrderConfirmed);
  const data = (orderId: string, userId: string) => ({ orderId, userId, total: { amount: 1_999, currency: 'USD' } });
  return {
    queue: producer.queue,
    /** Asks for one notice to `userId` about `orderId`. */
    confirm: (orderId: string, userId: string) =>
      producer.add(JobName.OrderConfirmed, data(orderId, userId), jobId(orderId)),
    /** Asks for many at once, in one Redis transaction, so the worker has a backlog. */
    confirmAll: (orderIds: readonly string[], userId: string) =>
      producer.addBulk(
        orderIds.map((orderId) => ({
          name: JobName.OrderConfirmed,
          data: data(orderId, userId),
          jobId: jobId(orderId),
        })),
      ),
    job: (orderId: string) => producer.queue.getJob(jobId(orderId)),
    /** The Notification row of the notice about `orderId`, if one was written. */
    async row(orderId: string): Promise<NotificationRow | undefined> {
      const [row] = await queryDatabase<NotificationRow>(
        system.databaseUrls['notifications']!,
        `SELECT status, attempts, "lastError" FROM "Notification" WHERE payload->>'orderId' = $1`,
        [orderId],
      );
      return row;
    },
    close: () => producer.close(),
  };
}

/**
 * This file's own checkout workers on a borrowed shared system (`backgroundOnSharedSystem`), the
 * notifications worker sending through a fake SMTP server, and `notificationJobs` to feed it;
 * `env` over the checkout test settings, `workerReplicas` processes of every worker.
 */
export async function smtpNotificationWorkers(env: Record<string, string> = {}, workerReplicas = 1) {
  const smtp = await startFakeSmtpServer();
  try {
    const settings = { ...CHECKOUT_TEST_ENV, NOTIFICATIONS_CHANNEL: 'smtp', SMTP_URL: smtp.url, ...env };
    const system = await backgroundOnSharedSystem(settings, workerReplicas);
    const jobs = notificationJobs(system, settings);
    return {
      smtp,
      system,
      jobs,
      stop: async () => {
        await jobs.close();
        await system.stop();
        await smtp.close();
      },
    };
  } catch (error) {
    await smtp.close();
    throw error;
  }
}
