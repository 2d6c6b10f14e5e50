import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes), which follow OWASP's guidance. */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password);

/**
 * Verified against when no user has the e-mail, so an unknown address takes as long to refuse
 * as a wrong password and login timing does not reveal who has an account.
 */
const decoyHash = hashPassword('decoy-password-for-unknown-users');
export const burnVerification = async (password: string) => {
  await verifyPassword(await decoyHash, password);
};
