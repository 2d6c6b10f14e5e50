import { describe, expect, it, vi } from 'vitest';
import { cacheRecipients } from './cached-recipient-lookup.ts';

describe('cacheRecipients', () => {
  it('asks once per user within the time to live, concurrent callers included', async () => {
    const emailOf = vi.fn(async (userId: string) => `${userId}@example.com`);
    const cached = cacheRecipients({ emailOf }, 60_000);
    const answers = await Promise.all([cached.emailOf('a'), cached.emailOf('a'), cached.emailOf('b')]);
    expect(answers).toEqual(['a@example.com', 'a@example.com', 'b@example.com']);
    expect(await cached.emailOf('a')).toBe('a@example.com');
    expect(emailOf).toHaveBeenCalledTimes(2);
  });

  it('asks again once the entry has expired, so a changed address is used after the time to live', async () => {
    vi.useFakeTimers();
    try {
      const emailOf = vi.fn(async () => 'old@example.com').mockResolvedValueOnce('old@example.com');
      const cached = cacheRecipients({ emailOf }, 1_000);
      await cached.emailOf('a');
      emailOf.mockResolvedValue('new@example.com');
      vi.advanceTimersByTime(1_001);
      expect(await cached.emailOf('a')).toBe('new@example.com');
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not remember a failed lookup', async () => {
    const emailOf = vi.fn().mockRejectedValueOnce(new Error('accounts down')).mockResolvedValue('a@example.com');
    const cached = cacheRecipients({ emailOf }, 60_000);
    await expect(cached.emailOf('a')).rejects.toThrow('accounts down');
    expect(await cached.emailOf('a')).toBe('a@example.com');
  });

  it('keeps at most maxEntries users', async () => {
    const emailOf = vi.fn(async (userId: string) => userId);
    const cached = cacheRecipients({ emailOf }, 60_000, 2);
    for (const id of ['a', 'b', 'c', 'a']) await cached.emailOf(id);
    expect(emailOf).toHaveBeenCalledTimes(4);
  });
});
