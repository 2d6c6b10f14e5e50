import { describe, expect, it } from 'vitest';
import { WORKERS } from './topology.ts';
import { isWorkerReplica, workerReplicaEntries } from './worker-replicas.ts';

describe('workerReplicaEntries', () => {
  it('adds nothing for one process per worker', () => {
    expect(workerReplicaEntries(WORKERS, 1)).toEqual([]);
  });

  it('names the extra processes after their worker, with its entry point, started after it', () => {
    const replicas = workerReplicaEntries(WORKERS, 3);
    expect(replicas.map(({ name }) => name)).toEqual(WORKERS.flatMap(({ name }) => [`${name}-2`, `${name}-3`]));
    const payments = replicas.find(({ name }) => name === 'payments-worker-2')!;
    expect(payments).toMatchObject({ replicaOf: 'payments-worker', entry: 'subgraphs/payments/worker/main.ts' });
    expect(payments.dependsOn).toEqual(['payment-gateway', 'payments-worker']);
    expect(replicas.every(isWorkerReplica)).toBe(true);
    expect(WORKERS.some(isWorkerReplica)).toBe(false);
  });

  it.each([0, -1, 1.5])('refuses %s processes per worker', (count) => {
    expect(() => workerReplicaEntries(WORKERS, count)).toThrow(/whole number/);
  });
});
