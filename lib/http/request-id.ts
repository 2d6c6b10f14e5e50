import { randomUUID } from 'node:crypto';

/** What a caller's request id may be: short, and only characters safe in logs, headers and tokens. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id to use for a request: the caller's `x-request-id` when it is 1 to 128 letters,
 * digits or `. _ : -` (a UUID, a trace id), else a new UUID. The id is forwarded to every subgraph
 * and signed into the router identity token, so an unbounded one (6 KB) grew every subgraph
 * request until a subgraph refused the headers.
 */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}
