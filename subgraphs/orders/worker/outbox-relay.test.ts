import { describe, expect, it } from 'vitest';
import { publishBatch, type OutboxRow } from './outbox-relay.ts';

const rows: OutboxRow[] = ['a', 'b', 'c'].map((id) => ({ id, type: 'OrderPlaced', payload: { orderId: id } }));

describe('publishBatch', () => {
  it('marks every event of a batch that reached the queue', async () => {
    const seen: string[] = [];
    const outcome = await publishBatch(rows, async (row) => {
      seen.push(row.id);
    });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(outcome).toMatchObject({ published: ['a', 'b', 'c'], failed: 0 });
  });

  it('keeps the events whose publish failed for the next round, and says why', async () => {
    const outage = new Error('redis down');
    const outcome = await publishBatch(rows, async (row) => {
      if (row.id === 'b') throw outage;
    });
    expect(outcome).toEqual({ published: ['a', 'c'], failed: 1, firstError: outage });
  });

  it('publishes nothing for an empty batch', async () => {
    expect(await publishBatch([], () => Promise.reject(new Error('not called')))).toMatchObject({
      published: [],
      failed: 0,
    });
  });
});
