import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { requireAdmin, requireViewer } from '../auth/guards.ts';
import type { BaseContext } from './base-context.ts';

type Guard = (context: BaseContext) => void;

/**
 * Access rules a subgraph's SDL declares next to the fields they guard (`@signedIn`,
 * `@adminOnly`). Apollo Gateway refuses supergraphs carrying Federation's own
 * @authenticated/@requiresScopes (it cannot enforce them), so these are subgraph-local
 * directives, enforced here and never composed into the supergraph.
 */
const GUARDS: Record<string, Guard> = {
  signedIn: ({ viewer }) => requireViewer(viewer),
  adminOnly: ({ viewer }) => requireAdmin(viewer),
};

/**
 * Wraps every field whose definition (or whose type) carries an access directive so the rule runs
 * before the resolver: UNAUTHENTICATED for anonymous callers, FORBIDDEN for the wrong role.
 */
export function applyAccessDirectives(schema: GraphQLSchema): GraphQLSchema {
  const guardsOf = (node: Parameters<typeof getDirective>[1]) =>
    Object.keys(GUARDS).filter((name) => getDirective(schema, node, name)?.length);
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, _fieldName, typeName) => {
      const type = schema.getType(typeName);
      const names = [...new Set([...guardsOf(field), ...(type ? guardsOf(type) : [])])];
      if (names.length === 0) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, context: BaseContext, info) => {
          for (const name of names) GUARDS[name]!(context);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
