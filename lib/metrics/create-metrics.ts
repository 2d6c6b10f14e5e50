import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per process, labelled with the service name so series from many
 * processes can be told apart after scraping; includes Node's own process metrics.
 */
export function createMetrics(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
