import { inject } from 'vitest';
import { postGraphQL } from '#system/graphql-client';
import { PRIVATE_SYSTEM_ENV, startPrivateSystem, type PrivateSystem } from '#system/private-system';
import { BACKGROUND_PROCESSES, WORKERS } from '#system/topology';
import { workerReplicaEntries } from '#system/worker-replicas';
import type { SharedSystemAddresses } from './shared-systems.ts';

/** A private system of one test file (see `startPrivateSystem`). */
export type TestSystem = PrivateSystem;

export interface StartSystemOptions {
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** Also start the background processes (the checkout workers and the fake payment gateway). */
  background?: boolean;
  /** Processes of the router and of every checkout worker (default 1; see `startSystem`). */
  replicas?: number;
}

/** The settings every test system starts with (test secrets, patient timeouts). */
export const BASE_ENV = PRIVATE_SYSTEM_ENV;

/**
 * Starts a private system from the build, each database a copy of the run's migrated template
 * (made by the global setup), with `env` over the base settings.
 */
export function startSystem(options: StartSystemOptions = {}): Promise<TestSystem> {
  return startPrivateSystem({
    ...(options.env ? { env: options.env } : {}),
    templates: inject('templateDatabases'),
    ...(options.background ? { background: true } : {}),
    ...(options.replicas ? { replicas: options.replicas } : {}),
  });
}

/** A system several test files use at once: the addresses of its processes and a GraphQL client. */
export type SharedTestSystem = SharedSystemAddresses & Pick<TestSystem, 'graphql'>;

/**
 * One of the run's shared systems (subgraphs and router with the base settings), lent to this file
 * alone while it runs, its databases emptied for it. Only for files of the `integration-shared`
 * project, which leave its processes running: a file that stops, kills or reconfigures one starts
 * its own system.
 */
export async function sharedSystem(): Promise<SharedTestSystem> {
  const response = await fetch(`${inject('sharedSystemUrl')}/?pid=${process.pid}`);
  if (!response.ok) throw new Error(`the shared system did not start: ${await response.text()}`);
  const addresses = (await response.json()) as SharedSystemAddresses;
  return { ...addresses, graphql: (request) => postGraphQL(addresses.routerUrl, request) };
}

/**
 * A router of this file's own with `env` over the base settings, calling the subgraphs of a shared
 * system lent to this file (`sharedSystem`): for files that only reconfigure, stop or kill the
 * router. Only for files of the `integration-shared` project; `stop` stops the router alone.
 */
export async function routerOnSharedSystem(env: Record<string, string> = {}): Promise<TestSystem> {
  const shared = await sharedSystem();
  return startPrivateSystem({ env, alongside: { system: shared, start: ['router'] } });
}

/**
 * The checkout workers and the fake payment gateway of this file's own, with `env` over the base
 * settings, on a shared system lent to this file (`sharedSystem`): its subgraphs, router, databases
 * and queues. For files that only configure, kill or restart those background processes. Only for
 * files of the `integration-shared` project; `stop` stops the background processes alone.
 * `workerReplicas` processes of every checkout worker (the router stays the shared system's one).
 */
export async function backgroundOnSharedSystem(
  env: Record<string, string> = {},
  workerReplicas = 1,
): Promise<TestSystem> {
  const shared = await sharedSystem();
  const start = [...BACKGROUND_PROCESSES, ...workerReplicaEntries(WORKERS, workerReplicas)].map(({ name }) => name);
  return startPrivateSystem({
    env,
    background: true,
    ...(workerReplicas > 1 ? { replicas: workerReplicas } : {}),
    alongside: { system: shared, start },
  });
}
