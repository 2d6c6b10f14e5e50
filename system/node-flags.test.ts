import { describe, expect, it } from 'vitest';
import { nodeFlagsFromEnv } from './node-flags.ts';

describe('nodeFlagsFromEnv', () => {
  it('gives each named process its own flags and ignores everything else', () => {
    expect(
      nodeFlagsFromEnv({
        NODE_FLAGS_ROUTER: '--cpu-prof',
        NODE_FLAGS_PAYMENTS_WORKER: ' --cpu-prof  --cpu-prof-dir=/tmp/p ',
        NODE_FLAGS_CATALOG: ' ',
        NODE_OPTIONS: '--inspect',
      }),
    ).toEqual({ router: ['--cpu-prof'], 'payments-worker': ['--cpu-prof', '--cpu-prof-dir=/tmp/p'] });
  });
});
