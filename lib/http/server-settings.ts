import { z } from 'zod';
import { parseEnv } from '../config.ts';

export interface ServerSettings {
  /** Time a client has to send the request line and headers (Node's `headersTimeout`). */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request, body included (Node's `requestTimeout`). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open (Node's `keepAliveTimeout`). */
  keepAliveTimeoutMs: number;
  /** How long the process keeps serving after readiness turned 503, before it closes its port. */
  drainDelayMs: number;
}

const ms = (fallback: number) => z.coerce.number().int().min(0).max(600_000).default(fallback);

/**
 * The HTTP server settings every GraphQL process reads. Node's defaults (60 s for headers, 300 s
 * for a request) let a slow client hold a connection and a parser for minutes; these are set for
 * honest clients on slow networks. Keep-alive outlasts the 60 s idle timeout common to load
 * balancers, so a balancer never reuses a connection the server has just closed (a 502).
 */
export function loadServerSettings(env: Record<string, string | undefined>): ServerSettings {
  const parsed = parseEnv(
    z
      .object({
        HTTP_HEADERS_TIMEOUT_MS: ms(10_000),
        HTTP_REQUEST_TIMEOUT_MS: ms(30_000),
        HTTP_KEEP_ALIVE_TIMEOUT_MS: ms(65_000),
        SHUTDOWN_DRAIN_DELAY_MS: ms(1_000),
      })
      // Node refuses a headers timeout longer than the request timeout.
      .refine((value) => value.HTTP_HEADERS_TIMEOUT_MS <= value.HTTP_REQUEST_TIMEOUT_MS, {
        path: ['HTTP_HEADERS_TIMEOUT_MS'],
        message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
      }),
    env,
  );
  return {
    headersTimeoutMs: parsed.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: parsed.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: parsed.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    drainDelayMs: parsed.SHUTDOWN_DRAIN_DELAY_MS,
  };
}
