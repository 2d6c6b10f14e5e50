import type { GraphQLResponse } from '#lib/graphql/post-graphql';

export { postGraphQL, type GraphQLRequest, type GraphQLResponse } from '#lib/graphql/post-graphql';

/** The codes of a response's errors, for assertions. */
export const errorCodes = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);
