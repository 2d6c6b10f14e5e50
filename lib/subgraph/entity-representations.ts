import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { ErrorCode, userError } from '../errors.ts';

/**
 * Checks `_entities(representations:)` before Apollo's resolver reads it: each representation must
 * be an object whose `__typename` names an object or interface type of this subgraph. Apollo's own
 * resolver throws a plain Error for anything else, which error masking turned into
 * INTERNAL_SERVER_ERROR; a bad representation is the caller's fault, so it is BAD_USER_INPUT.
 */
export function guardEntityRepresentations(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName) => {
      if (fieldName !== '_entities' || !field.resolve) return field;
      const resolve = field.resolve;
      return {
        ...field,
        resolve: (source, args: { representations?: unknown }, context, info) => {
          const representations = Array.isArray(args.representations) ? args.representations : [];
          representations.forEach((representation: unknown, index) => {
            const typename =
              typeof representation === 'object' && representation !== null && '__typename' in representation
                ? representation.__typename
                : undefined;
            const type = typeof typename === 'string' ? info.schema.getType(typename) : undefined;
            if (!type || !(isObjectType(type) || isInterfaceType(type))) {
              throw userError(
                ErrorCode.BadUserInput,
                'A representation has no __typename of an entity of this subgraph.',
                {
                  field: `representations.${index}`,
                },
              );
            }
          });
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
