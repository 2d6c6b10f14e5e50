import { trace } from '@opentelemetry/api';
import { pino, type Logger, type DestinationStream } from 'pino';
import { currentLogFields } from './log-context.ts';

export type { Logger };

/**
 * Fields that may carry secrets or personal data; pino replaces them before a line is written.
 * Listed at the top level and one level down (`*.x`), where code logs a payload or an input;
 * deeper paths cost pino a wildcard walk on every line, so they are named where they occur.
 */
const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'token',
  'identityToken',
  'refreshToken',
  'secret',
  'apiKey',
  'email',
  'phone',
  'address',
  'cardNumber',
  'cvc',
];

const REDACTED_PATHS = [
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`]),
  'authorization',
  'cookie',
  '*.authorization',
  '*.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-router-identity"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-router-identity"]',
  // A person's name, where a payload carries one; a bare `name` is too often a service's or a job's.
  'input.name',
  'user.name',
  'variables.input.password',
  'variables.input.email',
  'variables.input.name',
];

export interface LoggerOptions {
  name: string;
  level: string;
  destination?: DestinationStream;
}

/**
 * Adds to every line the unit of work it belongs to (request id, operation, job) and, when
 * tracing is on, the active span, under the OpenTelemetry log field names so a log line leads
 * to its trace.
 */
function correlationFields() {
  const fields: Record<string, unknown> = { ...currentLogFields() };
  const span = trace.getActiveSpan();
  if (span) {
    const { traceId, spanId, traceFlags } = span.spanContext();
    fields['trace_id'] = traceId;
    fields['span_id'] = spanId;
    fields['trace_flags'] = `0${traceFlags.toString(16)}`;
  }
  return fields;
}

/** One JSON logger per process, named after the service so lines from many processes can be told apart. */
export function createLogger({ name, level, destination }: LoggerOptions): Logger {
  const options = {
    name,
    level,
    mixin: correlationFields,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
