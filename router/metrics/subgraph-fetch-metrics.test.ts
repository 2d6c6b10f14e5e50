import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { createSubgraphFetchMetrics } from './subgraph-fetch-metrics.ts';

const valueOf = async (registry: Registry, name: string, labels: Record<string, string>) => {
  const metric = (await registry.getMetricsAsJSON()).find((candidate) => candidate.name === name);
  const sample = metric?.values.find((value) =>
    Object.entries(labels).every(([key, expected]) => value.labels[key] === expected),
  );
  return sample?.value;
};

describe('createSubgraphFetchMetrics', () => {
  it('times calls by subgraph and outcome, passing results and errors through', async () => {
    const registry = new Registry();
    const metrics = createSubgraphFetchMetrics(registry);
    await expect(metrics.time('catalog', async () => 'answer')).resolves.toBe('answer');
    await expect(metrics.time('catalog', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(
      await valueOf(registry, 'router_subgraph_fetch_duration_seconds', {
        subgraph: 'catalog',
        outcome: 'ok',
        le: '+Inf',
      }),
    ).toBe(1);
    expect(
      await valueOf(registry, 'router_subgraph_fetch_duration_seconds', {
        subgraph: 'catalog',
        outcome: 'error',
        le: '+Inf',
      }),
    ).toBe(1);
  });

  it('reports each breaker state as a state set, read when scraped', async () => {
    const registry = new Registry();
    let states: Record<string, string> = { catalog: 'closed' };
    createSubgraphFetchMetrics(registry, () => states);
    expect(await valueOf(registry, 'router_subgraph_circuit_state', { subgraph: 'catalog', state: 'closed' })).toBe(1);
    states = { catalog: 'open' };
    expect(await valueOf(registry, 'router_subgraph_circuit_state', { subgraph: 'catalog', state: 'open' })).toBe(1);
    expect(await valueOf(registry, 'router_subgraph_circuit_state', { subgraph: 'catalog', state: 'closed' })).toBe(0);
  });
});
