import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const uuid = z.uuid();

/** Ids are UUIDs in every database; anything else can be refused before it reaches SQL. */
export const isUuid = (value: string) => uuid.safeParse(value).success;

/**
 * A new UUID version 7 (RFC 9562): 48 bits of Unix time in ms, then random bits. Ids made this way
 * sort by creation time, as Prisma's `uuid(7)` defaults do, for rows written with raw SQL.
 */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
