import { z } from 'zod';
import { parseEnv, portSchema } from '../config.ts';
import { loadQueueSettings } from '../queue/queue-config.ts';
import { loadSubgraphConfig, type SubgraphDefaults } from '../subgraph/subgraph-config.ts';

export interface WorkerDefaults {
  envPrefix: string;
  defaultPort: number;
}

/**
 * A domain worker's settings: its domain's database and token settings (as the subgraph reads
 * them), the queues, its own ops port and its concurrency (`<DOMAIN>_WORKER_CONCURRENCY`).
 */
export function loadWorkerConfig(
  domain: SubgraphDefaults,
  worker: WorkerDefaults,
  env: Record<string, string | undefined>,
  { defaultConcurrency = 10 } = {},
) {
  const prefix = worker.envPrefix;
  const own = parseEnv(
    z.object({
      [`${prefix}_PORT`]: portSchema(worker.defaultPort),
      [`${prefix}_CONCURRENCY`]: z.coerce.number().int().min(1).max(500).default(defaultConcurrency),
    }),
    env,
  );
  const { port: _subgraphPort, ...base } = loadSubgraphConfig(domain, env);
  return {
    ...base,
    port: Number(own[`${prefix}_PORT`]),
    concurrency: Number(own[`${prefix}_CONCURRENCY`]),
    queues: loadQueueSettings(env),
  };
}

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;
