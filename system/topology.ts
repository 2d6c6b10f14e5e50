/**
 * The system, described once: every process (the subgraphs, the checkout workers, the fake payment
 * gateway, the router), its port, database, entry point and what it calls. Composition, Prisma,
 * `npm start`, the test harness, the benchmarks and the chaos run all read this list.
 */
export interface ProcessEntry {
  name: string;
  /** Upper-case prefix of the process's own variables (`<PREFIX>_PORT`); others reach it at `<PREFIX>_URL`. */
  envPrefix: string;
  defaultPort: number;
  /** The TypeScript entry point, relative to the project root; the build mirrors it under `dist/`. */
  entry: string;
  /** Appended to `http://host:port` to make the URL others call (`/graphql` for a GraphQL server). */
  path: string;
  /** Processes this one calls directly: they are started first and their URL passed on as `<PREFIX>_URL`. */
  dependsOn?: readonly string[];
}

export interface SubgraphEntry extends ProcessEntry {
  /** The subgraph's own database on the local server, used when `<PREFIX>_DATABASE_URL` is unset. */
  defaultDatabaseUrl: string;
}

export interface WorkerEntry extends ProcessEntry {
  /** The subgraph whose database (and only that one) the worker changes. */
  domain: string;
}

const subgraph = (name: string, defaultPort: number, dependsOn?: readonly string[]): SubgraphEntry => ({
  name,
  envPrefix: name.toUpperCase(),
  defaultPort,
  entry: `subgraphs/${name}/main.ts`,
  path: '/graphql',
  defaultDatabaseUrl: `postgresql://postgres@127.0.0.1:5432/commerce_${name}`,
  ...(dependsOn ? { dependsOn } : {}),
});

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  subgraph('accounts', 4001),
  subgraph('catalog', 4002),
  subgraph('inventory', 4003),
  // Asks catalog for prices.
  subgraph('orders', 4004, ['catalog']),
  subgraph('payments', 4005),
  subgraph('notifications', 4006),
];

/** A stand-in card processor with its own state, so it outlives a payments worker that crashes. */
export const FAKE_PAYMENT_GATEWAY: ProcessEntry = {
  name: 'payment-gateway',
  envPrefix: 'PAYMENT_GATEWAY',
  defaultPort: 4090,
  entry: 'subgraphs/payments/fake-gateway/main.ts',
  path: '',
};

const worker = (domain: string, defaultPort: number, dependsOn?: readonly string[]): WorkerEntry => ({
  name: `${domain}-worker`,
  domain,
  envPrefix: `${domain.toUpperCase()}_WORKER`,
  defaultPort,
  entry: `subgraphs/${domain}/worker/main.ts`,
  path: '',
  ...(dependsOn ? { dependsOn } : {}),
});

export const WORKERS: readonly WorkerEntry[] = [
  worker('inventory', 4013),
  worker('orders', 4014),
  worker('payments', 4015, [FAKE_PAYMENT_GATEWAY.name]),
  // Asks accounts for the recipient's e-mail address.
  worker('notifications', 4016, ['accounts']),
  // Keeps catalog's in-stock flags from the availability events inventory publishes.
  worker('catalog', 4017),
];

/** The processes that serve no GraphQL: the checkout workers and the gateway they charge. */
export const BACKGROUND_PROCESSES: readonly ProcessEntry[] = [FAKE_PAYMENT_GATEWAY, ...WORKERS];

/** The public endpoint; it composes every subgraph, so it starts once they all listen. */
export const ROUTER: ProcessEntry = {
  name: 'router',
  envPrefix: 'ROUTER',
  defaultPort: 4000,
  entry: 'router/main.ts',
  path: '/graphql',
  dependsOn: SUBGRAPHS.map(({ name }) => name),
};

/**
 * The web storefront (web/server): the built pages on their own port. It calls the router from the
 * browser, so the router's CORS_ORIGINS must name this origin (by default http://localhost:4080).
 */
export const STOREFRONT: ProcessEntry = {
  name: 'storefront',
  envPrefix: 'STOREFRONT',
  defaultPort: 4080,
  entry: 'web/server/main.ts',
  path: '',
  dependsOn: [ROUTER.name],
};

export function workerEntry(domain: string): WorkerEntry {
  const found = WORKERS.find((candidate) => candidate.domain === domain);
  if (!found) throw new Error(`unknown worker ${domain}`);
  return found;
}

export function subgraphEntry(name: string): SubgraphEntry {
  const found = SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`unknown subgraph ${name}`);
  return found;
}

/** Where a subgraph listens when nothing overrides it; composition records this URL. */
export const defaultSubgraphUrl = ({ defaultPort }: SubgraphEntry) => `http://127.0.0.1:${defaultPort}/graphql`;

/** Where a subgraph's database lives: `<PREFIX>_DATABASE_URL`, or its default. */
export const subgraphDatabaseUrl = (entry: SubgraphEntry, env: Record<string, string | undefined>) =>
  env[`${entry.envPrefix}_DATABASE_URL`] ?? entry.defaultDatabaseUrl;
