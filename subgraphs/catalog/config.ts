import { loadSubgraphConfig } from '#lib/subgraph/subgraph-config';
import { subgraphEntry } from '#system/topology';

/** Reads the catalog subgraph's settings from the environment once, at start-up. */
export const loadCatalogConfig = (env: Record<string, string | undefined>) =>
  loadSubgraphConfig(subgraphEntry('catalog'), env);

export type CatalogConfig = ReturnType<typeof loadCatalogConfig>;
