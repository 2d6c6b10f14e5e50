import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { product } from './Query/product.ts';
import { products } from './Query/products.ts';
import { createProduct } from './Mutation/createProduct.ts';
import { importProducts } from './Mutation/importProducts.ts';
import { updateProduct } from './Mutation/updateProduct.ts';
import { Product } from './Product.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query: { product, products },
  Mutation: { createProduct, updateProduct, importProducts },
  Product,
};
