import { z } from 'zod';
import { ErrorCode, userError } from '#lib/errors';
import { validateInput } from '#lib/graphql/validate-input';
import { pageRequest } from '#lib/graphql/pagination';
import { MAX_PRICE_AMOUNT } from '../products.ts';
import { decodeProductCursor, type CursorPosition, type Direction, type OrderField } from './product-cursor.ts';

/** The arguments of `products` (and `Category.products`) as GraphQL passes them. */
export interface ProductListArgs {
  first?: number | null;
  after?: string | null;
  filter?: {
    search?: string | null;
    categoryId?: string | null;
    minPrice?: number | null;
    maxPrice?: number | null;
    inStock?: boolean | null;
  } | null;
  orderBy?: { field: OrderField; direction?: Direction | null } | null;
}

/** A validated request: what to match, in which order, from where, how many. */
export interface ProductQuery {
  search: string | null;
  categoryId: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean | null;
  field: OrderField;
  direction: Direction;
  after: CursorPosition | null;
  size: number;
  take: number;
}

export const MAX_SEARCH_LENGTH = 200;

const DEFAULT_DIRECTION: Record<OrderField, Direction> = {
  RELEVANCE: 'DESC',
  PRICE: 'ASC',
  NEWEST: 'DESC',
  NAME: 'ASC',
};

const price = z.number().int().min(0, 'must not be negative').max(MAX_PRICE_AMOUNT).nullish();
const filterSchema = z
  .object({
    search: z.string().trim().max(MAX_SEARCH_LENGTH).nullish(),
    categoryId: z.uuid('not a category id').nullish(),
    minPrice: price,
    maxPrice: price,
    inStock: z.boolean().nullish(),
  })
  .refine((f) => f.minPrice == null || f.maxPrice == null || f.minPrice <= f.maxPrice, {
    path: ['maxPrice'],
    message: 'must not be below minPrice',
  });

/**
 * Validates `products` arguments before any SQL runs: BAD_USER_INPUT names the field for a page
 * size over 100, a malformed or foreign cursor, an inverted price range or RELEVANCE without a
 * search. Without `orderBy`, a search is ordered by relevance and anything else oldest first
 * (the order `products` always had).
 */
export function productQuery(args: ProductListArgs): ProductQuery {
  const { size, take } = pageRequest({ first: args.first ?? null });
  const filter = validateInput(filterSchema, args.filter ?? {});
  const search = filter.search ? filter.search : null;
  const field: OrderField = args.orderBy?.field ?? (search ? 'RELEVANCE' : 'NEWEST');
  const direction: Direction = args.orderBy
    ? (args.orderBy.direction ?? DEFAULT_DIRECTION[field])
    : search
      ? 'DESC'
      : 'ASC';
  if (field === 'RELEVANCE' && !search) {
    throw userError(ErrorCode.BadUserInput, 'orderBy: RELEVANCE needs filter.search.', { field: 'orderBy' });
  }
  return {
    search,
    categoryId: filter.categoryId ?? null,
    minPrice: filter.minPrice ?? null,
    maxPrice: filter.maxPrice ?? null,
    inStock: filter.inStock ?? null,
    field,
    direction,
    after: args.after ? decodeProductCursor(args.after, field, direction) : null,
    size,
    take,
  };
}
