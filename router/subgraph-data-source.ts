import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { RouterContext } from './context.ts';
import type { SubgraphFetchMetrics } from './metrics/subgraph-fetch-metrics.ts';

/** Carries the caller's credentials and the request id from the router to every subgraph fetch, and times it. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly subgraph: { name: string; metrics: SubgraphFetchMetrics };

  constructor({ name, url, metrics }: { name: string; url: string; metrics: SubgraphFetchMetrics }) {
    super({ url });
    this.subgraph = { name, metrics };
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    if (!('requestId' in context)) return;
    request.http?.headers.set('x-request-id', context.requestId);
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  override process(options: GraphQLDataSourceProcessOptions<RouterContext>) {
    return this.subgraph.metrics.time(this.subgraph.name, () => super.process(options));
  }
}
