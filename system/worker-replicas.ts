import type { WorkerEntry } from './topology.ts';

/** A second (third...) process of a checkout worker, beside the first on the same queues. */
export interface WorkerReplicaEntry extends WorkerEntry {
  /** The worker this is a replica of; the first process keeps the worker's own name. */
  replicaOf: string;
}

/**
 * The extra processes for `count` processes per worker: `<worker>-2` up to `<worker>-<count>`,
 * the same entry point and settings, each started once the worker's first process listens.
 * BullMQ hands each job to one of them, as it would to pods; what they share (queues, databases,
 * the gateway) is what a replica test exercises.
 */
export function workerReplicaEntries(workers: readonly WorkerEntry[], count: number): WorkerReplicaEntry[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`worker replicas must be a whole number >= 1, got ${count}`);
  }
  return workers.flatMap((worker) =>
    Array.from({ length: count - 1 }, (_, index) => ({
      ...worker,
      name: `${worker.name}-${index + 2}`,
      replicaOf: worker.name,
      // Fewer processes loading at once on a small machine.
      dependsOn: [...(worker.dependsOn ?? []), worker.name],
    })),
  );
}

export const isWorkerReplica = (entry: object): entry is WorkerReplicaEntry => 'replicaOf' in entry;
