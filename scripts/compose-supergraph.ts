/**
 * Composes the subgraph SDLs under schema/ into schema/supergraph.graphql (the file the router
 * serves). With --check it writes nothing and fails when composition fails, when the committed
 * supergraph is not what composition gives, or when the change breaks an operation clients send
 * (scripts/schema-check/: diff with a base, judged against the persisted-query manifest).
 * `--base <git ref>` chooses the base (default: the merge-base with main); `--usage <file>` adds a
 * router usage snapshot.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SUBGRAPHS, defaultSubgraphUrl } from '#system/topology';
import { runSchemaCheck } from './schema-check/run-check.ts';
import { compose } from './schema-check/schemas.ts';

const SUPERGRAPH_PATH = 'schema/supergraph.graphql';
const { values: args } = parseArgs({
  options: { check: { type: 'boolean', default: false }, base: { type: 'string' }, usage: { type: 'string' } },
});

const subgraphs = SUBGRAPHS.map((subgraph) => ({
  name: subgraph.name,
  url: defaultSubgraphUrl(subgraph),
  sdl: readFileSync(`schema/${subgraph.name}.graphql`, 'utf8'),
}));
const result = compose(subgraphs);

if (!result.ok) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) console.error(`  ${error}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(hint);

const composed = result.supergraphSdl;
if (!args.check) {
  writeFileSync(SUPERGRAPH_PATH, composed);
  console.log(`Composed ${SUBGRAPHS.length} subgraphs into ${SUPERGRAPH_PATH}.`);
  process.exit(0);
}

const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
let fresh = committed === composed;
if (fresh) {
  console.log(`${SUPERGRAPH_PATH} is up to date with the subgraph SDLs.`);
} else {
  const committedLines = new Set(committed.split('\n'));
  const composedLines = new Set(composed.split('\n'));
  console.error(`${SUPERGRAPH_PATH} differs from what composition gives. Run \`npm run schema:compose\` and commit.`);
  for (const line of composed.split('\n')) if (!committedLines.has(line)) console.error(`  + ${line}`);
  for (const line of committed.split('\n')) if (!composedLines.has(line)) console.error(`  - ${line}`);
  fresh = false;
}
console.log('');
const compatible = await runSchemaCheck({ subgraphs, base: args.base, usage: args.usage, log: console.log });
process.exit(fresh && compatible ? 0 : 1);
