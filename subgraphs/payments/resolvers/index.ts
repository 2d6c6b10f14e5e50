import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { payment } from './Query/payment.ts';
import { Order } from './Order.ts';
import { Payment } from './Payment.ts';
import { Refund } from './Refund.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query: { payment },
  Order,
  Payment,
  Refund,
};
