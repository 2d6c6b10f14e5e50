import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { Kind, parse, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '#lib/errors';

export type SubgraphResponse = ReturnType<RemoteGraphQLDataSource['process']>;
type SubgraphRequest = GraphQLDataSourceProcessOptions['request'];

/**
 * The response the gateway gets instead of a failed subgraph call (SUBGRAPH_UNAVAILABLE, or
 * DEADLINE_EXCEEDED when the operation ran out of time first). The gateway turns an error path
 * relative to the subgraph operation into a path in the client's response, so: an entity fetch gets
 * one error per entity (`_entities.<i>` maps to where that entity sits), a root fetch one per root field.
 */
export function unavailableResponse(
  subgraph: string,
  reason: string,
  request: SubgraphRequest,
  code: typeof ErrorCode.SubgraphUnavailable | typeof ErrorCode.DeadlineExceeded = ErrorCode.SubgraphUnavailable,
): Awaited<SubgraphResponse> {
  const message =
    code === ErrorCode.DeadlineExceeded
      ? `The operation ran past its deadline before the ${subgraph} subgraph answered.`
      : `The ${subgraph} subgraph is unavailable (${reason}).`;
  const error = (path: (string | number)[]): GraphQLFormattedError => ({
    message,
    path,
    extensions: { code, subgraph, reason },
  });
  const representations = request.variables?.['representations'];
  if (Array.isArray(representations)) {
    return { errors: representations.map((_entity, index) => error(['_entities', index])) };
  }
  return { errors: rootResponseKeys(request.query).map((key) => error([key])) };
}

function rootResponseKeys(query: string | undefined): string[] {
  if (!query) return [];
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return (operation?.selectionSet.selections ?? []).flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.alias?.value ?? selection.name.value] : [],
  );
}
