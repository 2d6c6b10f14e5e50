/** One cached answer: the body bytes as sent, its lifetime (s) and when it was stored (ms since the epoch). */
export interface CachedAnswer {
  body: Buffer;
  maxAge: number;
  storedAt: number;
}

/**
 * The Redis value of an answer: `<storedAt> <maxAge>\n` then the body bytes as sent. Read with
 * GET into a Buffer and sent as is: no JSON around the body to escape, parse and re-encode.
 */
export function encodeAnswer({ body, maxAge, storedAt }: CachedAnswer): Buffer {
  return Buffer.concat([Buffer.from(`${storedAt} ${maxAge}\n`), body]);
}

/** The answer in a Redis value, or null for anything not written by `encodeAnswer`. */
export function decodeAnswer(value: Buffer): CachedAnswer | null {
  const newline = value.indexOf(10);
  if (newline < 0 || newline > 40) return null;
  const match = /^(\d+) (\d+)$/.exec(value.toString('latin1', 0, newline));
  if (!match) return null;
  return { storedAt: Number(match[1]), maxAge: Number(match[2]), body: value.subarray(newline + 1) };
}

/** When an answer stops being fresh (ms since the epoch). */
export const expiresAt = (answer: CachedAnswer) => answer.storedAt + answer.maxAge * 1000;

/**
 * A process's own copies of answers in front of Redis: each kept at most `localMs` and never past
 * its max-age, at most `maxEntries` of them (the oldest stored goes first). A copy can be up to
 * `localMs` older than what another replica has since written to Redis (a `no-cache` refresh);
 * it is never older than its own max-age allows.
 */
export class LocalAnswers {
  private readonly entries = new Map<string, { answer: CachedAnswer; until: number }>();

  constructor(
    private readonly localMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, now: number): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.answer;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, answer: CachedAnswer, now: number): void {
    if (this.localMs <= 0) return;
    const until = Math.min(now + this.localMs, expiresAt(answer));
    if (until <= now) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { answer, until });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
