/**
 * Composes the subgraph SDLs under schema/ into schema/supergraph.graphql (the file the router
 * serves). With --check it writes nothing and fails when composition fails or when the committed
 * supergraph is not what composition gives, so a contract change cannot land silently.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS, defaultSubgraphUrl } from '#system/topology';

const SUPERGRAPH_PATH = 'schema/supergraph.graphql';
const check = process.argv.includes('--check');

const result = composeServices(
  SUBGRAPHS.map((subgraph) => ({
    name: subgraph.name,
    url: defaultSubgraphUrl(subgraph),
    typeDefs: parse(readFileSync(`schema/${subgraph.name}.graphql`, 'utf8')),
  })),
);

if (result.errors) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) {
    console.error(`  [${String(error.extensions['code'] ?? 'ERROR')}] ${error.message}`);
  }
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint [${hint.definition.code}] ${hint.message}`);

const composed = `${result.supergraphSdl.trimEnd()}\n`;
if (!check) {
  writeFileSync(SUPERGRAPH_PATH, composed);
  console.log(`Composed ${SUBGRAPHS.length} subgraphs into ${SUPERGRAPH_PATH}.`);
  process.exit(0);
}

const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
if (committed === composed) {
  console.log(`${SUPERGRAPH_PATH} is up to date with the subgraph SDLs.`);
  process.exit(0);
}
const committedLines = new Set(committed.split('\n'));
const composedLines = new Set(composed.split('\n'));
console.error(`${SUPERGRAPH_PATH} differs from what composition gives. Run \`npm run schema:compose\` and commit.`);
for (const line of composed.split('\n')) if (!committedLines.has(line)) console.error(`  + ${line}`);
for (const line of committed.split('\n')) if (!composedLines.has(line)) console.error(`  - ${line}`);
process.exit(1);
