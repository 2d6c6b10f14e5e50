import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import { loadIdentityConfig } from '#lib/auth/identity-config';
import { createTokenSigner } from '#lib/auth/tokens';
import { Role } from '#lib/auth/viewer';
import { hashPassword } from '../../subgraphs/accounts/passwords.ts';
import { PRIVATE_SYSTEM_ENV, type PrivateSystem } from '#system/private-system';
import type { SignedInUser } from '#testing/accounts';
import { createStockedProduct } from '#testing/checkout';
import { queryDatabase } from '#testing/databases';

/**
 * `count` customers written straight into the accounts database (one password hash shared by all)
 * with access tokens signed by the system's key: registering them through the router would spend
 * seconds of argon2 per customer on set-up, which is not what this benchmark measures.
 */
export async function createCustomers(system: PrivateSystem, count: number): Promise<SignedInUser[]> {
  const passwordHash = await hashPassword('bench-customer-password');
  const ids = Array.from({ length: count }, () => randomUUID());
  const values = ids.map(
    (_id, index) => `($${index * 2 + 1}::uuid, $${index * 2 + 2}, 'Shopper', $${2 * count + 1}, now())`,
  );
  await queryDatabase(
    system.databaseUrls['accounts']!,
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ${values.join(', ')}`,
    [...ids.flatMap((id) => [id, `bench-${id}@example.com`]), passwordHash],
  );
  const sign = createTokenSigner(loadIdentityConfig(PRIVATE_SYSTEM_ENV).tokens, 3600);
  return Promise.all(ids.map(async (id) => ({ id, token: (await sign({ userId: id, role: Role.Customer })).token })));
}

/** `count` products with `onHand` units each, created as the admin through the router. */
export async function createProducts(system: PrivateSystem, admin: SignedInUser, count: number, onHand: number) {
  const limit = pLimit(8);
  return Promise.all(
    Array.from({ length: count }, (_, index) => limit(() => createStockedProduct(system, admin, 100 + index, onHand))),
  );
}

const ADD = `mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { total { amount } } }`;
const PLACE = `mutation ($key: String!) { placeOrder(idempotencyKey: $key) { id } }`;

export interface ShoppingOptions {
  customers: readonly SignedInUser[];
  hotProductId: string;
  otherProductIds: readonly string[];
  /** Share of orders (0 to 1) that buy the hot product rather than a random other one. */
  hotShare: number;
  until: number;
}

export interface ShoppingResult {
  /** When placeOrder answered, by order id (ms since the epoch). */
  placedAt: Map<string, number>;
  errors: Record<string, number>;
  requests: number;
}

/** Every customer adds one product to its cart and places it, again and again until `until`. */
export async function shop(system: PrivateSystem, options: ShoppingOptions): Promise<ShoppingResult> {
  const result: ShoppingResult = { placedAt: new Map(), errors: {}, requests: 0 };
  const call = async <T>(query: string, token: string, variables: Record<string, unknown>) => {
    result.requests += 1;
    try {
      const response = await system.graphql<T>({ query, token, variables });
      if (response.data && !response.errors) return response.data;
      const code = String(response.errors?.[0]?.extensions?.['code'] ?? `HTTP ${response.status}`);
      result.errors[code] = (result.errors[code] ?? 0) + 1;
    } catch (error) {
      const code = (error as Error).name;
      result.errors[code] = (result.errors[code] ?? 0) + 1;
    }
    return undefined;
  };
  await Promise.all(
    options.customers.map(async ({ token }) => {
      while (Date.now() < options.until) {
        const productId =
          Math.random() < options.hotShare
            ? options.hotProductId
            : options.otherProductIds[Math.floor(Math.random() * options.otherProductIds.length)]!;
        if (!(await call(ADD, token, { id: productId }))) continue;
        const placed = await call<{ placeOrder: { id: string } }>(PLACE, token, { key: randomUUID() });
        if (placed) result.placedAt.set(placed.placeOrder.id, Date.now());
      }
    }),
  );
  return result;
}
