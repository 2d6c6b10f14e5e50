/**
 * `npm run seed` (with the system running, e.g. `npm start`): fills every subgraph with a demo
 * through the public API, so each domain's own rules apply: an admin, 1,000 products with stock,
 * a few customers with orders. Running it again changes nothing: products are matched by SKU,
 * users by e-mail, and customers who already have orders get no more.
 */
import { z } from 'zod';
import pLimit from 'p-limit';
import { parseEnv } from '#lib/config';
import type { GraphQLResponse } from '#system/testing/graphql-client';
import { createPrismaClient } from '#lib/prisma';
import { loadAccountsConfig } from '#subgraphs/accounts/config';
import { PrismaClient } from '#subgraphs/accounts/generated/prisma/client';
import { createUser } from '#subgraphs/accounts/users';
import { DEMO_CATEGORIES, demoProduct } from './seed/demo-catalog.ts';
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
const limit = pLimit(8);
const request = createSeedClient(env.ROUTER_URL);

async function signIn(email: string, password: string): Promise<string> {
  const response = await request<{ login: { token: string } }>(
    `mutation ($input: LoginInput!) { login(input: $input) { token } }`,
    { input: { email, password } },
  );
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
  products: { edges: { node: { sku: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function existingSkus(): Promise<Set<string>> {
  const skus = new Set<string>();
  let after: string | null = null;
  do {
    const response: GraphQLResponse<ProductPage> = await request<ProductPage>(
      `query ($after: String) { products(first: 100, after: $after) { edges { node { sku } } pageInfo { hasNextPage endCursor } } }`,
      {
        after,
      },
    );
    const { edges, pageInfo } = dataOf(response, 'list products').products;
    edges.forEach(({ node }) => skus.add(node.sku));
    after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  } while (after);
  return skus;
}

/** Creates the demo categories that are missing; answers every demo category's id by slug. */
async function seedCategories(adminToken: string): Promise<Map<string, string>> {
  const listed = async () =>
    dataOf(await request<{ categories: { id: string; slug: string }[] }>(`{ categories { id slug } }`), 'categories')
      .categories;
  const present = new Set((await listed()).map(({ slug }) => slug));
  for (const input of DEMO_CATEGORIES.filter(({ slug }) => !present.has(slug))) {
    dataOf(
      await request(
        `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`,
        { input },
        adminToken,
      ),
      `category ${input.slug}`,
    );
  }
  return new Map((await listed()).map(({ id, slug }) => [slug, id]));
}

async function seedProducts(adminToken: string): Promise<string[]> {
  const categoryIds = await seedCategories(adminToken);
  const present = await existingSkus();
  const missing = Array.from({ length: env.SEED_PRODUCTS }, (_, index) => demoProduct(index)).filter(
    (product) => !present.has(product.sku),
  );
  const created = await Promise.all(
    missing.map(({ onHand, category, ...fields }) =>
      limit(async () => {
        const input = { ...fields, categoryId: categoryIds.get(category) };
        const product = dataOf(
          await request<{ createProduct: { id: string } }>(
            `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
            { input },
            adminToken,
          ),
          `create ${input.sku}`,
        ).createProduct;
        dataOf(
          await request(
            `mutation ($id: ID!, $onHand: Int!) { setStock(productId: $id, onHand: $onHand, reason: "demo seed") { id } }`,
            { id: product.id, onHand },
            adminToken,
          ),
          `stock ${input.sku}`,
        );
        return product.id;
      }),
    ),
  );
  console.log(`Products: ${created.length} created, ${present.size} already there.`);
  return created;
}

async function customerToken(customer: (typeof CUSTOMERS)[number]): Promise<string> {
  const response = await request<{ register: { token: string } }>(
    `mutation ($input: RegisterInput!) { register(input: $input) { token } }`,
    { input: customer },
  );
  if (response.errors?.some((error) => error.extensions?.['code'] === 'CONFLICT')) {
    return signIn(customer.email, customer.password);
  }
  return dataOf(response, `register ${customer.email}`).register.token;
}

async function seedOrders(client: SeedClient, token: string, customerIndex: number, productIds: string[]) {
  const mine = await client<{ me: { orders: { edges: unknown[] } } }>(
    `{ me { orders(first: 1) { edges { cursor } } } }`,
    {},
    token,
  );
  if (dataOf(mine, 'list orders').me.orders.edges.length > 0) return 0;
  for (let order = 0; order < 2; order += 1) {
    for (let line = 0; line < 3; line += 1) {
      const productId = productIds[(customerIndex * 7 + order * 3 + line) % productIds.length]!;
      dataOf(
        await client(
          `mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { lines { quantity } } }`,
          { id: productId },
          token,
        ),
        'add to cart',
      );
    }
    dataOf(
      await client(
        `mutation ($key: String!) { placeOrder(idempotencyKey: $key) { id } }`,
        { key: `seed-${customerIndex}-${order}` },
        token,
      ),
      'place order',
    );
  }
  return 2;
}

async function productIdsInStock(): Promise<string[]> {
  const response = await request<{ products: { edges: { node: { id: string; stock: { available: number } } }[] } }>(
    `{ products(first: 100) { edges { node { id stock { available } } } } }`,
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
