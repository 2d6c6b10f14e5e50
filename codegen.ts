import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types per subgraph, generated from the subgraph's SDL under `schema/`. Mappers point
 * entity types at the Prisma models the resolvers actually return, so a resolver that forgets a
 * field the model lacks fails the typecheck.
 */
const subgraphs: Record<string, Record<string, string>> = {
  accounts: { User: './prisma/client.ts#User as UserModel' },
  catalog: {
    Product: './prisma/client.ts#Product as ProductModel',
    Category: './prisma/client.ts#Category as CategoryModel',
    User: '../entity-references.ts#UserReference',
  },
  inventory: {
    Product: '../entity-references.ts#ProductReference',
    Stock: '../stock-arithmetic.ts#StockQuantities',
    StockMovement: './prisma/client.ts#StockMovement as StockMovementModel',
    User: '../entity-references.ts#UserReference',
  },
  payments: {
    Payment: './prisma/client.ts#Payment as PaymentModel',
    Refund: './prisma/client.ts#Refund as RefundModel',
    Order: '../entity-references.ts#OrderReference',
  },
  orders: {
    Order: './prisma/client.ts#Order as OrderModel',
    OrderLine: '../orders.ts#OrderLineView',
    CartLine: './prisma/client.ts#CartLine as CartLineModel',
    Cart: '../carts.ts#CartView',
    User: '../entity-references.ts#UserReference',
    Product: '../entity-references.ts#ProductReference',
  },
  notifications: {
    Notification: './prisma/client.ts#Notification as NotificationModel',
    User: '../entity-references.ts#UserReference',
  },
};

/**
 * The storefront's typed operations: each document under `web/src/operations/` becomes a
 * TypedDocumentNode checked against the supergraph the browser actually talks to.
 */
const storefront: CodegenConfig['generates'] = {
  'web/src/generated/graphql.ts': {
    schema: 'schema/supergraph.graphql',
    documents: 'web/src/operations/*.graphql',
    plugins: ['typescript-operations', 'typed-document-node'],
    config: {
      useTypeImports: true,
      enumsAsTypes: true,
      onlyOperationTypes: true,
      scalars: { DateTime: 'string', JSON: 'unknown' },
      avoidOptionals: { field: true, inputValue: false },
      defaultScalarType: 'unknown',
      nonOptionalTypename: true,
      skipTypeNameForRoot: true,
    },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...storefront,
    ...Object.fromEntries(
      Object.entries(subgraphs).map(([name, mappers]) => [
        `subgraphs/${name}/generated/resolvers-types.ts`,
        {
          schema: `schema/${name}.graphql`,
          plugins: ['typescript', 'typescript-resolvers'],
          config: {
            federation: true,
            useTypeImports: true,
            enumsAsTypes: true,
            contextType: '../context.ts#Context',
            mappers,
            scalars: { DateTime: 'Date', JSON: 'unknown' },
            avoidOptionals: { field: true, inputValue: false },
          },
        },
      ]),
    ),
  },
};

export default config;
