import { loadWorkerConfig } from '#lib/worker/worker-config';
import { subgraphEntry, workerEntry } from '#system/topology';

/** The catalog worker's settings, read once at start-up. */
export const loadCatalogWorkerConfig = (env: Record<string, string | undefined>) =>
  loadWorkerConfig(subgraphEntry('catalog'), workerEntry('catalog'), env);

export type CatalogWorkerConfig = ReturnType<typeof loadCatalogWorkerConfig>;
