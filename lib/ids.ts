import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const uuid = z.uuid();

/** Ids are UUIDs in every database; anything else can be refused before it reaches SQL. */
export const isUuid = (value: string) => uuid.safeParse(value).success;

let lastMs = 0;
let sequence = 0;

/**
 * A new UUID version 7 (RFC 9562): 48 bits of Unix time in ms, a 12-bit sequence, then random bits.
 * Ids made this way sort by creation order, as Prisma's `uuid(7)` defaults do, for rows written
 * with raw SQL: within one millisecond the sequence counts up (RFC 9562's method 1), so lines
 * written together keep their order.
 */
export function uuidv7(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = randomBytes(2).readUInt16BE(0) & 0x7ff;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes.writeUInt16BE(0x7000 | sequence, 6);
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
