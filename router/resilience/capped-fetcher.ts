import { AsyncLocalStorage } from 'node:async_hooks';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { SubgraphFetchError } from './subgraph-fetch-error.ts';

/**
 * The abort signal of the attempt in progress. RemoteGraphQLDataSource calls its `fetcher` deep
 * inside `process` with no way to pass a signal, so the policy that owns the attempt publishes it here.
 */
const attemptSignal = new AsyncLocalStorage<AbortSignal>();

export const withAttemptSignal = <T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> =>
  attemptSignal.run(signal, run);

type Fetcher = RemoteGraphQLDataSource['fetcher'];

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

/**
 * A fetcher for subgraph calls that aborts with the attempt's signal, refuses a 5xx without
 * reading its body (often an HTML page from a proxy), and stops reading a body past `maxBytes` so a
 * runaway subgraph cannot exhaust the router's memory.
 */
export function createCappedFetcher(maxBytes: number): Fetcher {
  const fetcher = async (url: string, init?: RequestInit) => {
    const signal = attemptSignal.getStore();
    let response: Response;
    try {
      response = await fetch(url, { ...init, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new SubgraphFetchError('connection failed', true, { cause: error });
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new SubgraphFetchError(`HTTP ${response.status}`, RETRYABLE_STATUSES.has(response.status));
    }
    const body = await readCapped(response, maxBytes, signal);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  // The gateway types its fetcher after node-fetch; the WHATWG Response has every member it reads.
  return fetcher as unknown as Fetcher;
}

async function readCapped(response: Response, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new SubgraphFetchError(`response larger than ${maxBytes} bytes`, false);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new SubgraphFetchError(`response larger than ${maxBytes} bytes`, false);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SubgraphFetchError || signal?.aborted) throw error;
    throw new SubgraphFetchError('connection lost while reading the response', true, { cause: error });
  }
  return Buffer.concat(chunks);
}
