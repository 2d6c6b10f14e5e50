import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerOnSharedSystem, type TestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';
import { writeSupergraph } from '#test/harness/supergraph';
import { startMisbehavingSubgraph, type MisbehavingSubgraph } from '#test/harness/misbehaving-subgraph';

let fake: MisbehavingSubgraph;
let supergraphPath: string;
let system: TestSystem;

const withFake = () => readFileSync(writeSupergraph([fake.subgraph]), 'utf8');
const readinessResponse = () => fetch(system.routerUrl.replace(/\/graphql$/, '/health/ready'));
const readiness = async () =>
  (await (await readinessResponse()).json()) as {
    checks: { supergraphHash: string };
  };

/** Polls until `check` passes, so the test waits for the file watcher rather than a fixed sleep. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}

beforeAll(async () => {
  fake = await startMisbehavingSubgraph();
  supergraphPath = writeSupergraph();
  system = await routerOnSharedSystem({
    SUPERGRAPH_PATH: supergraphPath,
    SUPERGRAPH_POLL_MS: '100',
    SHUTDOWN_DRAIN_DELAY_MS: '1000',
  });
});
afterAll(async () => {
  await system?.stop();
  await fake?.stop();
});

describe('supergraph hot reload', () => {
  it('serves a new subgraph once the supergraph file gains it', async () => {
    const before = await system.graphql({ query: '{ flakyPing }' });
    expect(errorCodes(before)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const { checks } = await readiness();

    writeFileSync(supergraphPath, withFake());
    await eventually(async () => (await system.graphql({ query: '{ flakyPing }' })).data?.['flakyPing'] === 'pong');
    expect((await readiness()).checks.supergraphHash).not.toBe(checks.supergraphHash);
  });

  it('refuses a broken file, logs it, and keeps serving the schema it had', async () => {
    const { checks } = await readiness();
    writeFileSync(supergraphPath, 'this is not a supergraph {');
    await eventually(async () => system.logs.some((line) => line.includes('supergraph refused')));
    expect((await system.graphql({ query: '{ flakyPing }' })).data).toEqual({ flakyPing: 'pong' });
    expect((await readiness()).checks.supergraphHash).toBe(checks.supergraphHash);
  });
});

describe('graceful shutdown', () => {
  it('turns unready at once on SIGTERM, keeps serving for the drain delay, finishes in-flight work, exits', async () => {
    await fake.setMode('slow', 2_000);
    const inFlight = system.graphql({ query: '{ flakyPing }' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const router = system.processes['router']!;
    router.child.kill('SIGTERM');

    // Readiness is 503 from the start of the drain, so a load balancer stops sending new requests...
    await eventually(async () => (await readinessResponse()).status === 503, 500);
    expect(await (await readinessResponse()).json()).toMatchObject({ status: 'draining', ready: false });
    // ...while those it still sends during SHUTDOWN_DRAIN_DELAY_MS are served.
    expect((await system.graphql({ query: '{ __typename }' })).data).toEqual({ __typename: 'Query' });
    expect((await inFlight).data).toEqual({ flakyPing: 'pong' });
    expect(await router.exited).toBe(0);
    await expect(system.graphql({ query: '{ me { id } }' })).rejects.toThrow();
  });
});
