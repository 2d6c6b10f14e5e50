import { startBenchSystem } from '../bench-system.ts';
import { runRound } from './load-round.ts';

const QUERY = '{ products(first: 20) { edges { node { id name price { amount currency } } } } }';

/**
 * The shop's own simplest query through the router, against the real catalog subgraph and its
 * database (a private bench system): the router's CPU ms per request, which is what the router
 * adds to every page of the shop.
 */
export async function measureShopProducts(seconds: number): Promise<void> {
  const system = await startBenchSystem(20);
  try {
    const body = JSON.stringify({ query: QUERY });
    const response = await fetch(system.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const expectedBody = await response.text();
    if (response.status !== 200 || expectedBody.includes('"errors"'))
      throw new Error(`router answered ${expectedBody}`);
    const target = { url: system.routerUrl, pid: system.routerPid, expectedBody };
    await runRound(target, { body, connections: 10, seconds: 3 });
    const result = await runRound(target, { body, connections: 10, seconds });
    console.log(
      `shop products(first: 20) through the router, node ${process.version}, 10 connections, ${seconds} s: ` +
        `${(result.requests / result.seconds).toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
        `router ${(result.cpuMs / Math.max(result.requests, 1)).toFixed(2)} CPU ms/request, ${result.errors} errors, ${result.mismatches} differing`,
    );
    if (result.errors + result.mismatches > 0) process.exitCode = 1;
  } finally {
    await system.stop();
  }
}
