import { build } from 'vite';

/** Builds the storefront (web/dist and its operation manifests) once for the browser tests. */
export default async function setup() {
  await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}
