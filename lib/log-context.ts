import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields that say which unit of work a log line belongs to: an HTTP operation or a queue job. */
export interface LogFields {
  requestId?: string;
  operation?: string;
  queue?: string;
  jobId?: string;
  jobName?: string;
}

const storage = new AsyncLocalStorage<LogFields>();

/**
 * Runs `work` with `fields` added to every log line written while it runs, however deep the
 * call that logs: Apollo's own logging, the gateway's data sources and Prisma's error handlers
 * never see the request context, yet their lines must still carry the request id.
 */
export const withLogFields = <T>(fields: LogFields, work: () => T): T =>
  storage.run({ ...storage.getStore(), ...fields }, work);

/** The fields of the unit of work in progress, empty outside one. */
export const currentLogFields = (): LogFields => storage.getStore() ?? {};
