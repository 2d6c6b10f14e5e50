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

/**
 * The operation's deadline passed before the subgraph answered (or before it was called). Not the
 * subgraph's fault, so it does not count against its breaker, and never retried.
 */
export class SubgraphDeadlineError extends SubgraphFetchError {
  constructor(options?: ErrorOptions) {
    super('deadline exceeded', false, options);
  }
}
