import { EventEmitter } from 'node:events';
import { Pool } from 'undici';
import { SubgraphDeadlineError, SubgraphFetchError } from './subgraph-fetch-error.ts';

export interface SubgraphHttpClientOptions {
  /** Largest body read; a longer one is cut off and the call fails. */
  maxResponseBytes: number;
  /** Time for one attempt, from sending the request to the last byte of the answer. */
  timeoutMs: number;
}

export interface SubgraphHttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text, at most `maxResponseBytes` bytes of it. */
  body: string;
}

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

/**
 * POSTs to one subgraph over a pool of keep-alive connections (undici's `Pool` and its `request`
 * API, without WHATWG fetch's Request, Response, Headers and web streams, which cost the router
 * about a fifth of its CPU under load). Each attempt has one timer that aborts it, covering the
 * whole answer, and the body is read up to a size cap. A 5xx is refused without reading its body
 * (often a proxy's HTML page); 502/503/504 and lost connections are marked retryable.
 */
export function createSubgraphHttpClient(url: string, options: SubgraphHttpClientOptions) {
  const target = new URL(url);
  const pool = new Pool(target.origin);
  const path = `${target.pathname}${target.search}`;

  /**
   * One attempt, given at most `budgetMs` (what is left of the operation's deadline): when that is
   * shorter than the subgraph's timeout and runs out, the failure is a SubgraphDeadlineError.
   */
  const post = async (
    payload: string,
    headers: Record<string, string>,
    budgetMs = options.timeoutMs,
  ): Promise<SubgraphHttpResponse> => {
    const deadlineFirst = budgetMs < options.timeoutMs;
    // undici takes an EventEmitter as the abort signal: one emitter and one timer per attempt.
    const abort = new EventEmitter();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        abort.emit('abort');
      },
      deadlineFirst ? budgetMs : options.timeoutMs,
    );
    const failure = (reason: string, retryable: boolean, cause: unknown) =>
      !timedOut
        ? new SubgraphFetchError(reason, retryable, { cause })
        : deadlineFirst
          ? new SubgraphDeadlineError({ cause })
          : new SubgraphFetchError('timed out', false, { cause });
    try {
      let response: Awaited<ReturnType<typeof pool.request>>;
      try {
        response = await pool.request({ path, method: 'POST', headers, body: payload, signal: abort });
      } catch (error) {
        throw failure('connection failed', true, error);
      }
      const { statusCode, body } = response;
      // dump() reads a little of an unwanted body to keep the connection (closing it past 128 KB),
      // where destroy() would make the stream emit an error nobody listens to.
      const discard = () => body.dump().catch(() => undefined);
      if (statusCode >= 500) {
        await discard();
        throw new SubgraphFetchError(`HTTP ${statusCode}`, RETRYABLE_STATUSES.has(statusCode));
      }
      const tooLarge = () => new SubgraphFetchError(`response larger than ${options.maxResponseBytes} bytes`, false);
      if (Number(response.headers['content-length']) > options.maxResponseBytes) {
        await discard();
        throw tooLarge();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          size += chunk.byteLength;
          // Leaving the loop early destroys the stream through its iterator.
          if (size > options.maxResponseBytes) throw tooLarge();
          chunks.push(chunk);
        }
      } catch (error) {
        if (error instanceof SubgraphFetchError) throw error;
        throw failure('connection lost while reading the response', true, error);
      }
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
      return { status: statusCode, headers: response.headers, body: text };
    } finally {
      clearTimeout(timer);
    }
  };

  return { post, close: () => pool.close() };
}

export type SubgraphHttpClient = ReturnType<typeof createSubgraphHttpClient>;
