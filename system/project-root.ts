import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder at or above `start` that holds package.json. The build bundles each entry
 * point, so this module's `import.meta.url` is wherever the entry lies (`dist/system/`,
 * `dist/web/server/`, or `system/` from source): a fixed number of `..` fits only some of them.
 */
export function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json at or above ${start}`);
  }
}

/** The project root, whether this module runs from source or bundled into an entry under `dist/`. */
export const PROJECT_ROOT = findProjectRoot(fileURLToPath(new URL('.', import.meta.url)));

/** Where the build puts the compiled JavaScript: the source tree mirrored, `.ts` become `.js`. */
export const DIST_DIR = join(PROJECT_ROOT, 'dist');
