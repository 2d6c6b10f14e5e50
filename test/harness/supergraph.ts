import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS, defaultSubgraphUrl } from '#system/topology';

export interface ExtraSubgraph {
  name: string;
  url: string;
  sdl: string;
}

/**
 * Composes the project's subgraphs plus `extra` ones (a fake subgraph under test) into a supergraph
 * file in a fresh temporary directory, and returns its path for the router's SUPERGRAPH_PATH.
 */
export function writeSupergraph(extra: ExtraSubgraph[] = []): string {
  const result = composeServices([
    ...SUBGRAPHS.map((subgraph) => ({
      name: subgraph.name,
      url: defaultSubgraphUrl(subgraph),
      typeDefs: parse(readFileSync(`schema/${subgraph.name}.graphql`, 'utf8')),
    })),
    ...extra.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  ]);
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  const path = join(mkdtempSync(join(tmpdir(), 'supergraph-')), 'supergraph.graphql');
  writeFileSync(path, result.supergraphSdl);
  return path;
}
