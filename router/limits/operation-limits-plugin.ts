import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { ErrorCode } from '#lib/errors';
import type { RouterConfig } from '../config.ts';
import type { RouterContext } from '../context.ts';
import { limitExceeded } from './limit-error.ts';
import { measureOperation, type OperationShape } from './operation-shape.ts';
import { estimateCost } from './query-cost.ts';

/** Most distinct (operation, variables) costs remembered per document. */
const COSTS_PER_DOCUMENT = 100;

interface Measured {
  shapes: Map<string, OperationShape>;
  costs: Map<string, number | undefined>;
}

/**
 * Refuses abusive operations before the gateway plans or calls anything: on the parsed, validated
 * operation, too deep, too many aliases, too costly (tokens are counted earlier, see token-limit.ts).
 * A plugin rather than validation rules because Apollo rewrites a validation error's code to
 * GRAPHQL_VALIDATION_FAILED, and each refusal here has its own code.
 *
 * Apollo keeps one parsed document per distinct query text (its document store), so the
 * measurements are remembered per document object: an operation sent again is not walked again.
 */
export function operationLimitsPlugin(
  limits: Omit<RouterConfig['limits'], 'maxTokens' | 'maxBatchSize'>,
): ApolloServerPlugin<RouterContext> {
  const measured = new WeakMap<DocumentNode, Measured>();
  const measuredFor = (document: DocumentNode) => {
    let entry = measured.get(document);
    if (!entry) {
      entry = { shapes: new Map(), costs: new Map() };
      measured.set(document, entry);
    }
    return entry;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, operationName }) {
          if (!operation) return;
          const entry = measuredFor(document);
          const name = operationName ?? '';
          let shape = entry.shapes.get(name);
          if (!shape) {
            shape = measureOperation(document, operation.selectionSet);
            entry.shapes.set(name, shape);
          }
          const { depth, aliases } = shape;
          if (depth > limits.maxDepth) {
            throw limitExceeded(ErrorCode.QueryTooDeep, 'query depth', limits.maxDepth, depth);
          }
          if (aliases > limits.maxAliases) {
            throw limitExceeded(ErrorCode.TooManyAliases, 'number of aliases', limits.maxAliases, aliases);
          }
          const costKey = `${name}\n${request.variables ? JSON.stringify(request.variables) : ''}`;
          let cost = entry.costs.get(costKey);
          if (!entry.costs.has(costKey)) {
            cost = estimateCost(schema, document, request.variables, operationName);
            if (entry.costs.size < COSTS_PER_DOCUMENT) entry.costs.set(costKey, cost);
          }
          if (cost !== undefined && cost > limits.maxCost) {
            throw limitExceeded(ErrorCode.QueryTooComplex, 'estimated query cost', limits.maxCost, cost);
          }
        },
      };
    },
  };
}
