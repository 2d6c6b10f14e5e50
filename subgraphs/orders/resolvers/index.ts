import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { cart } from './Query/cart.ts';
import { order } from './Query/order.ts';
import { orders } from './Query/orders.ts';
import { queueHealth } from './Query/queueHealth.ts';
import { deadLetterJobs } from './Query/deadLetterJobs.ts';
import { addToCart } from './Mutation/addToCart.ts';
import { updateCartLine } from './Mutation/updateCartLine.ts';
import { removeFromCart } from './Mutation/removeFromCart.ts';
import { clearCart } from './Mutation/clearCart.ts';
import { placeOrder } from './Mutation/placeOrder.ts';
import { retryDeadLetterJob } from './Mutation/retryDeadLetterJob.ts';
import { cancelOrder } from './Mutation/cancelOrder.ts';
import { shipOrder } from './Mutation/shipOrder.ts';
import { Cart } from './Cart.ts';
import { CartLine } from './CartLine.ts';
import { Order } from './Order.ts';
import { OrderLine } from './OrderLine.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query: { cart, order, orders, queueHealth, deadLetterJobs },
  Mutation: {
    addToCart,
    updateCartLine,
    removeFromCart,
    clearCart,
    placeOrder,
    cancelOrder,
    shipOrder,
    retryDeadLetterJob,
  },
  Cart,
  CartLine,
  Order,
  OrderLine,
  User,
};
