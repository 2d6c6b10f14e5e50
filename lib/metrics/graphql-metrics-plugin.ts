import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';

/** Counts and times every operation by name and outcome. */
export function graphqlMetricsPlugin(registry: Registry): ApolloServerPlugin<BaseContext> {
  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations handled, by operation name and outcome.',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const stopTimer = duration.startTimer();
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = operationName ?? 'anonymous';
          stopTimer({ operation });
          operations.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
