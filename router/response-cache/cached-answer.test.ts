import { describe, expect, it } from 'vitest';
import { decodeAnswer, encodeAnswer, LocalAnswers } from './cached-answer.ts';

const answer = (storedAt: number, maxAge: number, body = '{"data":{"x":"é"}}') => ({
  body: Buffer.from(body),
  maxAge,
  storedAt,
});

describe('cached answers', () => {
  it('round-trips through the Redis value, body bytes unchanged', () => {
    const decoded = decodeAnswer(encodeAnswer(answer(1_700_000_000_000, 60)));
    expect(decoded).toMatchObject({ storedAt: 1_700_000_000_000, maxAge: 60 });
    expect(decoded!.body.toString()).toBe('{"data":{"x":"é"}}');
    expect(decodeAnswer(Buffer.from('{"body":"old format"}'))).toBeNull();
    expect(decodeAnswer(Buffer.from('12 x\n{}'))).toBeNull();
  });

  it('keeps a local copy for at most localMs and never past its max-age', () => {
    const local = new LocalAnswers(1_000, 10);
    local.set('a', answer(0, 60), 0);
    expect(local.get('a', 999)).toBeDefined();
    expect(local.get('a', 1_000)).toBeUndefined();
    // Stored 4.5 s ago with a 5 s max-age: half a second left, not a whole local second.
    local.set('b', answer(0, 5), 4_500);
    expect(local.get('b', 4_999)).toBeDefined();
    expect(local.get('b', 5_000)).toBeUndefined();
    local.set('c', answer(0, 5), 5_000);
    expect(local.get('c', 5_000)).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest stored, and nothing when localMs is 0', () => {
    const local = new LocalAnswers(1_000, 2);
    for (const key of ['a', 'b', 'c']) local.set(key, answer(0, 60), 0);
    expect(local.size).toBe(2);
    expect(local.get('a', 1)).toBeUndefined();
    expect(local.get('c', 1)).toBeDefined();
    const off = new LocalAnswers(0, 2);
    off.set('a', answer(0, 60), 0);
    expect(off.get('a', 1)).toBeUndefined();
  });
});
