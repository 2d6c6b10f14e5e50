import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode, userError } from '#lib/errors';

export interface SignInLimitSettings {
  /** Attempts (login and register together) one client address may make per window. */
  perIp: number;
  /** Attempts on one e-mail address per window, from anywhere (slows password guessing). */
  perEmail: number;
  windowSeconds: number;
}

/**
 * Counts login and register attempts per client address and per e-mail, before any password is
 * hashed, so a flood of sign-ins is refused cheaply (RATE_LIMITED with `retryAfterSeconds`)
 * instead of starving this process of the CPU argon2 needs. Counted in this process's memory: the
 * limit protects the process that does the hashing. The address is the one the router saw.
 */
export function createSignInLimits(settings: SignInLimitSettings) {
  const byIp = new RateLimiterMemory({ points: settings.perIp, duration: settings.windowSeconds });
  const byEmail = new RateLimiterMemory({ points: settings.perEmail, duration: settings.windowSeconds });
  return async (clientIp: string | null, email: string): Promise<void> => {
    const outcomes = await Promise.allSettled([byIp.consume(clientIp ?? 'unknown'), byEmail.consume(email)]);
    const refusals = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' && outcome.reason instanceof RateLimiterRes ? [outcome.reason] : [],
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected' && !refusals.includes(outcome.reason));
    if (failure?.status === 'rejected') throw failure.reason;
    if (!refusals.length) return;
    const retryAfterSeconds = Math.ceil(Math.max(...refusals.map((refusal) => refusal.msBeforeNext)) / 1000);
    // No HTTP status of its own: the router takes a subgraph's non-2xx answer for a failed
    // subgraph, and the client would get INTERNAL_SERVER_ERROR instead of this code.
    throw userError(ErrorCode.RateLimited, 'Too many sign-in attempts; try again later.', { retryAfterSeconds });
  };
}

export type SignInLimits = ReturnType<typeof createSignInLimits>;
