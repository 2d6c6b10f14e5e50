// First: the gateway must find @apollo/federation-internals' exports already flattened.
import './flat-federation-exports.ts';
import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '#lib/logger';
import type { RouterConfig } from './config.ts';
import type { SubgraphGuards } from './resilience/subgraph-guards.ts';
import { SubgraphDataSource } from './resilience/subgraph-data-source.ts';
import type { SubgraphFetchMetrics } from './metrics/subgraph-fetch-metrics.ts';

/**
 * The gateway serves the committed, composed supergraph: production never introspects running
 * subgraphs, so what is served is exactly what CI checked.
 */
export function createGateway(
  config: RouterConfig,
  supergraphSdl: SupergraphSdlHook,
  guards: SubgraphGuards,
  logger: Logger,
  metrics: SubgraphFetchMetrics,
): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`the supergraph gives no URL for subgraph ${name}`);
      return new SubgraphDataSource({
        name,
        url: target,
        guards,
        maxResponseBytes: config.resilience.maxResponseBytes,
        timeoutMs: guards.timeoutMs(name),
        logger,
        metrics,
      });
    },
  });
}
