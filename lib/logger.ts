import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Fields that may carry secrets or personal data; pino replaces them before a line is written. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'email',
  '*.email',
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
];

export interface LoggerOptions {
  name: string;
  level: string;
  destination?: DestinationStream;
}

/** One JSON logger per process, named after the service so lines from many processes can be told apart. */
export function createLogger({ name, level, destination }: LoggerOptions): Logger {
  const options = { name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
