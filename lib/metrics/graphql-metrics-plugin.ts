import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';

/** How many distinct operation names one process labels series with; later ones count as `other`. */
export const MAX_OPERATION_LABELS = 50;

/**
 * Maps operation names to label values with a bound: the first `max` names of operations that
 * parsed, validated and resolved keep their name, every later name is `other`, an unnamed one
 * `anonymous`. Operation names are chosen by clients, and every distinct label value is another 15
 * series held forever, so unbounded names would grow /metrics and Prometheus without end.
 */
export function boundedOperationLabel(max = MAX_OPERATION_LABELS) {
  const known = new Set<string>();
  return (operationName: string | null | undefined): string => {
    if (!operationName) return 'anonymous';
    if (known.has(operationName)) return operationName;
    if (known.size >= max) return 'other';
    known.add(operationName);
    return operationName;
  };
}

/** Counts and times every operation by name (bounded, see boundedOperationLabel) and outcome. */
export function graphqlMetricsPlugin(
  registry: Registry,
  maxOperationLabels = MAX_OPERATION_LABELS,
): ApolloServerPlugin<BaseContext> {
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
  const labelOf = boundedOperationLabel(maxOperationLabels);
  return {
    async requestDidStart() {
      const stopTimer = duration.startTimer();
      return {
        // Apollo sets operationName only once the document parsed, validated and resolved an operation.
        async willSendResponse({ operationName, errors }) {
          const label = labelOf(operationName);
          stopTimer({ operation: label });
          operations.inc({ operation: label, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
