import type { Logger } from './logger.ts';
import { flushTraces } from './tracing/flush-traces.ts';

/**
 * Runs `stop` once on SIGINT or SIGTERM and exits when it finishes, or forcibly after the grace
 * period so a stuck dependency cannot keep a stopped process around forever.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, gracePeriodMs = 10_000): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ gracePeriodMs }, 'shutdown took too long, exiting');
      process.exit(1);
    }, gracePeriodMs);
    timer.unref();
    // The spans of the last requests are still batched in memory: export them before exiting.
    stop()
      .then(flushTraces)
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'error while shutting down');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
