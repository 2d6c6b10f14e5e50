import { defineConfig } from 'vitest/config';

/**
 * Integration files that use the run's shared system instead of starting their own: they only talk
 * to it (no process stopped, killed or started with other settings) and count only what they make.
 */
const SHARED_SYSTEM_FILES = [
  'accounts',
  'browse',
  'bulk-import',
  'catalog',
  'inventory',
  'notifications',
  'orders',
  'payments',
  'seed',
].map((name) => `test/integration/${name}.test.ts`);

export default defineConfig({
  // Apollo's packages load graphql's CommonJS build; tests must use the same one, or graphql
  // refuses schemas built "in another realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          // vitest's default is one worker less than the cores: one, here. The files are small and
          // independent (none mocks modules or changes process.env), so both cores run them, and
          // each worker keeps the modules it loaded for its next file: 6 s instead of 32 s.
          maxWorkers: 2,
          isolate: false,
          include: ['{lib,subgraphs,router,system,scripts}/**/*.test.ts', 'web/{server,src}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // After integration-shared: vitest runs the projects of one group with one worker limit.
          sequence: { groupOrder: 2 },
          include: ['test/integration/**/*.test.ts'],
          exclude: SHARED_SYSTEM_FILES,
          globalSetup: ['test/global-setup.ts'],
          // Each file starts a whole system of processes; two at once keep both cores busy.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-shared',
          // After the fast unit tier.
          sequence: { groupOrder: 1 },
          include: SHARED_SYSTEM_FILES,
          globalSetup: ['test/global-setup.ts'],
          // One file at a time on the one shared system (`sharedSystem` empties its databases).
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // The storefront in Debian's Chromium against a whole private system. In the integration
          // group (so the same worker limit): queued first there (projects by name), it runs beside
          // the private-system files instead of alone after them.
          sequence: { groupOrder: 2 },
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/browser/build-storefront.ts'],
          maxWorkers: 2,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
