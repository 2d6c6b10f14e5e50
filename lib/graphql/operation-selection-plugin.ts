import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode, userError } from '../errors.ts';

/**
 * Refuses, with HTTP 400 and a stable code, a request whose document does not select one operation
 * to run (several operations and no `operationName`, or an `operationName` that names none) and a
 * subscription, which nothing here serves. Left to the gateway, each was an HTTP 500.
 */
export function operationSelectionPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            const name = request.operationName;
            throw userError(
              ErrorCode.OperationResolutionFailure,
              name
                ? `The document has no operation named "${name.slice(0, 100)}".`
                : 'The document has several operations: name the one to run in operationName.',
              { http: { status: 400 } },
            );
          }
          if (operation.operation === 'subscription') {
            throw userError(ErrorCode.OperationNotSupported, 'Subscriptions are not supported.', {
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
