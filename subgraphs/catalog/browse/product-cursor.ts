import { z } from 'zod';
import { ErrorCode, userError } from '#lib/errors';

/** The orderings of `products`; ties are broken by id, so (key, id) is unique and cursors stable. */
export type OrderField = 'RELEVANCE' | 'PRICE' | 'NEWEST' | 'NAME';
export type Direction = 'ASC' | 'DESC';

/** Where a page ends: the ordering it was read in, the row's sort key and id. */
export interface CursorPosition {
  field: OrderField;
  direction: Direction;
  /** The sort key (rank, price or name); null for NEWEST, whose key is the id itself. */
  key: number | string | null;
  id: string;
  /** Set on pages of a search that matched no word and fell back to names like it (typos). */
  fuzzy?: boolean;
}

const PREFIX = 'cursor:v2:';
// Cursors from before ordering existed (`cursor:v1:<id>`) are positions in the default order.
const LEGACY_PREFIX = 'cursor:v1:';

const positionSchema = z.tuple(
  [
    z.enum(['RELEVANCE', 'PRICE', 'NEWEST', 'NAME']),
    z.enum(['ASC', 'DESC']),
    z.union([z.number(), z.string(), z.null()]),
    z.uuid(),
  ],
  z.literal('fuzzy'),
);

const badCursor = (why: string) => userError(ErrorCode.BadUserInput, `after: ${why}.`, { field: 'after' });

/** Opaque to clients, so the key can change without breaking them; never trusted when read back. */
export function encodeProductCursor({ field, direction, key, id, fuzzy }: CursorPosition): string {
  const position = fuzzy ? [field, direction, key, id, 'fuzzy'] : [field, direction, key, id];
  return Buffer.from(PREFIX + JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back for the ordering the request asks for: BAD_USER_INPUT for anything this API
 * did not return, or a cursor of another ordering (its key would mean something else).
 */
export function decodeProductCursor(cursor: string, field: OrderField, direction: Direction): CursorPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  let position: CursorPosition | undefined;
  if (text.startsWith(LEGACY_PREFIX)) {
    const id = z.uuid().safeParse(text.slice(LEGACY_PREFIX.length));
    if (id.success) position = { field: 'NEWEST', direction: 'ASC', key: null, id: id.data };
  } else if (text.startsWith(PREFIX)) {
    let json: unknown;
    try {
      json = JSON.parse(text.slice(PREFIX.length));
    } catch {
      json = undefined;
    }
    const parsed = positionSchema.safeParse(json);
    if (parsed.success) {
      const [f, d, key, id, fuzzy] = parsed.data;
      position = { field: f, direction: d, key, id, ...(fuzzy ? { fuzzy: true } : {}) };
    }
  }
  if (!position) throw badCursor('not a cursor this API returned');
  if (position.field !== field || position.direction !== direction) {
    throw badCursor(`this cursor belongs to the ${position.field} ${position.direction} ordering`);
  }
  const keyType = field === 'NAME' ? 'string' : field === 'NEWEST' ? 'object' : 'number';
  if (typeof position.key !== keyType) throw badCursor('not a cursor this API returned');
  return position;
}
