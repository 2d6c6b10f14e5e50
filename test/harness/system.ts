import { inject } from 'vitest';
import { PRIVATE_SYSTEM_ENV, startPrivateSystem, type PrivateSystem } from '#system/private-system';

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
