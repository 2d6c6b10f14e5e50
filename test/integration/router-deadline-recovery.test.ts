import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '#system/graphql-client';
import { routerOnSharedSystem, type TestSystem } from '#test/harness/system';
import { writeSupergraph } from '#test/harness/supergraph';
import { startMisbehavingSubgraph, type MisbehavingSubgraph } from '#test/harness/misbehaving-subgraph';

const DEADLINE_MS = 1_500;

let fake: MisbehavingSubgraph;
let system: TestSystem;

const breakerOfFake = async () =>
  (
    (await (await fetch(system.routerUrl.replace(/\/graphql$/, '/health/ready'))).json()) as {
      checks: { breakers: Record<string, string> };
    }
  ).checks.breakers['flaky'];

beforeAll(async () => {
  fake = await startMisbehavingSubgraph();
  const supergraphPath = writeSupergraph([fake.subgraph]);
  system = await routerOnSharedSystem({
    SUPERGRAPH_PATH: supergraphPath,
    ROUTER_OPERATION_DEADLINE_MS: String(DEADLINE_MS),
    // Longer than the deadline, so the deadline is what stops a slow call.
    SUBGRAPH_TIMEOUT_MS: '5000',
    SUBGRAPH_BREAKER_FAILURES: '3',
    // The production defaults, which the recovery bound depends on.
    SUBGRAPH_BREAKER_RESET_MS: '100',
    SUBGRAPH_BREAKER_MAX_RESET_MS: '1000',
  });
});
afterAll(async () => {
  await system?.stop();
  await fake?.stop();
});

describe('operation deadline', () => {
  it('tells the subgraph what is left of the deadline', async () => {
    await fake.setMode('ok');
    expect((await system.graphql({ query: '{ flakyPing }' })).data).toEqual({ flakyPing: 'pong' });
    const sent = Number((await fake.stats()).lastDeadlineMs);
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThanOrEqual(DEADLINE_MS);
  });

  it('answers DEADLINE_EXCEEDED once the deadline passes, without opening the breaker', async () => {
    await fake.setMode('slow', 4_000);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const started = Date.now();
      const response = await system.graphql({ query: '{ flakyPing }' });
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_000);
      expect(errorCodes(response)).toEqual(['DEADLINE_EXCEEDED']);
      expect(response.errors?.[0]?.extensions).toMatchObject({ subgraph: 'flaky', reason: 'deadline exceeded' });
    }
    // Four deadlines, more than the three failures that open it: they are not the subgraph's failures.
    expect(await breakerOfFake()).toBe('closed');
    await fake.setMode('ok');
  });
});

describe('recovery after a subgraph outage', () => {
  it('serves without errors within 2 s of the subgraph answering again, however long it was down', async () => {
    await fake.setMode('unavailable-503');
    // Down for 4 s, long enough for the breaker's wait to grow to its 1 s maximum.
    for (const until = Date.now() + 4_000; Date.now() < until; await sleep(50)) {
      expect(errorCodes(await system.graphql({ query: '{ flakyPing }' }))).toEqual(['SUBGRAPH_UNAVAILABLE']);
    }
    expect(await breakerOfFake()).toBe('open');

    await fake.setMode('ok');
    const repaired = Date.now();
    let recoveredAfterMs: number | undefined;
    while (Date.now() - repaired < 5_000) {
      const response = await system.graphql({ query: '{ flakyPing }' });
      if (!response.errors) {
        recoveredAfterMs = Date.now() - repaired;
        break;
      }
      await sleep(20);
    }
    expect(recoveredAfterMs).toBeLessThan(2_000);
    // And stays recovered: every request after the first good one succeeds.
    for (let index = 0; index < 10; index += 1) {
      expect((await system.graphql({ query: '{ flakyPing }' })).errors).toBeUndefined();
    }
    expect(await breakerOfFake()).toBe('closed');
  });
});
