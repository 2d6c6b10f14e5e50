/**
 * `npm run build`: compiles every service, the launcher and the scripts to JavaScript under
 * `dist/` with esbuild, one output file per source file (the tree mirrored, so stack traces and
 * `import.meta.url` paths keep their shape), with source maps for `node --enable-source-maps`.
 * Imports are rewritten as they are written: `#lib/x` and `./y.ts` become relative `.js` paths,
 * packages stay imports of `node_modules`. The SDL the subgraphs read is copied to `dist/schema/`.
 *
 * Every process entry point (a `main.ts` outside `scripts/`) is then bundled over its mirrored file
 * with the packages it uses, so a service loads a few large files instead of thousands of small ones:
 * resolving and loading modules was most of each process's start-up CPU. Packages that must stay
 * separate stay imports (see `UNBUNDLED_PACKAGES`).
 *
 * Incremental: a fingerprint of every input (path, size, modification time) is kept in
 * `dist/.build-fingerprint`; when nothing changed the build is skipped (`--force` rebuilds).
 * Plain JavaScript, so it runs on bare `node` before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');
const FINGERPRINT = join(OUT, '.build-fingerprint');
const SOURCE_DIRS = ['lib', 'subgraphs', 'router', 'system', 'testing', 'scripts', 'web/server'];
const ASSET_DIRS = ['schema'];
const CONFIG_FILES = ['package.json', 'system/build.js'];

/**
 * Packages a service bundle imports from `node_modules` instead of containing: those OpenTelemetry
 * instruments by hooking their loading (pg, ioredis, express, graphql: graphql must also be the
 * one copy every Apollo package shares), native addons and packages that load files or worker
 * threads by path (argon2, Prisma's runtime, pino's transports), and federation-internals, whose
 * exports the router flattens in Node's module cache (`router/flat-federation-exports.ts`).
 */
const UNBUNDLED_PACKAGES = [
  'pg',
  'ioredis',
  'express',
  'graphql',
  'argon2',
  '@prisma/client',
  '@opentelemetry/*',
  'import-in-the-middle',
  'pino',
  '@apollo/federation-internals',
];

const isSource = (path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts');

function filesUnder(dir) {
  const full = join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

function fingerprintOf(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const { size, mtimeMs } = statSync(join(ROOT, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** `#lib/*` -> `./lib/*.ts`, from package.json's `imports`, applied to one specifier. */
function aliasResolver() {
  const imports = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).imports ?? {};
  const patterns = Object.entries(imports).map(([key, target]) => {
    const [prefix, suffix = ''] = key.split('*');
    return { prefix, suffix, target };
  });
  return (specifier) => {
    for (const { prefix, suffix, target } of patterns) {
      if (specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
        const star = specifier.slice(prefix.length, specifier.length - suffix.length);
        return resolve(ROOT, target.replace('*', star));
      }
    }
    return undefined;
  };
}

const toJs = (path) => path.replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs');

/** Every import stays an import; only where it points changes. */
function rewriteImports() {
  const resolveAlias = aliasResolver();
  return {
    name: 'rewrite-imports',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const aliased = args.path.startsWith('#') ? resolveAlias(args.path) : undefined;
        if (aliased) {
          const path = toJs(relative(dirname(args.importer), aliased));
          return { path: path.startsWith('.') ? path : `./${path}`, external: true };
        }
        if (args.path.startsWith('.')) return { path: toJs(args.path), external: true };
        return { path: args.path, external: true };
      });
    },
  };
}

/** `#lib/x` imports resolved to their source files, so a bundle takes them in. */
function resolveAliases() {
  const resolveAlias = aliasResolver();
  return {
    name: 'resolve-aliases',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^#/ }, (args) => {
        const path = resolveAlias(args.path);
        return path ? { path } : undefined;
      });
    },
  };
}

/**
 * Keeps a bundle's source map to the project's own code. `--enable-source-maps` decodes a whole map
 * when the bundle loads: the packages' mappings made that cost more start-up CPU than bundling
 * saved, and a stack trace is read for the TypeScript lines, not for a package's.
 */
async function keepOwnMappings(mapFile) {
  const { decode, encode } = await import('@jridgewell/sourcemap-codec');
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const own = map.sources.map((source) => !source.includes('node_modules/'));
  // A segment is [column] or [column, source, line, column, name?].
  const lines = decode(map.mappings).map((line) => line.filter((segment) => segment.length === 1 || own[segment[1]]));
  writeFileSync(mapFile, JSON.stringify({ ...map, mappings: encode(lines) }));
}

const isEntryPoint = (path) => path.endsWith('/main.ts') && !path.startsWith('scripts/');

/** Builds unless nothing changed since the last build; answers whether it built. */
export async function buildProject({ force = false, log = () => undefined } = {}) {
  const sources = SOURCE_DIRS.flatMap(filesUnder).filter(isSource);
  const inputs = [...sources, ...ASSET_DIRS.flatMap(filesUnder), ...CONFIG_FILES];
  const fingerprint = fingerprintOf(inputs);
  if (!force && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, 'utf8') === fingerprint) return false;
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  // Loaded only when there is something to build: a skipped build stays a few milliseconds.
  const { build } = await import('esbuild');
  // Both passes mirror the source tree into dist/ as ES modules for Node 24 with linked maps.
  const mirrored = {
    absWorkingDir: ROOT,
    outdir: OUT,
    outbase: '.',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  };
  await build({ ...mirrored, entryPoints: sources, plugins: [rewriteImports()] });
  const entryPoints = sources.filter(isEntryPoint);
  await build({
    ...mirrored,
    entryPoints,
    allowOverwrite: true,
    plugins: [resolveAliases()],
    external: UNBUNDLED_PACKAGES,
    // CommonJS packages inside an ES module bundle still call `require` for Node's built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  });
  await Promise.all(entryPoints.map((entry) => keepOwnMappings(join(OUT, `${toJs(entry)}.map`))));
  for (const dir of ASSET_DIRS) cpSync(join(ROOT, dir), join(OUT, dir), { recursive: true });
  writeFileSync(FINGERPRINT, fingerprint);
  log(
    `built ${sources.length} files (${entryPoints.length} bundled entry points) into dist/ in ${Date.now() - started} ms`,
  );
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildProject({ force: process.argv.includes('--force'), log: (line) => process.stderr.write(`${line}\n`) });
}
