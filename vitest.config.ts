import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['{lib,subgraphs,router,scripts}/**/*.test.ts'],
        },
      },
      {
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
    ],
  },
});
