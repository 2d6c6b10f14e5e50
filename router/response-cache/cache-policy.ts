import { getOperationAST, parse } from 'graphql';

/** A public answer's lifetime from the Cache-Control header Apollo computed, or null. */
export function publicMaxAge(header: string | number | string[] | undefined): number | null {
  if (typeof header !== 'string') return null;
  const directives = header
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  if (!directives.includes('public')) return null;
  const maxAge = directives.find((part) => part.startsWith('max-age='))?.slice('max-age='.length);
  const seconds = maxAge && /^\d+$/.test(maxAge) ? Number(maxAge) : 0;
  return seconds > 0 ? seconds : null;
}

/**
 * True only for a request whose document is a query (mutations and subscriptions are never
 * cached, whatever the hints of the fields they return). A document the router cannot parse, or
 * an automatic persisted query sent by hash alone, is not cached.
 */
export function isQueryRequest(body: { query?: unknown; operationName?: unknown }): boolean {
  if (typeof body.query !== 'string') return false;
  try {
    const name = typeof body.operationName === 'string' ? body.operationName : undefined;
    return getOperationAST(parse(body.query), name)?.operation === 'query';
  } catch {
    return false;
  }
}

/** What a shared cache may keep for a signed-in caller's request: nothing public. */
export function privateFor(header: string): string {
  return header.replace(/\bpublic\b/i, 'private');
}
