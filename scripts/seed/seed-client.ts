import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL, type GraphQLResponse } from '#system/testing/graphql-client';

/**
 * GraphQL through the router for the seed: it waits out rate limiting (the router's
 * Retry-After) and fails loudly on any other error, since a seed that half-works misleads.
 */
export function createSeedClient(url: string) {
  return async function request<TData>(query: string, variables: Record<string, unknown> = {}, token?: string) {
    for (let attempt = 1; ; attempt += 1) {
      const response: GraphQLResponse<TData> = await postGraphQL<TData>(url, {
        query,
        variables,
        ...(token ? { token } : {}),
      });
      const limited =
        response.status === 429 || response.errors?.some((e) => e.extensions?.['code'] === 'RATE_LIMITED');
      if (limited && attempt < 20) {
        await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
        continue;
      }
      return response;
    }
  };
}

export type SeedClient = ReturnType<typeof createSeedClient>;

/** The data of a response that must succeed. */
export function dataOf<TData>(response: GraphQLResponse<TData>, what: string): TData {
  if (response.errors?.length || !response.data) {
    throw new Error(`${what} failed: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}
