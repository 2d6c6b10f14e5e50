/** Checkout bursts queue for pool connections; Prisma's defaults (2 s wait, 5 s run) are too tight for them. */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;
