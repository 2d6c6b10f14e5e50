import { describe, expect, it } from 'vitest';
import {
  checkSchema,
  type RegisteredOperation,
  type SchemaCheckInput,
  type SchemaCheckResult,
} from './check-schema.ts';
import { formatReport } from './print-report.ts';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const CATALOG = `${LINK}
enum Currency { USD EUR }
type Product @key(fields: "id") {
  id: ID!
  name: String!
  price: Int!
  currency: Currency!
  legacyCode: String
}
type Query {
  products(first: Int): [Product!]!
  product(id: ID!): Product
}`;
const INVENTORY = `${LINK}
type Product @key(fields: "id") {
  id: ID!
  stock: Int!
}`;

const OPERATIONS: RegisteredOperation[] = [
  { name: 'Browse', file: 'web/browse.ts', body: 'query Browse { products(first: 10) { id name price } }' },
  { name: 'Stock', file: 'web/stock.ts', body: 'query Stock($id: ID!) { product(id: $id) { stock currency } }' },
  { name: 'Names', file: 'web/names.ts', body: 'query Names { products { name } }' },
];

/** The check of a change to the catalog fixture, against the unchanged fixtures as the base. */
function check(catalog: (sdl: string) => string, overrides: Partial<SchemaCheckInput> = {}) {
  return checkSchema({
    subgraphs: [
      { name: 'catalog', sdl: catalog(CATALOG) },
      { name: 'inventory', sdl: INVENTORY },
    ],
    base: {
      description: 'the fixture',
      subgraphs: [
        { name: 'catalog', sdl: CATALOG },
        { name: 'inventory', sdl: INVENTORY },
      ],
    },
    operations: OPERATIONS,
    accepted: [],
    ...overrides,
  });
}

const apiChange = (result: SchemaCheckResult, coordinate: string) => {
  const change = result.api.find((c) => c.coordinate === coordinate);
  if (!change) throw new Error(`no change at ${coordinate}`);
  return change;
};

describe('checkSchema', () => {
  it('passes an unchanged schema with every operation valid', async () => {
    const result = await check((sdl) => sdl);
    expect(result).toMatchObject({ ok: true, api: [], invalidOperations: [], operations: 3 });
  });

  it('fails removing a field a registered operation uses, naming the operation and its file', async () => {
    const result = await check((sdl) => sdl.replace('price: Int!', ''));
    expect(result.ok).toBe(false);
    expect(apiChange(result, 'Product.price')).toMatchObject({
      level: 'breaking',
      verdict: 'fail',
      why: expect.stringContaining('used by Browse (web/browse.ts)'),
    });
    expect(result.invalidOperations).toMatchObject([
      { name: 'Browse', file: 'web/browse.ts', errors: ['Cannot query field "price" on type "Product".'] },
    ]);
    const catalog = result.subgraphs.find((subgraph) => subgraph.name === 'catalog');
    expect(catalog?.changes).toMatchObject([{ coordinate: 'Product.price', verdict: 'fail' }]);
    const report = formatReport(result, 'manifest.json').join('\n');
    expect(report).toMatch(/BREAKING\s+Product\.price\s+FAIL/);
    expect(report).toContain('Schema check FAILED');
  });

  it('passes removing a field no operation uses, with a warning', async () => {
    const result = await check((sdl) => sdl.replace('legacyCode: String', ''));
    expect(result.ok).toBe(true);
    expect(apiChange(result, 'Product.legacyCode')).toMatchObject({
      level: 'breaking',
      verdict: 'warn',
      why: expect.stringContaining('no registered operation uses it'),
    });
    expect(formatReport(result, 'manifest.json').at(-1)).toBe('Schema check passed with 1 warning(s).');
  });

  it('calls adding a nullable field or an optional argument safe', async () => {
    const result = await check((sdl) =>
      sdl
        .replace('legacyCode: String', 'legacyCode: String\n  weight: Int')
        .replace('first: Int', 'first: Int, q: String'),
    );
    expect(result.ok).toBe(true);
    expect(result.api.map(({ coordinate, level, verdict }) => ({ coordinate, level, verdict }))).toEqual([
      { coordinate: 'Product.weight', level: 'safe', verdict: 'ok' },
      { coordinate: 'Query.products(q:)', level: 'safe', verdict: 'ok' },
    ]);
  });

  it.each([
    [
      'making an argument required',
      (sdl: string) => sdl.replace('first: Int', 'first: Int!'),
      'Query.products(first:)',
    ],
    ['removing an enum value', (sdl: string) => sdl.replace('USD EUR', 'USD'), 'Currency.EUR'],
    ["changing a field's type", (sdl: string) => sdl.replace('name: String!', 'name: Int!'), 'Product.name'],
    [
      'adding a required argument',
      (sdl: string) => sdl.replace('product(id: ID!)', 'product(id: ID!, region: String!)'),
      'Query.product(region:)',
    ],
  ])('calls %s breaking, failing when an operation uses it', async (_case, change, coordinate) => {
    const result = await check(change);
    expect(apiChange(result, coordinate)).toMatchObject({ level: 'breaking', verdict: 'fail' });
    expect(result.ok).toBe(false);
  });

  it('fails an argument change only for the operations it breaks', async () => {
    const result = await check((sdl) => sdl.replace('first: Int', 'first: Int!'));
    expect(apiChange(result, 'Query.products(first:)')).toMatchObject({
      verdict: 'fail',
      why: expect.stringMatching(/^used by Names \(web\/names\.ts\)\./),
    });
    expect(result.invalidOperations.map(({ name }) => name)).toEqual(['Names']);
  });

  it('warns on an argument change every operation still satisfies', async () => {
    const result = await check((sdl) => sdl.replace('first: Int', 'first: Int!'), {
      operations: OPERATIONS.filter(({ name }) => name !== 'Names'),
    });
    expect(result.ok).toBe(true);
    expect(apiChange(result, 'Query.products(first:)')).toMatchObject({
      verdict: 'warn',
      why: expect.stringContaining('Browse (web/browse.ts) still validate'),
    });
  });

  it('fails a change that breaks composition with composition’s message', async () => {
    const result = await checkSchema({
      subgraphs: [
        { name: 'catalog', sdl: CATALOG },
        { name: 'inventory', sdl: INVENTORY.replace('stock: Int!', 'stock: Int!\n  name: Int!') },
      ],
      base: { missing: 'not needed' },
      operations: OPERATIONS,
      accepted: [],
    });
    expect(result.ok).toBe(false);
    expect(result.compositionErrors.join('\n')).toMatch(/Product\.name/);
    expect(formatReport(result, 'manifest.json')[0]).toMatch(/^Composition failed with \d+ error\(s\):$/);
  });

  it('lets an accepted breaking change pass with a warning, excusing the operations it breaks', async () => {
    const accepted = [{ coordinate: 'Product.price', reason: 'price moved to Product.offer; web shipped it' }];
    const result = await check((sdl) => sdl.replace('price: Int!', ''), { accepted });
    expect(result.ok).toBe(true);
    expect(apiChange(result, 'Product.price')).toMatchObject({
      verdict: 'warn',
      why: expect.stringContaining('accepted: price moved'),
    });
    expect(result.invalidOperations).toMatchObject([{ name: 'Browse', excusedBy: 'Product.price' }]);
  });

  it('reports an accepted change that matches nothing any more, so the file is cleaned up', async () => {
    const accepted = [{ coordinate: 'Product.gone', reason: 'removed in an earlier release' }];
    const result = await check((sdl) => sdl, { accepted });
    expect(result).toMatchObject({ ok: true, staleAcceptances: accepted });
  });

  it('fails a breaking change traffic uses, from a usage snapshot, with the request count', async () => {
    const usage = { requests: 1000, counts: { 'Product.legacyCode': 12 } };
    const result = await check((sdl) => sdl.replace('legacyCode: String', ''), { usage });
    expect(result.ok).toBe(false);
    expect(apiChange(result, 'Product.legacyCode')).toMatchObject({
      verdict: 'fail',
      why: expect.stringContaining('used by 12 of 1000 requests'),
    });
  });

  it('counts, for a removed argument, only the requests that passed it', async () => {
    const usage = { requests: 50, counts: { 'Query.products': 40, 'Query.products.first': 3 } };
    const result = await check((sdl) => sdl.replace('products(first: Int)', 'products'), {
      usage,
      operations: OPERATIONS.filter(({ name }) => name === 'Names'),
    });
    expect(apiChange(result, 'Query.products(first:)')).toMatchObject({
      verdict: 'fail',
      why: expect.stringContaining('used by 3 of 50 requests'),
    });
  });

  it('without a base, skips the diff with the reason and still validates every operation', async () => {
    const result = await check((sdl) => sdl.replace('price: Int!', ''), { base: { missing: 'shallow clone' } });
    expect(result).toMatchObject({ ok: false, diffSkipped: 'shallow clone', api: [] });
    expect(result.invalidOperations.map(({ name }) => name)).toEqual(['Browse']);
    expect(formatReport(result, 'manifest.json')[0]).toBe('Schema diff skipped: shallow clone.');
  });

  it('judges a subgraph change clients do not see (another subgraph still serves the field) as ok', async () => {
    const shared = (sdl: string) =>
      sdl
        .replace('import: ["@key"]', 'import: ["@key", "@shareable"]')
        .replace('legacyCode: String', 'legacyCode: String @shareable');
    const result = await checkSchema({
      subgraphs: [
        { name: 'catalog', sdl: shared(CATALOG).replace('legacyCode: String @shareable', '') },
        {
          name: 'inventory',
          sdl: shared(INVENTORY).replace('stock: Int!', 'stock: Int!\n  legacyCode: String @shareable'),
        },
      ],
      base: {
        description: 'both serve legacyCode',
        subgraphs: [
          { name: 'catalog', sdl: shared(CATALOG) },
          {
            name: 'inventory',
            sdl: shared(INVENTORY).replace('stock: Int!', 'stock: Int!\n  legacyCode: String @shareable'),
          },
        ],
      },
      operations: OPERATIONS,
      accepted: [],
    });
    expect(result.api).toEqual([]);
    const catalog = result.subgraphs.find((subgraph) => subgraph.name === 'catalog');
    expect(catalog?.changes).toMatchObject([
      {
        coordinate: 'Product.legacyCode',
        level: 'breaking',
        verdict: 'ok',
        why: expect.stringContaining('clients do not see it'),
      },
    ]);
  });
});
