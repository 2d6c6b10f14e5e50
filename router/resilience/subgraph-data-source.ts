import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Logger } from '#lib/logger';
import { ROUTER_IDENTITY_HEADER } from '#lib/auth/router-identity';
import type { RouterContext } from '../context.ts';
import type { SubgraphFetchMetrics } from '../metrics/subgraph-fetch-metrics.ts';
import { createCappedFetcher } from './capped-fetcher.ts';
import { describeFailure, type SubgraphGuards } from './subgraph-guards.ts';
import { unavailableResponse, type SubgraphResponse } from './unavailable-response.ts';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  guards: SubgraphGuards;
  maxResponseBytes: number;
  logger: Logger;
  metrics: SubgraphFetchMetrics;
}

// The gateway writes every subgraph operation with its keyword first ("mutation Op__x__0 ...").
const isMutation = (query: string | undefined) => /^\s*mutation\b/.test(query ?? '');

/**
 * Calls one subgraph for the gateway: carries the request id and identity, and runs every call
 * under the subgraph's timeout, circuit breaker and retry policy. A call that fails for want of a
 * usable answer does not fail the operation: it becomes SUBGRAPH_UNAVAILABLE errors on the fields
 * that subgraph was to provide, and the gateway still returns what the others gave.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly options: SubgraphDataSourceOptions;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.options = options;
    this.fetcher = createCappedFetcher(options.maxResponseBytes);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    if (!('requestId' in context)) return;
    // The caller's own token stays at the router: subgraphs get the identity the router verified.
    request.http?.headers.set('x-request-id', context.requestId);
    request.http?.headers.set(ROUTER_IDENTITY_HEADER, context.identityToken);
  }

  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>): SubgraphResponse {
    // Health checks and schema loading are not used with a static supergraph; let them through as is.
    if (!('incomingRequestContext' in options)) return super.process(options);
    const { name, guards, logger, metrics } = this.options;
    const kind = isMutation(options.request.query) ? 'mutation' : 'query';
    try {
      return await guards.run(name, kind, () => metrics.time(name, () => super.process(options)));
    } catch (error) {
      // A subgraph's own GraphQL error (a 4xx it answered) is its answer, not an outage.
      if (error instanceof GraphQLError) throw error;
      const reason = describeFailure(error);
      logger.warn({ err: error, subgraph: name, reason, requestId: options.context.requestId }, 'subgraph call failed');
      return unavailableResponse(name, reason, options.request);
    }
  }
}
