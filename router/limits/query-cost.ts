import type { DocumentNode, GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Every field costs 1, and what a paginated field selects costs once per item it may return: a
 * field's `first` or `last` argument (its SDL default when left out) multiplies its children.
 * So `products(first: 100) { edges { node { name } } }` costs 1 + 100 × 3.
 */
const listSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = [args['first'], args['last']].find((value): value is number => typeof value === 'number');
  return 1 + childComplexity * (size ?? 1);
};

/**
 * The cost estimate of the operation a request selects, with its variables applied; undefined when
 * the variables do not coerce, as execution then refuses the operation (BAD_USER_INPUT) unrun.
 */
export function estimateCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query,
      estimators: [listSizeEstimator],
      ...(variables ? { variables } : {}),
      ...(operationName ? { operationName } : {}),
    });
  } catch {
    return undefined;
  }
}
