import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

const SCHEMA_DIR = new URL('../../schema/', import.meta.url);

/** Reads a subgraph's SDL from its one home under `schema/`. */
export function loadSubgraphSdl(subgraph: string): DocumentNode {
  return parse(readFileSync(new URL(`${subgraph}.graphql`, SCHEMA_DIR), 'utf8'));
}
