import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { setStock } from './Mutation/setStock.ts';
import { adjustStock } from './Mutation/adjustStock.ts';
import { importStock } from './Mutation/importStock.ts';
import { Product } from './Product.ts';
import { Stock } from './Stock.ts';
import { StockMovement } from './StockMovement.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Mutation: { setStock, adjustStock, importStock },
  Product,
  Stock,
  StockMovement,
};
