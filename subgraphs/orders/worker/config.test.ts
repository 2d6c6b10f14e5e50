import { describe, expect, it } from 'vitest';
import { ConfigError } from '#lib/config';
import { loadOrdersWorkerConfig } from './config.ts';

describe('orders worker config', () => {
  it('keeps published outbox events a week, pruning hourly in batches of 1000 by default', () => {
    expect(loadOrdersWorkerConfig({}).outboxRetention).toEqual({
      retentionHours: 168,
      batchSize: 1_000,
      intervalMs: 3_600_000,
    });
  });

  it('reads the retention settings, and refuses ones that would delete everything or nothing', () => {
    const config = loadOrdersWorkerConfig({
      OUTBOX_RETENTION_HOURS: '24',
      OUTBOX_PRUNE_BATCH_SIZE: '500',
      OUTBOX_PRUNE_INTERVAL_MS: '60000',
    });
    expect(config.outboxRetention).toEqual({ retentionHours: 24, batchSize: 500, intervalMs: 60_000 });
    expect(() => loadOrdersWorkerConfig({ OUTBOX_RETENTION_HOURS: '0' })).toThrow(ConfigError);
    expect(() => loadOrdersWorkerConfig({ OUTBOX_PRUNE_BATCH_SIZE: '0' })).toThrow(ConfigError);
    expect(() => loadOrdersWorkerConfig({ OUTBOX_RETENTION_HOURS: 'a week' })).toThrow(ConfigError);
  });
});
