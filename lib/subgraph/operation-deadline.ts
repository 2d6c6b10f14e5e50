import type { RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { DEADLINE_HEADER, throwIfPastDeadline, withDeadlineFrom } from '../resilience/deadline.ts';

/** Serves each request under the deadline the router sent with it (`x-deadline-ms`). */
export const honourDeadline = (): RequestHandler => (req, _res, next) =>
  withDeadlineFrom(req.header(DEADLINE_HEADER), next);

/**
 * Refuses to start a root field (a query, a mutation, an entity fetch) once the request's
 * deadline has passed: the router has answered the client already, so the work would be wasted
 * and, for a mutation, would happen without anyone learning of it. A field already running is
 * stopped at its next database statement (see `createPool`) or by the pool's statement timeout.
 */
export function stopFieldsPastDeadline(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field) => {
      const resolve = field.resolve;
      if (!resolve) return field;
      return {
        ...field,
        resolve: (source, args, context, info) => {
          throwIfPastDeadline();
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
