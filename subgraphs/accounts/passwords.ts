import argon2 from 'argon2';

/**
 * argon2id with OWASP's Password Storage Cheat Sheet parameters: 19 MiB of memory, 2 passes,
 * 1 lane (its first recommended configuration). One hash costs 37 ms of one core on the 2-core
 * development machine; the library's defaults (64 MiB, 3 passes, 4 lanes) cost 305 ms of CPU
 * (267 ms wall) and let a burst of sign-ups starve the accounts process
 * (`npx tsx scripts/bench/password-hash.ts`). The parameters are stored in each hash, so hashes made
 * with the old ones still verify.
 */
export const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, HASH_OPTIONS);

export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password);

/**
 * Verified against when no user has the e-mail, so an unknown address takes as long to refuse
 * as a wrong password and login timing does not reveal who has an account.
 */
const decoyHash = hashPassword('decoy-password-for-unknown-users');
export const burnVerification = async (password: string) => {
  await verifyPassword(await decoyHash, password);
};
