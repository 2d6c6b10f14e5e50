import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import { createSeedClient, dataOf } from '../seed/seed-client.ts';
import { SETUP_OPERATIONS } from './operations.ts';

/**
 * Registers `count` fresh customers (one token each, so the router's per-user rate limits and
 * each user's cart apply as in production) and finds products with stock to buy. Uses the seed's
 * client, which waits out rate limiting on sign-ups from one address.
 */
export async function prepareShoppers(url: string, count: number) {
  const request = createSeedClient(url);
  const runId = randomUUID().slice(0, 8);
  const limit = pLimit(4);
  const tokens = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      limit(async () => {
        const input = { email: `load-${runId}-${index}@example.com`, password: 'load-test-password', name: 'Shopper' };
        const response = await request<{ register: { token: string } }>(SETUP_OPERATIONS.registerShopper, { input });
        return dataOf(response, `register ${input.email}`).register.token;
      }),
    ),
  );
  const products = await request<{
    products: { edges: { node: { id: string; stock: { available: number } | null } }[] };
  }>(SETUP_OPERATIONS.stockedProducts, {}, tokens[0]);
  const productIds = dataOf(products, 'list products')
    .products.edges.filter(({ node }) => (node.stock?.available ?? 0) > 0)
    .map(({ node }) => node.id);
  return { tokens, productIds };
}

/** Counts the statuses of the given orders, read through the router as each owner. */
export async function orderStatuses(url: string, ordersByToken: Map<string, Set<string>>) {
  const request = createSeedClient(url);
  const counts: Record<string, number> = {};
  for (const [token, ids] of ordersByToken) {
    let after: string | null = null;
    do {
      const response: Awaited<ReturnType<typeof request<OrderPage>>> = await request<OrderPage>(
        SETUP_OPERATIONS.orderStatuses,
        { after },
        token,
      );
      const orders = dataOf(response, 'list orders').me.orders;
      for (const { node } of orders.edges) {
        if (ids.has(node.id)) counts[node.status] = (counts[node.status] ?? 0) + 1;
      }
      after = orders.pageInfo.hasNextPage ? orders.pageInfo.endCursor : null;
    } while (after);
  }
  return counts;
}

interface OrderPage {
  me: {
    orders: {
      edges: { node: { id: string; status: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}
