/**
 * The subgraphs that make up the supergraph: the one list that composition, the start script,
 * the router's URL overrides and the test harness all read.
 */
export interface SubgraphEntry {
  name: string;
  /** Upper-case prefix of the subgraph's own environment variables (ACCOUNTS_PORT, ...). */
  envPrefix: string;
  defaultPort: number;
  /** The subgraph's own database on the local server, used when `<PREFIX>_DATABASE_URL` is unset. */
  defaultDatabaseUrl: string;
  /**
   * Subgraphs this one calls at run time (not through the router); they are started first and
   * their URL is passed to it as `<PREFIX>_URL`.
   */
  dependsOn?: readonly string[];
}

const entry = (name: string, defaultPort: number, dependsOn?: readonly string[]): SubgraphEntry => ({
  name,
  envPrefix: name.toUpperCase(),
  defaultPort,
  defaultDatabaseUrl: `postgresql://postgres@127.0.0.1:5432/commerce_${name}`,
  ...(dependsOn ? { dependsOn } : {}),
});

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  entry('accounts', 4001),
  entry('catalog', 4002),
  entry('inventory', 4003),
  entry('orders', 4004, ['catalog']),
  entry('payments', 4005),
  entry('notifications', 4006),
];

export function subgraphEntry(name: string): SubgraphEntry {
  const found = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`unknown subgraph ${name}`);
  return found;
}

/** Where a subgraph listens when nothing overrides it; composition records this URL. */
export const defaultSubgraphUrl = ({ defaultPort }: SubgraphEntry) => `http://127.0.0.1:${defaultPort}/graphql`;

/** Where a subgraph's database lives: `<PREFIX>_DATABASE_URL`, or its default. */
export const subgraphDatabaseUrl = (subgraph: SubgraphEntry, env: Record<string, string | undefined>) =>
  env[`${subgraph.envPrefix}_DATABASE_URL`] ?? subgraph.defaultDatabaseUrl;
