/**
 * A container's HEALTHCHECK: exits 0 when the process in the container answers
 * `GET /health/ready` with 200 on the port given as the first argument (or HEALTHCHECK_PORT,
 * or the router's 4000), 1 otherwise. No curl in the runtime image; Node's fetch does it.
 */
import process from 'node:process';

const port = process.argv[2] ?? process.env['HEALTHCHECK_PORT'] ?? '4000';

try {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2_000) });
  process.exitCode = response.ok ? 0 : 1;
} catch {
  process.exitCode = 1;
}
