import { defineConfig } from 'vitest/config';

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
          include: ['{lib,subgraphs,router,system,scripts}/**/*.test.ts', 'web/{server,src}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Integration tests run after the fast unit tier, with their own worker limit.
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          // Each file starts a whole system of processes; two cores cannot run many at once.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // The storefront in Debian's Chromium against a whole private system, after the other tiers.
          sequence: { groupOrder: 2 },
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/browser/build-storefront.ts'],
          maxWorkers: 1,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
