interface GraphQLBody {
  operationName?: unknown;
  query?: unknown;
}

/** The name of a document's first operation, from its text, skipping leading comments. */
const LEADING_OPERATION = /^(?:\s|#[^\n]*\n)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** Longest name written to logs: the client chooses it, and it goes on every line of the request. */
const MAX_NAME_LENGTH = 100;

const nameOf = (item: unknown): string | undefined => {
  const { operationName, query } = (item ?? {}) as GraphQLBody;
  const name =
    typeof operationName === 'string' && operationName
      ? operationName
      : typeof query === 'string'
        ? LEADING_OPERATION.exec(query)?.[1]
        : undefined;
  return name?.slice(0, MAX_NAME_LENGTH);
};

/**
 * The operation name(s) of a parsed GraphQL request body, for logs: `operationName` where the
 * client sent one, else the name the document's first operation declares (many clients and curl
 * send none); a batch gives its names joined by commas. Undefined for anonymous operations.
 * Reads only the start of the text: parsing happens later, in Apollo.
 */
export function operationNameOf(body: unknown): string | undefined {
  // At most the first 10 of a batch (the router's batch limit refuses larger ones later anyway).
  const names = (Array.isArray(body) ? body.slice(0, 10) : [body]).map(nameOf).filter((name) => name !== undefined);
  return names.length ? names.join(',') : undefined;
}
