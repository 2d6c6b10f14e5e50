import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { countRows } from '#testing/databases';

const run = promisify(execFile);
let system: SharedTestSystem;

const seed = () =>
  run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    env: {
      PATH: process.env['PATH'],
      ROUTER_URL: system.routerUrl,
      ACCOUNTS_DATABASE_URL: system.databaseUrls['accounts'],
      SEED_PRODUCTS: '30',
    },
  });

const counts = async () => ({
  users: await countRows(system.databaseUrls['accounts']!, 'User'),
  products: await countRows(system.databaseUrls['catalog']!, 'Product'),
  stock: await countRows(system.databaseUrls['inventory']!, 'StockLevel'),
  orders: await countRows(system.databaseUrls['orders']!, 'Order'),
});

beforeAll(async () => {
  system = await sharedSystem();
});
describe('npm run seed', () => {
  it('fills every domain through the router, and a second run changes nothing', async () => {
    const first = await seed();
    expect(first.stdout).toContain('30 created');
    expect(first.stdout).toContain('Stock: 30 products stocked');
    const afterFirst = await counts();
    expect(afterFirst).toEqual({ users: 6, products: 30, stock: 30, orders: 10 });

    const second = await seed();
    expect(second.stdout).toContain('0 created, 30 already there');
    expect(second.stdout).toContain('Stock: 0 products stocked');
    expect(await counts()).toEqual(afterFirst);
  });
});
