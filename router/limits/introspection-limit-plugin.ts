import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '#lib/errors';
import type { RouterContext } from '../context.ts';
import { limitExceeded } from './limit-error.ts';
import { measureOperation } from './operation-shape.ts';

/**
 * Refuses introspection nested deeper than `maxDepth` (`__schema { types { fields { type { ofType
 * ...`), where introspection is on (development). Its own limit, apart from MAX_QUERY_DEPTH, because
 * the standard introspection query that Sandbox and codegen send is 15 levels deep; aliases and cost
 * count introspection like any other field.
 */
export function introspectionLimitPlugin(maxDepth: number): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const { introspectionDepth } = measureOperation(document, operation.selectionSet);
          if (introspectionDepth > maxDepth) {
            throw limitExceeded(ErrorCode.QueryTooDeep, 'introspection depth', maxDepth, introspectionDepth);
          }
        },
      };
    },
  };
}
