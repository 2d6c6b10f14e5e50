/**
 * `npm run seed` (with the system running, e.g. `npm start`): fills every subgraph with a demo
 * through the public API, so each domain's own rules apply: an admin, 1,000 products with stock,
 * a few customers with orders. Running it again changes nothing: products are matched by SKU,
 * users by e-mail, and customers who already have orders get no more.
 */
import { z } from 'zod';
import pLimit from 'p-limit';
import { parseEnv } from '#lib/config';
import type { GraphQLResponse } from '#system/graphql-client';
import { createPrismaClient } from '#lib/prisma';
import { loadAccountsConfig } from '#subgraphs/accounts/config';
import { PrismaClient } from '#subgraphs/accounts/generated/prisma/client';
import { createUser } from '#subgraphs/accounts/users';
import { DEMO_CATEGORIES, demoProduct } from './seed/demo-catalog.ts';
import { SEED_OPERATIONS } from './seed/operations.ts';
import { createSeedClient, dataOf, type SeedClient } from './seed/seed-client.ts';

const env = parseEnv(
  z.object({
    ROUTER_URL: z.url().default('http://127.0.0.1:4000/graphql'),
    SEED_PRODUCTS: z.coerce.number().int().min(1).max(100_000).default(1_000),
    SEED_ADMIN_EMAIL: z.email().default('admin@example.com'),
    SEED_ADMIN_PASSWORD: z.string().min(8).default('admin-password'),
  }),
  process.env,
);
const CUSTOMERS = ['alice', 'bob', 'carol', 'dave', 'erin'].map((name) => ({
  email: `${name}@example.com`,
  name: name[0]!.toUpperCase() + name.slice(1),
  password: 'customer-password',
}));
const limit = pLimit(4);
/** Products per importProducts/importStock call: well inside the router's 200 kB request limit. */
const PRODUCTS_PER_CALL = 200;
const request = createSeedClient(env.ROUTER_URL);

async function signIn(email: string, password: string): Promise<string> {
  const response = await request<{ login: { token: string } }>(SEED_OPERATIONS.login, { input: { email, password } });
  return dataOf(response, `login as ${email}`).login.token;
}

async function ensureAdmin(): Promise<string> {
  const prisma = createPrismaClient(PrismaClient, loadAccountsConfig(process.env).database);
  try {
    await createUser(
      prisma,
      { email: env.SEED_ADMIN_EMAIL, password: env.SEED_ADMIN_PASSWORD, name: 'Admin' },
      'ADMIN',
    );
  } catch (error) {
    if (!(error instanceof Error && /already exists/.test(error.message))) throw error;
  } finally {
    await prisma.$disconnect();
  }
  return signIn(env.SEED_ADMIN_EMAIL, env.SEED_ADMIN_PASSWORD).catch((error: unknown) => {
    throw new Error(`${String(error)}\nThe admin exists with another password: set SEED_ADMIN_PASSWORD.`);
  });
}

interface ProductPage {
  products: {
    edges: { node: { id: string; sku: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every product in the catalog, id by SKU. */
async function existingProducts(): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let after: string | null = null;
  do {
    const response: GraphQLResponse<ProductPage> = await request<ProductPage>(SEED_OPERATIONS.productSkus, {
      after,
    });
    const { edges, pageInfo } = dataOf(response, 'list products').products;
    edges.forEach(({ node }) => ids.set(node.sku, node.id));
    after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  } while (after);
  return ids;
}

/** Creates the demo categories that are missing; answers every demo category's id by slug. */
async function seedCategories(adminToken: string): Promise<Map<string, string>> {
  const listed = async () =>
    dataOf(await request<{ categories: { id: string; slug: string }[] }>(SEED_OPERATIONS.categories), 'categories')
      .categories;
  const present = new Set((await listed()).map(({ slug }) => slug));
  for (const input of DEMO_CATEGORIES.filter(({ slug }) => !present.has(slug))) {
    dataOf(await request(SEED_OPERATIONS.createCategory, { input }, adminToken), `category ${input.slug}`);
  }
  return new Map((await listed()).map(({ id, slug }) => [slug, id]));
}

const chunks = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/**
 * Creates the demo products the catalog lacks with importProducts (a few hundred per call, each
 * call all or nothing), then gives every demo product that has no stock yet its stock with
 * importStock, which leaves stocked products alone: a run cut short between the two is completed
 * by the next, and a complete one is not repeated.
 */
async function seedProducts(adminToken: string): Promise<void> {
  const categoryIds = await seedCategories(adminToken);
  const present = await existingProducts();
  const demo = Array.from({ length: env.SEED_PRODUCTS }, (_, index) => demoProduct(index));
  const missing = demo.filter((product) => !present.has(product.sku));
  const alreadyThere = demo.length - missing.length;
  const ids = new Map(present);
  await Promise.all(
    chunks(missing, PRODUCTS_PER_CALL).map((batch) =>
      limit(async () => {
        const response = await request<{ importProducts: { id: string; sku: string }[] }>(
          SEED_OPERATIONS.importProducts,
          {
            products: batch.map(({ onHand: _onHand, category, ...fields }) => ({
              ...fields,
              categoryId: categoryIds.get(category),
            })),
          },
          adminToken,
        );
        for (const { id, sku } of dataOf(response, 'import products').importProducts) ids.set(sku, id);
      }),
    ),
  );
  console.log(`Products: ${missing.length} created, ${alreadyThere} already there.`);
  const stocked = await Promise.all(
    chunks(demo, PRODUCTS_PER_CALL).map((batch) =>
      limit(async () => {
        const response = await request<{ importStock: { stocked: number } }>(
          SEED_OPERATIONS.importStock,
          { levels: batch.map(({ sku, onHand }) => ({ productId: ids.get(sku)!, onHand })) },
          adminToken,
        );
        return dataOf(response, 'import stock').importStock.stocked;
      }),
    ),
  );
  console.log(`Stock: ${stocked.reduce((sum, count) => sum + count, 0)} products stocked.`);
}

async function customerToken(customer: (typeof CUSTOMERS)[number]): Promise<string> {
  const response = await request<{ register: { token: string } }>(SEED_OPERATIONS.register, { input: customer });
  if (response.errors?.some((error) => error.extensions?.['code'] === 'CONFLICT')) {
    return signIn(customer.email, customer.password);
  }
  return dataOf(response, `register ${customer.email}`).register.token;
}

async function seedOrders(client: SeedClient, token: string, customerIndex: number, productIds: string[]) {
  const mine = await client<{ me: { orders: { edges: unknown[] } } }>(SEED_OPERATIONS.firstOrder, {}, token);
  if (dataOf(mine, 'list orders').me.orders.edges.length > 0) return 0;
  for (let order = 0; order < 2; order += 1) {
    for (let line = 0; line < 3; line += 1) {
      const productId = productIds[(customerIndex * 7 + order * 3 + line) % productIds.length]!;
      dataOf(await client(SEED_OPERATIONS.addToCart, { id: productId }, token), 'add to cart');
    }
    dataOf(await client(SEED_OPERATIONS.placeOrder, { key: `seed-${customerIndex}-${order}` }, token), 'place order');
  }
  return 2;
}

async function productIdsInStock(): Promise<string[]> {
  const response = await request<{ products: { edges: { node: { id: string; stock: { available: number } } }[] } }>(
    SEED_OPERATIONS.productStock,
  );
  return dataOf(response, 'list stock')
    .products.edges.filter(({ node }) => node.stock.available > 10)
    .map(({ node }) => node.id);
}

const adminToken = await ensureAdmin();
console.log(`Admin: ${env.SEED_ADMIN_EMAIL} / ${env.SEED_ADMIN_PASSWORD}`);
await seedProducts(adminToken);
const inStock = await productIdsInStock();
let placed = 0;
for (const [index, customer] of CUSTOMERS.entries()) {
  placed += await seedOrders(request, await customerToken(customer), index, inStock);
}
console.log(
  `Customers: ${CUSTOMERS.map((c) => c.email).join(', ')} (password ${CUSTOMERS[0]!.password}); ${placed} orders placed.`,
);
