import { composeServices } from '@apollo/composition';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';

/** One subgraph's SDL as the schema/ folder holds it. */
export interface SubgraphSdl {
  name: string;
  sdl: string;
  /** Where the router reaches it; part of the supergraph, not of the API schema. */
  url?: string;
}

/**
 * A subgraph's SDL as a plain graphql-js schema, for diffing: federation's directives are kept on
 * the elements (so a removed @key shows) without their definitions, hence assumeValidSDL.
 */
export const subgraphSchema = (sdl: string): GraphQLSchema => buildASTSchema(parse(sdl), { assumeValidSDL: true });

export type Composition =
  { ok: true; supergraphSdl: string; apiSchema: GraphQLSchema; hints: string[] } | { ok: false; errors: string[] };

/** Composes subgraphs into the supergraph and the API schema clients see (join/link and @inaccessible gone). */
export function compose(subgraphs: readonly SubgraphSdl[]): Composition {
  const result = composeServices(
    subgraphs.map(({ name, sdl, url }) => ({
      name,
      url: url ?? `http://${name}.invalid/graphql`,
      typeDefs: parse(sdl),
    })),
  );
  if (result.errors) {
    return { ok: false, errors: result.errors.map((e) => `[${String(e.extensions['code'] ?? 'ERROR')}] ${e.message}`) };
  }
  return {
    ok: true,
    supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`,
    apiSchema: result.schema.toAPISchema().toGraphQLJSSchema(),
    hints: result.hints.map((hint) => `hint [${hint.definition.code}] ${hint.message}`),
  };
}
