// @ts-check

/**
 * Writes one log line to stderr in the native engine's tracing format. The Prisma CLI parses
 * these lines: the message of the last ERROR line becomes the error it shows, and `error_code`
 * becomes the Prisma error code (P1001, P1003, ...).
 *
 * @param {'INFO' | 'WARN' | 'ERROR'} level
 * @param {string} message
 * @param {string} [errorCode]
 */
export function log(level, message, errorCode) {
  const fields = errorCode ? { message, error_code: errorCode } : { message };
  process.stderr.write(`${JSON.stringify({ level, target: 'schema_engine::logger', fields })}\n`);
}
