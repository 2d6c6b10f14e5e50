import { Socket } from 'node:net';

export interface Dependency {
  name: 'PostgreSQL' | 'Redis';
  url: string;
}

export interface MissingDependency extends Dependency {
  reason: string;
}

const DEFAULT_PORTS: Record<Dependency['name'], number> = { PostgreSQL: 5432, Redis: 6379 };

/** Resolves with why nothing accepts a TCP connection at the URL's host and port, or undefined if something does. */
function unreachable({ name, url }: Dependency, timeoutMs: number): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  const socket = new Socket();
  return new Promise((resolve) => {
    const done = (reason?: string) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    socket.connect(Number(port || DEFAULT_PORTS[name]), hostname.replace(/^\[|\]$/g, ''), () => done());
  });
}

/** The dependencies that nothing answers for; each is checked at once, at most `timeoutMs`. */
export async function findMissing(
  dependencies: readonly Dependency[],
  timeoutMs = 2_000,
): Promise<MissingDependency[]> {
  const reasons = await Promise.all(dependencies.map((dependency) => unreachable(dependency, timeoutMs)));
  return dependencies.flatMap((dependency, index) => {
    const reason = reasons[index];
    return reason ? [{ ...dependency, reason }] : [];
  });
}

/**
 * What to tell someone whose PostgreSQL or Redis is not there: which one, where it was looked
 * for, and the one command that brings it up (Docker's compose services where Docker exists,
 * otherwise the distribution's packages, which start the servers on install).
 */
export function missingDependencyMessage(missing: readonly MissingDependency[], hasDocker: boolean): string {
  const lines = missing.map(({ name, url, reason }) => `${name} is not reachable at ${new URL(url).host} (${reason}).`);
  const command = hasDocker
    ? `docker compose up -d --wait ${missing.map(({ name }) => (name === 'PostgreSQL' ? 'postgres' : 'redis')).join(' ')}`
    : `sudo apt-get install -y ${missing.map(({ name }) => (name === 'PostgreSQL' ? 'postgresql' : 'redis-server')).join(' ')}`;
  return [...lines, `Start it with:  ${command}`, 'then run npm start again.'].join('\n');
}
