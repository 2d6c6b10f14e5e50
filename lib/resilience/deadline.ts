import { AsyncLocalStorage } from 'node:async_hooks';
import { ErrorCode, userError } from '../errors.ts';

/**
 * The header that carries what is left of an operation's deadline to the service it calls, in
 * milliseconds from when the request was sent: relative, so the two clocks need not agree.
 */
export const DEADLINE_HEADER = 'x-deadline-ms';

/** The deadline, as `Date.now()` milliseconds, of the request being served. */
const storage = new AsyncLocalStorage<number>();

/**
 * Runs `work` under the deadline `header` gives (none when it is absent or not a positive whole
 * number: such a caller gets the pool's statement timeout as its only bound). Everything the
 * work starts, however deep (Prisma's pool, calls to other services), sees it.
 */
export function withDeadlineFrom<T>(header: string | undefined, work: () => T): T {
  const remaining = header === undefined ? Number.NaN : Number(header);
  if (!(Number.isSafeInteger(remaining) && remaining > 0)) return work();
  return storage.run(Date.now() + remaining, work);
}

/** Milliseconds left before the current request's deadline; Infinity outside one that has one. */
export function remainingMs(): number {
  const deadline = storage.getStore();
  return deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
}

/** The caller's deadline passed: the answer would arrive after the caller gave up on it. */
export const deadlineExceeded = (what = 'The operation') =>
  userError(ErrorCode.DeadlineExceeded, `${what} ran past its deadline and was stopped.`);

/** Stops work that would start after the current request's deadline. */
export function throwIfPastDeadline(what?: string): void {
  if (remainingMs() <= 0) throw deadlineExceeded(what);
}
