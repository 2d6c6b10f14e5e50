import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { createHash } from 'node:crypto';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '#lib/logger';

const hashOf = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 12);

/** The supergraph the router serves now, for the readiness report. */
export interface SupergraphStatus {
  hash: string | undefined;
  loadedAt: string | undefined;
}

/**
 * Serves the supergraph file and reloads it when it changes. Polling (fs.watchFile) rather than
 * fs.watch, because deploys replace the file by rename, which fs.watch loses track of. A file the
 * gateway cannot build is refused and logged, and the schema already served stays in place.
 */
export function watchedSupergraph(path: string, pollMs: number, logger: Logger) {
  const status: SupergraphStatus = { hash: undefined, loadedAt: undefined };
  const loaded = (sdl: string) => {
    status.hash = hashOf(sdl);
    status.loadedAt = new Date().toISOString();
  };
  const hook: SupergraphSdlHook = async ({ update }) => {
    const initial = readFileSync(path, 'utf8');
    loaded(initial);
    watchFile(path, { interval: pollMs, persistent: false }, () => {
      let sdl: string;
      try {
        sdl = readFileSync(path, 'utf8');
      } catch (error) {
        logger.error({ err: error, path }, 'supergraph file unreadable; keeping the current schema');
        return;
      }
      if (hashOf(sdl) === status.hash) return;
      try {
        update(sdl);
        loaded(sdl);
        logger.info({ path, hash: status.hash }, 'supergraph reloaded');
      } catch (error) {
        logger.error({ err: error, path, hash: hashOf(sdl) }, 'supergraph refused; keeping the current schema');
      }
    });
    return { supergraphSdl: initial, cleanup: async () => unwatchFile(path) };
  };
  return { hook, status };
}
