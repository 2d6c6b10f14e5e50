/**
 * `npx tsx scripts/bench/mix.ts`: the load test's whole Black Friday mix (`npm run loadtest`) at
 * saturation on a private system of its own (workers and fake gateway included): 100 products
 * with plenty of stock imported in two calls, then BENCH_USERS (default 60) shoppers with no think
 * time for BENCH_SECONDS (default 30). Prints the load test's report.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { nodeFlagsFromEnv } from '#system/node-flags';
import { startPrivateSystem } from '#system/private-system';
import { createTemplateDatabases } from '#system/template-databases';
import { createAdmin } from '#testing/accounts';
import { formatReport } from '../load/print-report.ts';
import { runLoad } from '../load/run-load.ts';

const settings = parseEnv(
  z.object({
    BENCH_USERS: z.coerce.number().int().min(1).max(200).default(60),
    BENCH_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  }),
  process.env,
);
const PRODUCTS = 100;

const { templates, drop } = await createTemplateDatabases(`mix${randomUUID().slice(0, 4)}`);
const system = await startPrivateSystem({
  label: 'bench',
  background: true,
  templates,
  nodeFlags: nodeFlagsFromEnv(process.env),
  env: { LOG_LEVEL: 'warn', NODE_ENV: 'production', NOTIFICATIONS_CHANNEL: 'capture' },
});
try {
  const admin = await createAdmin(system);
  const imported = await system.graphql<{ importProducts: { id: string }[] }>({
    query: `mutation ($products: [CreateProductInput!]!) { importProducts(products: $products) { id } }`,
    token: admin.token,
    variables: {
      products: Array.from({ length: PRODUCTS }, (_, index) => ({
        sku: `MIX-${index}`,
        name: `Mix product ${index}`,
        price: { amount: 500 + index * 10, currency: 'USD' },
      })),
    },
  });
  const stocked = await system.graphql({
    query: `mutation ($levels: [InitialStockInput!]!) { importStock(levels: $levels, reason: "mix") { stocked } }`,
    token: admin.token,
    variables: { levels: imported.data!.importProducts.map(({ id }) => ({ productId: id, onHand: 1_000_000 })) },
  });
  if (stocked.errors) throw new Error(JSON.stringify(stocked.errors));
  const result = await runLoad(
    { url: system.routerUrl, users: settings.BENCH_USERS, durationMs: settings.BENCH_SECONDS * 1000, thinkMs: 0 },
    (line) => process.stderr.write(`${line}\n`),
  );
  console.log(formatReport(result));
} finally {
  await system.stop();
  await drop();
}
