import { z } from 'zod';
import { ErrorCode, userError } from '../errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageRequest {
  /** Rows to read: one more than the page, to learn whether another page follows. */
  take: number;
  size: number;
  afterId: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CURSOR_PREFIX = 'cursor:v1:';
const idSchema = z.uuid();

/** Cursors are opaque to clients so the ordering key can change without breaking them. */
export function encodeCursor(id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  if (!idSchema.safeParse(id).success) {
    throw userError(ErrorCode.BadUserInput, 'after: not a cursor this API returned.', { field: 'after' });
  }
  return id;
}

/** Validates Relay arguments against the page-size limit before any query runs. */
export function pageRequest({ first, after }: PageArgs, maxPageSize = MAX_PAGE_SIZE): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw userError(ErrorCode.BadUserInput, `first: must be between 1 and ${maxPageSize}, got ${size}.`, {
      field: 'first',
      maximum: maxPageSize,
    });
  }
  return { take: size + 1, size, afterId: after ? decodeCursor(after) : null };
}

/** Builds a connection from rows read with `pageRequest`, ordered by their id. */
export function toConnection<T extends { id: string }>(rows: T[], request: PageRequest): Connection<T> {
  const page = rows.slice(0, request.size);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > request.size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
