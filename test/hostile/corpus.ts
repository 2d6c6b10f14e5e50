/**
 * The hostile-input corpus: requests no client should send, each one line. `hostile-input.test.ts`
 * sends every case to each of its targets (the router, and straight to subgraphs with a valid router
 * identity) and checks that the answer is a 4xx or a GraphQL answer whose every error has a stable
 * code (never INTERNAL_SERVER_ERROR, never a 5xx), that no process died, and that no database changed.
 *
 * To add a case, add a line: `op(...)` for a GraphQL operation, `http(...)` for anything else. In
 * bodies, `@productId@`, `@cursor@`, `@userId@` are replaced by a real product id, a real products
 * cursor and the customer's id.
 */

/** Where a case is sent: the router, a subgraph (with a router identity), or all of them. */
export type Target = 'router' | 'accounts' | 'catalog' | 'inventory' | 'orders' | 'payments' | 'notifications';

/** Who the caller is: a router access token (at the router) or a router identity (at a subgraph). */
export type Caller =
  | 'anonymous'
  | 'customer'
  | 'admin'
  // Access tokens, at the router.
  | 'expired-token'
  | 'alg-none-token'
  | 'other-key-token'
  | 'hs512-token'
  | 'wrong-audience-token'
  | 'wrong-issuer-token'
  | 'unknown-kid-token'
  | 'garbage-token'
  | 'huge-token'
  // Router identities, at a subgraph.
  | 'no-identity'
  | 'forged-identity'
  | 'expired-identity'
  | 'alg-none-identity'
  | 'wrong-audience-identity';

export interface HostileCase {
  name: string;
  to: readonly Target[];
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';
  /** A JSON body (serialised), or with `raw` the exact text sent. */
  body?: unknown;
  raw?: string;
  /** How the body is encoded on the wire (with a matching content-encoding header). */
  encoding?: 'gzip' | 'gzip-truncated' | 'not-gzip' | 'not-deflate' | 'br-garbage';
  /** GET query-string parameters. */
  search?: Record<string, string>;
  headers?: Record<string, string>;
  /** Default: anonymous at the router, an admin's identity at a subgraph (so guarded input is reached). */
  as?: Caller;
  /** An error code the answer must carry (besides the rules every case follows). */
  code?: string;
  /** An HTTP status the answer must have. */
  status?: number;
  /** The longest the answer may take, for cases that once stalled a process. */
  maxMs?: number;
}

const ROUTER = ['router'] as const;
const SUBGRAPHS = ['accounts', 'catalog', 'inventory', 'orders', 'payments', 'notifications'] as const;
const ALL = [...ROUTER, ...SUBGRAPHS] as const;

const op = (name: string, to: readonly Target[], query: string, variables?: Record<string, unknown>, extra: Partial<HostileCase> = {}): HostileCase => ({ name, to, body: variables ? { query, variables } : { query }, ...extra });
const http = (name: string, to: readonly Target[], extra: Partial<HostileCase>): HostileCase => ({
  name,
  to,
  ...extra,
});

const PRODUCT = 'query ($id: ID!) { product(id: $id) { id name } }';
const PRODUCTS = 'query ($first: Int, $after: String) { products(first: $first, after: $after) { edges { cursor } } }';
const UPDATE_PRODUCT = 'mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }';
const CREATE_PRODUCT = 'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }';
const ADJUST_STOCK = 'mutation ($id: ID!, $delta: Int!, $reason: String!) { adjustStock(productId: $id, delta: $delta, reason: $reason) { id } }';
const SET_STOCK = 'mutation ($id: ID!, $n: Int!, $reason: String!) { setStock(productId: $id, onHand: $n, reason: $reason) { id } }';
const REGISTER = 'mutation ($input: RegisterInput!) { register(input: $input) { token } }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const ADD_TO_CART = 'mutation ($id: ID!, $q: Int!) { addToCart(productId: $id, quantity: $q) { total { amount } } }';
const PLACE_ORDER = 'mutation ($key: String!) { placeOrder(idempotencyKey: $key) { id } }';
const ORDER = 'query ($id: ID!) { order(id: $id) { id } }';
const PAYMENT = 'query ($id: ID!) { payment(id: $id) { id } }';
const DEAD_LETTERS = 'query ($q: String!, $n: Int) { deadLetterJobs(queue: $q, first: $n) { id } }';
const RETRY_JOB = 'mutation ($q: String!, $id: ID!) { retryDeadLetterJob(queue: $q, jobId: $id) { id } }';

const VALID_PRODUCT = { sku: 'HOSTILE-1', name: 'Hostile', price: { amount: 100, currency: 'USD' } };
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

/** Strings that must be refused (NUL, lone surrogates) or stored verbatim but never executed. */
const NUL = 'name\u0000with nul';
const LONE_SURROGATE = 'bad \ud800 half';
const ODD_UNICODE = ['\u202Eevil\u202C', '\uFEFFbom', 'zero\u200Bwidth', '😀'.repeat(50), 'e\u0301\u0301\u0301'];
const SQL = ["' OR '1'='1", '1; DROP TABLE "Product"; --', '\' UNION SELECT password FROM "User" --', '%00', '\\x00'];
const TEMPLATES = ['{{7*7}}', '${7*7}', '<%= 7*7 %>', '#{7*7}', '<script>alert(1)</script>'];

const deepInput = (levels: number): unknown => (levels === 0 ? 'x' : { nested: deepInput(levels - 1) });
const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`unknownKey${i}`, i]));
const fragmentBomb = (n: number) => `query { ...F${n} } fragment F0 on Query { __typename } ` + Array.from({ length: n }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ');
const deepIntrospection = `{ __schema { types { fields { type { ${'ofType { '.repeat(21)}name${' }'.repeat(21)} } } } } }`;
const mixedBatch = [
  { query: '{ products(first: 1) { edges { cursor } } }' },
  { query: '{ product(id: "not-an-id") { id } }' },
  { query: '{ nope }' },
  { query: 'mutation { createProduct(input: {sku: "", name: "", price: {amount: -1, currency: "??"}}) { id } }' },
  { query: '{ products(first: 1) {' },
];

export const HOSTILE_CORPUS: HostileCase[] = [
  // Malformed bodies, wrong content types, encodings: everywhere.
  http('truncated JSON', ALL, { raw: '{"query": "{ __typename }"', code: 'BAD_REQUEST', status: 400 }),
  http('not JSON at all', ALL, { raw: 'hello', code: 'BAD_REQUEST', status: 400 }),
  http('JSON null', ALL, { raw: 'null', code: 'BAD_REQUEST', status: 400 }),
  http('JSON number', ALL, { raw: '42', code: 'BAD_REQUEST', status: 400 }),
  http('empty object', ALL, { body: {}, code: 'BAD_REQUEST', status: 400 }),
  http('query is a number', ALL, { body: { query: 42 }, code: 'BAD_REQUEST', status: 400 }),
  http('variables is a string', ALL, { body: { query: '{ __typename }', variables: 'x' }, code: 'BAD_REQUEST' }),
  http('text/plain body', ALL, { raw: '{"query":"{ __typename }"}', headers: { 'content-type': 'text/plain' } }),
  http('XML body', ALL, { raw: '<query/>', headers: { 'content-type': 'application/xml' }, code: 'BAD_REQUEST' }),
  http('form body', ALL, { raw: 'query=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  http('latin1 charset', ALL, { raw: '{"query":"{ __typename }"}', headers: { 'content-type': 'application/json; charset=latin1' }, code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 }),
  http('truncated gzip body', ALL, { body: { query: '{ __typename }' }, encoding: 'gzip-truncated', code: 'BAD_REQUEST' }),
  http('body claiming gzip that is not', ALL, { body: { query: '{ __typename }' }, encoding: 'not-gzip', code: 'BAD_REQUEST' }),
  http('body claiming deflate that is not', ALL, { body: { query: '{ __typename }' }, encoding: 'not-deflate' }),
  http('body claiming br that is not', ALL, { body: { query: '{ __typename }' }, encoding: 'br-garbage' }),
  http('unknown content-encoding', ROUTER, { body: { query: '{ __typename }' }, headers: { 'content-encoding': 'zstd2' } }),
  http('GET mutation', ALL, { method: 'GET', search: { query: 'mutation { clearCart { total { amount } } }' } }),
  http('GET mutation with CSRF header', ['router', 'orders'], { method: 'GET', search: { query: 'mutation { clearCart { total { amount } } }' }, headers: { 'apollo-require-preflight': 'true' }, status: 405 }),
  http('GET without CSRF header', ROUTER, { method: 'GET', search: { query: '{ __typename }' } }),
  http('PUT', ALL, { method: 'PUT', body: { query: '{ __typename }' }, status: 405 }),
  http('DELETE without a body', ALL, { method: 'DELETE', status: 405 }),
  http('OPTIONS preflight', ROUTER, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }),
  http('GET with unparsable variables', ALL, { method: 'GET', search: { query: '{ __typename }', variables: '{"a":' }, headers: { 'apollo-require-preflight': 'true' } }),

  // Operation selection.
  op('two operations, no operationName', ALL, 'query A { __typename } query B { __typename }', undefined, { code: 'OPERATION_RESOLUTION_FAILURE', status: 400 }),
  http('operationName naming no operation', ALL, { body: { query: 'query A { __typename }', operationName: 'Nope' }, code: 'OPERATION_RESOLUTION_FAILURE' }),
  http('operationName not a string', ALL, { body: { query: '{ __typename }', operationName: 7 }, code: 'BAD_REQUEST' }),
  op('subscription', ALL, 'subscription { __typename }', undefined, { code: 'OPERATION_NOT_SUPPORTED', status: 400 }),
  op('syntax error', ALL, '{ products(first: 1) {', undefined, { code: 'GRAPHQL_PARSE_FAILED' }),
  op('NUL in the document text', ROUTER, '{ __typename \u0000 }', undefined, { code: 'GRAPHQL_PARSE_FAILED' }),
  op('unknown field', ALL, '{ nope }', undefined, { code: 'GRAPHQL_VALIDATION_FAILED' }),

  // Shape: fragments, introspection, aliases.
  op('fragment bomb of 30 doubling fragments', ROUTER, fragmentBomb(30), undefined, { maxMs: 5_000 }),
  op('fragment bomb at a subgraph', SUBGRAPHS, fragmentBomb(12), undefined, { maxMs: 5_000 }),
  op('25-level introspection', ROUTER, deepIntrospection, undefined, { code: 'QUERY_TOO_DEEP' }),
  op('alias flood', ROUTER, `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`, undefined, { code: 'TOO_MANY_ALIASES' }),
  op('introspection alias flood', ROUTER, `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __schema { queryType { name } }`).join(' ')} }`, undefined, { code: 'TOO_MANY_ALIASES' }),
  op('page of a million', ROUTER, PRODUCTS, { first: 1_000_000 }, { code: 'QUERY_TOO_COMPLEX' }),
  op('page of a million at catalog', ['catalog'], PRODUCTS, { first: 1_000_000 }, { code: 'BAD_USER_INPUT' }),
  op('negative page', ['router', 'catalog'], PRODUCTS, { first: -1 }, { code: 'BAD_USER_INPUT' }),

  // Variables: unknown keys, huge values, deep nesting, wrong types.
  op('input with 1,000 unknown keys', ['router', 'catalog'], CREATE_PRODUCT, { input: manyKeys(1_000) }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('input with 5,000 unknown keys', ['router', 'catalog'], CREATE_PRODUCT, { input: manyKeys(5_000) }, { as: 'admin', code: 'BAD_USER_INPUT', maxMs: 5_000 }),
  op('input nested 500 deep', ['router', 'catalog'], CREATE_PRODUCT, { input: deepInput(500) }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('huge string id', ['router', 'catalog'], PRODUCT, { id: 'x'.repeat(150_000) }, { code: 'BAD_USER_INPUT' }),
  op('huge list for a scalar', ['router', 'catalog'], PRODUCT, { id: Array.from({ length: 20_000 }, (_, i) => i) }, { code: 'BAD_USER_INPUT' }),
  op('huge list of representations', ['catalog', 'inventory', 'accounts'], ENTITIES, { r: Array.from({ length: 5_000 }, () => ({ __typename: 'Nope', id: 'x' })) }),
  op('representation without typename', ['catalog', 'inventory', 'orders', 'payments'], ENTITIES, { r: [{ id: '1' }] }),
  op('representation of an unknown type', ['catalog', 'accounts'], ENTITIES, { r: [{ __typename: 'Nope', id: '1' }] }),
  op('representation with a tampered id', ['catalog', 'inventory', 'accounts', 'orders', 'notifications'], ENTITIES, {
    r: [
      { __typename: 'Product', id: "' OR 1=1 --" },
      { __typename: 'User', id: '\u0000' },
    ],
  }),
  op('integer over 32 bits', ['router', 'inventory'], ADJUST_STOCK, { id: '@productId@', delta: 2 ** 31, reason: 'x' }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('integer far out of range', ['router', 'inventory'], SET_STOCK, { id: '@productId@', n: 1e300, reason: 'x' }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('negative stock', ['router', 'inventory'], SET_STOCK, { id: '@productId@', n: -5, reason: 'x' }, { as: 'admin' }),
  op('float for an Int', ['router', 'orders'], ADD_TO_CART, { id: '@productId@', q: 1.5 }, { as: 'customer', code: 'BAD_USER_INPUT' }),
  http('NaN in JSON', ['router', 'orders'], { raw: `{"query":"${ADD_TO_CART.replaceAll('"', '\\"')}","variables":{"id":"@productId@","q":NaN}}`, code: 'BAD_REQUEST' }),
  http('Infinity in JSON', ['router', 'inventory'], { raw: `{"query":"${ADJUST_STOCK.replaceAll('"', '\\"')}","variables":{"id":"@productId@","delta":Infinity,"reason":"x"}}`, code: 'BAD_REQUEST' }),
  op('literal Int out of range', ['router', 'catalog'], '{ products(first: 99999999999) { edges { cursor } } }', undefined, { code: 'GRAPHQL_VALIDATION_FAILED' }),
  op('quantity 0 and huge', ['router', 'orders'], ADD_TO_CART, { id: '@productId@', q: 0 }, { as: 'customer', code: 'BAD_USER_INPUT' }),
  op('quantity max int', ['router', 'orders'], ADD_TO_CART, { id: '@productId@', q: 2147483647 }, { as: 'customer', code: 'BAD_USER_INPUT' }),
  op('negative price', ['router', 'catalog'], UPDATE_PRODUCT, { id: '@productId@', input: { price: { amount: -1, currency: 'USD' } } }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('price over 32 bits', ['router', 'catalog'], CREATE_PRODUCT, { input: { ...VALID_PRODUCT, price: { amount: 2 ** 40, currency: 'USD' } } }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('currency not ISO', ['router', 'catalog'], CREATE_PRODUCT, { input: { ...VALID_PRODUCT, price: { amount: 1, currency: 'DOLLARS' } } }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('huge product name', ['router', 'catalog'], CREATE_PRODUCT, { input: { ...VALID_PRODUCT, name: 'n'.repeat(100_000) } }, { as: 'admin', code: 'BAD_USER_INPUT' }),

  // NUL and odd Unicode in every string argument that reaches a database.
  op('NUL in register name', ['router', 'accounts'], REGISTER, { input: { email: 'nul@example.com', password: 'long-enough-pass', name: NUL } }, { code: 'BAD_USER_INPUT' }),
  op('NUL in register e-mail', ['router', 'accounts'], REGISTER, { input: { email: 'a\u0000@example.com', password: 'long-enough-pass', name: 'A' } }, { code: 'BAD_USER_INPUT' }),
  op('NUL in register password', ['router', 'accounts'], REGISTER, { input: { email: 'p@example.com', password: `long-enough${'\u0000'}`, name: 'A' } }, { code: 'BAD_USER_INPUT' }),
  op('NUL in login', ['router', 'accounts'], LOGIN, { input: { email: 'x@example.com', password: NUL } }, { code: 'BAD_USER_INPUT' }),
  op('NUL in updateProduct name', ['router', 'catalog'], UPDATE_PRODUCT, { id: '@productId@', input: { name: NUL } }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('NUL in updateProduct description', ['router', 'catalog'], UPDATE_PRODUCT, { id: '@productId@', input: { description: NUL } }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('NUL in createProduct sku', ['router', 'catalog'], CREATE_PRODUCT, { input: { ...VALID_PRODUCT, sku: NUL } }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('NUL in currency', ['router', 'catalog'], CREATE_PRODUCT, { input: { ...VALID_PRODUCT, price: { amount: 1, currency: 'U\u0000D' } } }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('NUL in adjustStock reason', ['router', 'inventory'], ADJUST_STOCK, { id: '@productId@', delta: 1, reason: NUL }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('NUL in setStock reason', ['router', 'inventory'], SET_STOCK, { id: '@productId@', n: 1, reason: NUL }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('NUL in placeOrder key', ['router', 'orders'], PLACE_ORDER, { key: NUL }, { as: 'customer', code: 'BAD_USER_INPUT' }),
  op('NUL in a product id', ['router', 'orders'], ADD_TO_CART, { id: 'id\u0000', q: 1 }, { as: 'customer', code: 'BAD_USER_INPUT' }),
  op('NUL in a cursor', ['router', 'catalog'], PRODUCTS, { after: 'c\u0000' }, { code: 'BAD_USER_INPUT' }),
  op('NUL in a queue name', ['router', 'orders'], DEAD_LETTERS, { q: NUL }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('NUL in a literal argument', ['router', 'catalog'], 'mutation { updateProduct(id: "@productId@", input: {name: "a\\u0000b"}) { id } }', undefined, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('lone surrogate in a name', ['router', 'catalog'], UPDATE_PRODUCT, { id: '@productId@', input: { name: LONE_SURROGATE } }, { as: 'admin', code: 'BAD_USER_INPUT' }),
  op('lone surrogate in a literal', ['router', 'accounts'], `mutation { login(input: {email: "a@b.co", password: "\\ud800xx"}) { token } }`, undefined, { code: 'GRAPHQL_PARSE_FAILED' }),
  ...ODD_UNICODE.map((text, i) => op(`odd Unicode ${i} in login`, ROUTER, LOGIN, { input: { email: `${text}@example.com`, password: text } })),
  ...ODD_UNICODE.map((text, i) => op(`odd Unicode ${i} as an id`, ['router', 'catalog'], PRODUCT, { id: text })),

  // SQL- and template-looking strings where they are read, never written.
  ...SQL.map((text, i) => op(`SQL-looking id ${i}`, ['router', 'catalog'], PRODUCT, { id: text }, { code: 'BAD_USER_INPUT' })),
  ...SQL.map((text, i) => op(`SQL-looking cursor ${i}`, ['router', 'catalog'], PRODUCTS, { after: text }, { code: 'BAD_USER_INPUT' })),
  ...SQL.map((text, i) => op(`SQL-looking order id ${i}`, ['router', 'orders'], ORDER, { id: text }, { as: 'customer' })),
  ...SQL.map((text, i) => op(`SQL-looking e-mail ${i}`, ['router'], REGISTER, { input: { email: text, password: 'long-enough-pass', name: 'S' } }, { code: 'BAD_USER_INPUT' })),
  ...TEMPLATES.map((text, i) => op(`template-looking queue ${i}`, ['router', 'orders'], DEAD_LETTERS, { q: text }, { as: 'admin' })),
  ...TEMPLATES.map((text, i) => op(`template-looking payment id ${i}`, ['router', 'payments'], PAYMENT, { id: text }, { as: 'customer' })),
  op('template-looking job id', ['router', 'orders'], RETRY_JOB, { q: 'payments', id: '{{7*7}}' }, { as: 'admin' }),

  // Tampered cursors and ids.
  op('cursor of another type', ['router', 'catalog'], PRODUCTS, { after: Buffer.from('order:1').toString('base64') }, { code: 'BAD_USER_INPUT' }),
  op('cursor with a flipped character', ['router', 'catalog'], PRODUCTS, { after: '@cursor@x' }, { code: 'BAD_USER_INPUT' }),
  op('cursor that is not base64', ['router', 'catalog'], PRODUCTS, { after: '!!!' }, { code: 'BAD_USER_INPUT' }),
  op('cursor of a huge number', ['router', 'catalog'], PRODUCTS, { after: Buffer.from(`product:${'9'.repeat(400)}`).toString('base64') }),
  op('id of another type', ['router', 'orders'], ORDER, { id: '@userId@' }, { as: 'customer', code: 'NOT_FOUND' }),
  op('id with a changed character', ['router', 'catalog'], PRODUCT, { id: '@productId@0' }),
  op('empty id', ['router', 'catalog', 'orders'], PRODUCT, { id: '' }),
  op('payment id of a product', ['router', 'payments'], PAYMENT, { id: '@productId@' }, { as: 'customer', code: 'NOT_FOUND' }),
  op('cart line of an unknown product', ['router', 'orders'], ADD_TO_CART, { id: '00000000-0000-0000-0000-000000000000', q: 1 }, { as: 'customer' }),

  // Forged, expired and odd access tokens, at the router.
  ...(['expired-token', 'alg-none-token', 'other-key-token', 'hs512-token', 'wrong-audience-token', 'wrong-issuer-token', 'unknown-kid-token', 'garbage-token', 'huge-token'] as const).map((as) =>
    op(`access token: ${as}`, ROUTER, '{ me { id } }', undefined, { as, code: 'UNAUTHENTICATED', status: 401 }),
  ),
  http('authorization not a bearer', ROUTER, { body: { query: '{ me { id } }' }, headers: { authorization: 'Basic YTpi' }, code: 'UNAUTHENTICATED' }),
  http('two bearer tokens', ROUTER, { body: { query: '{ me { id } }' }, headers: { authorization: 'Bearer a Bearer b' }, code: 'UNAUTHENTICATED' }),

  // Forged and expired router identities, straight at each subgraph.
  ...(['no-identity', 'forged-identity', 'expired-identity', 'alg-none-identity', 'wrong-audience-identity'] as const).map((as) =>
    op(`router identity: ${as}`, SUBGRAPHS, '{ __typename }', undefined, { as, code: 'UNAUTHENTICATED', status: 401 }),
  ),

  // Headers.
  http('x-request-id of 6 KB', ALL, { body: { query: '{ __typename }' }, headers: { 'x-request-id': 'r'.repeat(6_000) } }),
  http('x-request-id with odd characters', ALL, { body: { query: '{ __typename }' }, headers: { 'x-request-id': '<script>"\'' } }),
  http('headers over 16 KB', ALL, { body: { query: '{ __typename }' }, headers: { 'x-padding': 'p'.repeat(20_000) }, code: 'REQUEST_HEADERS_TOO_LARGE', status: 431 }),
  http('a hundred cookies', ROUTER, { body: { query: '{ __typename }' }, headers: { cookie: Array.from({ length: 100 }, (_, i) => `c${i}=${'v'.repeat(50)}`).join('; ') } }),

  // Persisted queries.
  http('APQ hash of other text', ALL, { body: { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }, code: 'PERSISTED_QUERY_HASH_MISMATCH' }),
  http('APQ version 2', ALL, { body: { extensions: { persistedQuery: { version: 2, sha256Hash: '0'.repeat(64) } } }, code: 'PERSISTED_QUERY_NOT_SUPPORTED' }),
  http('APQ extension a string', ALL, { body: { query: '{ __typename }', extensions: { persistedQuery: 'yes' } }, code: 'PERSISTED_QUERY_NOT_SUPPORTED' }),
  http('APQ hash not hex', ROUTER, { body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'zz' } } }, code: 'BAD_REQUEST' }),
  http('APQ unknown hash', ROUTER, { body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, code: 'PERSISTED_QUERY_NOT_FOUND' }),

  // Batches.
  http('batch of mixed valid and invalid operations', ROUTER, { body: mixedBatch }),
  http('batch over the limit', ROUTER, { body: Array.from({ length: 50 }, () => ({ query: '{ __typename }' })), code: 'BATCH_TOO_LARGE' }),
  http('batch of non-objects', ROUTER, { body: [1, 'x', null] }),
  http('empty batch', ROUTER, { body: [] }),
  http('batch with a NUL operation', ROUTER, { body: [{ query: '{ __typename }' }, { query: REGISTER, variables: { input: { email: 'b@example.com', password: 'long-enough-pass', name: NUL } } }] }),
];
