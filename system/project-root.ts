import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The project root, whether this module runs from source (`system/`) or from the build (`dist/system/`). */
export const PROJECT_ROOT = resolve(here, basename(resolve(here, '..')) === 'dist' ? '../..' : '..');

/** Where the build puts the compiled JavaScript: the source tree mirrored, `.ts` become `.js`. */
export const DIST_DIR = resolve(PROJECT_ROOT, 'dist');
