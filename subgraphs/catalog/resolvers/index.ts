import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { product } from './Query/product.ts';
import { products } from './Query/products.ts';
import { categories, category } from './Query/categories.ts';
import { createCategory } from './Mutation/createCategory.ts';
import { Category } from './Category.ts';
import { createProduct } from './Mutation/createProduct.ts';
import { updateProduct } from './Mutation/updateProduct.ts';
import { Product } from './Product.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query: { product, products, categories, category },
  Mutation: { createProduct, updateProduct, createCategory },
  Product,
  Category,
};
