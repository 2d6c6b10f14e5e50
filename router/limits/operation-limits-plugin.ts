import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '#lib/errors';
import type { RouterConfig } from '../config.ts';
import type { RouterContext } from '../context.ts';
import { limitExceeded } from './limit-error.ts';
import { measureOperation } from './operation-shape.ts';
import { estimateCost } from './query-cost.ts';

/**
 * Refuses abusive operations before the gateway plans or calls anything: on the parsed, validated
 * operation, too deep, too many aliases, too costly (tokens are counted earlier, see token-limit.ts).
 * A plugin rather than validation rules because Apollo rewrites a validation error's code to
 * GRAPHQL_VALIDATION_FAILED, and each refusal here has its own code.
 */
export function operationLimitsPlugin(
  limits: Omit<RouterConfig['limits'], 'maxTokens' | 'maxBatchSize'>,
): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, operationName }) {
          if (!operation) return;
          const { depth, aliases } = measureOperation(document, operation.selectionSet);
          if (depth > limits.maxDepth) {
            throw limitExceeded(ErrorCode.QueryTooDeep, 'query depth', limits.maxDepth, depth);
          }
          if (aliases > limits.maxAliases) {
            throw limitExceeded(ErrorCode.TooManyAliases, 'number of aliases', limits.maxAliases, aliases);
          }
          const cost = estimateCost(schema, document, request.variables, operationName);
          if (cost !== undefined && cost > limits.maxCost) {
            throw limitExceeded(ErrorCode.QueryTooComplex, 'estimated query cost', limits.maxCost, cost);
          }
        },
      };
    },
  };
}
