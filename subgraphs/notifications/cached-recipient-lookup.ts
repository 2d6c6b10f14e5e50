import type { RecipientLookup } from './recipient-lookup.ts';

/**
 * Remembers each user's address for `ttlMs` (and shares one lookup between concurrent jobs for the
 * same user), so a burst of orders asks accounts once per customer rather than once per message.
 * A failed lookup is not remembered. At most `maxEntries` users are kept; the oldest go first.
 */
export function cacheRecipients(lookup: RecipientLookup, ttlMs: number, maxEntries = 10_000): RecipientLookup {
  const entries = new Map<string, { email: Promise<string | null>; expiresAt: number }>();
  return {
    emailOf(userId) {
      const now = Date.now();
      const cached = entries.get(userId);
      if (cached && cached.expiresAt > now) return cached.email;
      entries.delete(userId);
      const email = lookup.emailOf(userId);
      entries.set(userId, { email, expiresAt: now + ttlMs });
      email.catch(() => entries.delete(userId));
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return email;
    },
  };
}
