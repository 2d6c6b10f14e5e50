import { defineConfig } from 'vitest/config';

/**
 * Integration files that borrow one of the run's shared systems instead of starting their own:
 * they only talk to it (no process of it stopped, killed or started with other settings) and count
 * only what they make; the router files among them start a router of their own with their settings
 * on its subgraphs (`routerOnSharedSystem`), one process instead of a whole system, and the
 * checkout files their own workers and payment gateway (`backgroundOnSharedSystem`).
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
  'checkout',
  'checkout-failures',
  'order-lifecycle',
  'stock-availability',
  'reservations',
  'notification-queue',
  'worker-shutdown',
  'response-cache',
  'router-deadline-recovery',
  'router-fault-isolation',
  'router-lifecycle',
  'router-limits',
  'router-persisted-queries',
  'router-rate-limit',
  'router-worker-crash',
  'router-workers',
].map((name) => `test/integration/${name}.test.ts`);

/**
 * What the integration projects share: vitest runs the projects of one group under one worker
 * limit (and refuses different ones), after the unit tier; each file starts processes of a system,
 * two at once keep both cores busy.
 */
const INTEGRATION_TIER = {
  sequence: { groupOrder: 2 },
  globalSetup: ['test/global-setup.ts'],
  maxWorkers: 2,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

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
          ...INTEGRATION_TIER,
          include: ['test/integration/**/*.test.ts'],
          exclude: SHARED_SYSTEM_FILES,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-shared',
          // With the other integration files (so the same worker limit), queued after them (projects
          // by name). Each file borrows one of the run's shared systems for itself while it runs,
          // its databases emptied (`sharedSystem`); there are as many as files run at once.
          ...INTEGRATION_TIER,
          include: SHARED_SYSTEM_FILES,
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
