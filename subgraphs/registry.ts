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

/**
 * A process that serves no GraphQL: the domain workers of the checkout pipeline, and the fake
 * payment gateway they charge in development and tests. Started after the subgraphs they call.
 */
export interface BackgroundProcessEntry {
  name: string;
  /** Prefix of its own variables (`<PREFIX>_PORT`, `<PREFIX>_CONCURRENCY`); others reach it at `<PREFIX>_URL`. */
  envPrefix: string;
  /** Its health (and, for the orders worker, dashboard) port. */
  defaultPort: number;
  /** The TypeScript entry point. */
  entry: string;
  dependsOn?: readonly string[];
}

export interface WorkerEntry extends BackgroundProcessEntry {
  /** The subgraph whose database (and only that one) the worker changes. */
  domain: string;
}

const worker = (domain: string, defaultPort: number, dependsOn?: readonly string[]): WorkerEntry => ({
  name: `${domain}-worker`,
  domain,
  envPrefix: `${domain.toUpperCase()}_WORKER`,
  defaultPort,
  entry: `subgraphs/${domain}/worker/main.ts`,
  ...(dependsOn ? { dependsOn } : {}),
});

/** A stand-in card processor with its own state, so it outlives a payments worker that crashes. */
export const FAKE_PAYMENT_GATEWAY: BackgroundProcessEntry = {
  name: 'payment-gateway',
  envPrefix: 'PAYMENT_GATEWAY',
  defaultPort: 4090,
  entry: 'subgraphs/payments/fake-gateway/main.ts',
};

export const WORKERS: readonly WorkerEntry[] = [
  worker('inventory', 4013),
  worker('orders', 4014),
  worker('payments', 4015, [FAKE_PAYMENT_GATEWAY.name]),
  // Asks accounts for the recipient's e-mail address.
  worker('notifications', 4016, ['accounts']),
  // Keeps catalog's in-stock flags from inventory's availability events.
  worker('catalog', 4017),
];

export const BACKGROUND_PROCESSES: readonly BackgroundProcessEntry[] = [FAKE_PAYMENT_GATEWAY, ...WORKERS];

export function workerEntry(domain: string): WorkerEntry {
  const found = WORKERS.find((candidate) => candidate.domain === domain);
  if (!found) throw new Error(`unknown worker ${domain}`);
  return found;
}

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
