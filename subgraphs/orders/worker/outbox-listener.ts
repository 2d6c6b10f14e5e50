import pg from 'pg';
import type { Logger } from '#lib/logger';

/** The channel the OutboxEvent insert trigger notifies (see the orders migrations). */
export const OUTBOX_CHANNEL = 'outbox_event';

/**
 * Keeps one connection LISTENing on the outbox channel and calls `wake` for every notification,
 * so the relay publishes an event as soon as its transaction commits. A lost connection is
 * reconnected after `retryMs`; meanwhile the relay's polling still finds every event.
 */
export function listenForOutboxEvents(options: { url: string; wake: () => void; logger: Logger; retryMs: number }): {
  close(): Promise<void>;
} {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: options.url });
    client = next;
    const reconnect = (error?: Error) => {
      if (closed || client !== next) return;
      client = undefined;
      if (error) options.logger.warn({ err: error }, 'outbox listener connection lost; polling until it is back');
      next.end().catch(() => undefined);
      retry = setTimeout(() => void connect(), options.retryMs);
    };
    next.on('notification', () => options.wake());
    next.on('error', reconnect);
    next.on('end', () => reconnect());
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      // Events written while nobody listened are found by this round.
      options.wake();
    } catch (error) {
      reconnect(error as Error);
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
