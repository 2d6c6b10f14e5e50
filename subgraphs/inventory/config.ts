import { loadSubgraphConfig } from '#lib/subgraph/subgraph-config';
import { subgraphEntry } from '#system/topology';

/** Reads the inventory subgraph's settings from the environment once, at start-up. */
export const loadInventoryConfig = (env: Record<string, string | undefined>) =>
  loadSubgraphConfig(subgraphEntry('inventory'), env);

export type InventoryConfig = ReturnType<typeof loadInventoryConfig>;
