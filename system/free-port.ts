import { createServer } from 'node:net';

/**
 * A free TCP port on loopback, for a server whose address another process must be told before it
 * starts (the storefront, whose origin the router's CORS_ORIGINS names) and so cannot bind port 0
 * and report it. Another process may take the port in between; callers start at once.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
