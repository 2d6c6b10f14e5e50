import { getOperationAST, getVariableValues, type DocumentNode, type GraphQLSchema } from 'graphql';
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
 * Fields the estimator visits, fragments expanded, before it gives up: an operation that expands
 * to more is over any cost limit anyway (fragment spreads can double the fields with every fragment).
 */
const MAX_COUNTED_NODES = 10_000;

/**
 * The cost estimate of the operation a request selects, with its variables applied: undefined when
 * the variables do not coerce, as execution then refuses the operation (BAD_USER_INPUT) unrun;
 * Infinity for an operation that expands to more than MAX_COUNTED_NODES fields.
 */
export function estimateCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null,
): number | undefined {
  // Checked first with one error at most: graphql-query-complexity coerces without a bound, and an
  // object of 5,000 unknown keys gives 5,000 errors, each printing the whole object.
  const operation = getOperationAST(query, operationName);
  if (!operation) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return undefined;
  try {
    return getComplexity({
      schema,
      query,
      estimators: [listSizeEstimator],
      maxQueryNodes: MAX_COUNTED_NODES,
      ...(variables ? { variables } : {}),
      ...(operationName ? { operationName } : {}),
    });
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
