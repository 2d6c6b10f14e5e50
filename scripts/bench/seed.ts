/**
 * `npx tsx scripts/bench/seed.ts`: times `npm run seed` (SEED_PRODUCTS, default 1,000) against a
 * private system started on fresh databases, as on a fresh machine, then runs it again (which must
 * add nothing) and prints both times.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startPrivateSystem } from '#system/private-system';

const run = promisify(execFile);
const system = await startPrivateSystem({ label: 'bench', env: { LOG_LEVEL: 'warn' } });
try {
  const seed = async () => {
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
      env: {
        PATH: process.env['PATH'],
        ROUTER_URL: system.routerUrl,
        ACCOUNTS_DATABASE_URL: system.databaseUrls['accounts'],
        SEED_PRODUCTS: process.env['SEED_PRODUCTS'] ?? '1000',
      },
    });
    return { seconds: (performance.now() - started) / 1000, stdout: stdout.trim() };
  };
  for (const label of ['first run', 'second run']) {
    const { seconds, stdout } = await seed();
    console.log(`${label}: ${seconds.toFixed(1)} s\n${stdout}\n`);
  }
} finally {
  await system.stop();
}
