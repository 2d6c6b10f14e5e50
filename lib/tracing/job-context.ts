import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { withLogFields } from '../log-context.ts';

/** W3C trace context headers (`traceparent`, `tracestate`) as plain strings, safe to store as JSON. */
export type TraceCarrier = Record<string, string>;

/** The key under which job data carries its trace context. */
export const TRACE_CARRIER_KEY = 'traceContext';

/** Job data that may carry the trace context of the request that caused it. */
export type Traced<T> = T & { [TRACE_CARRIER_KEY]?: TraceCarrier };

/** What these helpers read from a BullMQ job; `Job` from bullmq has all of it. */
export interface TracedJob {
  id?: string | undefined;
  name: string;
  queueName: string;
  attemptsMade: number;
  data: unknown;
}

const tracer = () => trace.getTracer('commerce-jobs');

/**
 * The active trace context as a carrier, to store wherever work is handed on: in job data, or in
 * an outbox row that a relay turns into a job later. Empty when tracing is off or no span is active.
 */
export function captureTraceContext(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/**
 * Adds the active trace context to job data (an object) before `queue.add`; data that already
 * carries one keeps it when no span is active, so a relay can pass a stored carrier on.
 */
export function withTraceContext<T>(data: T): Traced<T> {
  const carrier = captureTraceContext();
  if (!Object.keys(carrier).length || typeof data !== 'object' || data === null) return data as Traced<T>;
  return { ...data, [TRACE_CARRIER_KEY]: carrier } as Traced<T>;
}

/** The context a carrier describes, or the empty context for a missing or malformed one. */
export function contextFromCarrier(carrier: unknown): Context {
  if (typeof carrier !== 'object' || carrier === null) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/**
 * Runs `work` inside the trace a stored carrier describes: an outbox relay publishing an event
 * written during a request uses it so the job it adds (and the worker's span) joins that request's trace.
 */
export const runInTraceContext = <T>(carrier: TraceCarrier | undefined, work: () => T): T =>
  context.with(contextFromCarrier(carrier), work);

/**
 * Processes one job as a CONSUMER span that continues the trace carried in its data (a new trace
 * when it carries none), with the queue, job id and job name on every log line written meanwhile.
 * A thrown error is recorded on the span and rethrown, so BullMQ's retries and failure handling
 * are unchanged.
 */
export function processInTraceContext<T>(job: TracedJob, work: () => Promise<T>): Promise<T> {
  const data = job.data as Traced<object> | null;
  const parent = contextFromCarrier(data?.[TRACE_CARRIER_KEY]);
  const attributes = {
    'messaging.system': 'bullmq',
    'messaging.operation.type': 'process',
    'messaging.destination.name': job.queueName,
    'messaging.message.id': job.id ?? '',
    'bullmq.job.name': job.name,
    'bullmq.job.attempts_made': job.attemptsMade,
  };
  const logFields = { queue: job.queueName, jobName: job.name, ...(job.id ? { jobId: job.id } : {}) };
  return tracer().startActiveSpan(
    `process ${job.queueName} ${job.name}`,
    { kind: SpanKind.CONSUMER, attributes },
    parent,
    (span) =>
      withLogFields(logFields, async () => {
        try {
          return await work();
        } catch (error) {
          span.recordException(error instanceof Error ? error : String(error));
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: error instanceof Error ? error.message : String(error),
          });
          throw error;
        } finally {
          span.end();
        }
      }),
  );
}
