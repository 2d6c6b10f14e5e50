import { describe, expect, it } from 'vitest';
import { publishBatch, type OutboxRow } from './outbox-relay.ts';

const rows: OutboxRow[] = ['a', 'b', 'c'].map((id) => ({ id, type: 'OrderPlaced', payload: { orderId: id } }));

describe('publishBatch', () => {
  it('publishes a batch in one call and marks every event of it', async () => {
    const calls: string[][] = [];
    const outcome = await publishBatch(rows, async (batch) => {
      calls.push(batch.map((row) => row.id));
    });
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(outcome).toMatchObject({ published: ['a', 'b', 'c'], failed: 0 });
  });

  it('keeps the whole batch for the next round when the publish fails, and says why', async () => {
    const outage = new Error('redis down');
    const outcome = await publishBatch(rows, () => Promise.reject(outage));
    expect(outcome).toEqual({ published: [], failed: 3, firstError: outage });
  });

  it('publishes nothing for an empty batch', async () => {
    expect(await publishBatch([], () => Promise.reject(new Error('not called')))).toMatchObject({
      published: [],
      failed: 0,
    });
  });
});
