import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listProducts } from '../../browse/list-products.ts';
import { productQuery, type ProductListArgs } from '../../browse/product-query.ts';
import type { Context } from '../../context.ts';

/** How long an answer filtered by stock may be cached: the same as stock itself. */
export const STOCK_FILTER_MAX_AGE_SECONDS = 5;

/** Shared by `Query.products` and `Category.products`. */
export function resolveProducts(args: ProductListArgs, { prisma }: Context, info: GraphQLResolveInfo) {
  const query = productQuery(args);
  // Which products are in stock changes with every sale: such a list ages as fast as stock does.
  if (query.inStock != null) maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: STOCK_FILTER_MAX_AGE_SECONDS });
  return listProducts(prisma, query);
}

export const products: NonNullable<QueryResolvers['products']> = (_parent, args, context, info) =>
  resolveProducts(args, context, info);
