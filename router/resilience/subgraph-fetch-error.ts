/**
 * A subgraph answered in a way the router cannot use: no connection, a 5xx, a body that is too
 * large. `retryable` marks the failures a second attempt may cure (connection resets, 502/503/504).
 */
export class SubgraphFetchError extends Error {
  override readonly name = 'SubgraphFetchError';
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}
