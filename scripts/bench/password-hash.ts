/**
 * `npx tsx scripts/bench/password-hash.ts`: what one password hash costs on this machine, with the
 * accounts subgraph's argon2id parameters and with the library's defaults, one at a time (wall
 * time of a hash is its CPU time: argon2 runs it on one libuv thread per lane).
 */
import argon2 from 'argon2';
import { HASH_OPTIONS } from '../../subgraphs/accounts/passwords.ts';

const ROUNDS = 20;

async function time(label: string, options: Parameters<typeof argon2.hash>[1]) {
  await argon2.hash('warm-up-password', options);
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) await argon2.hash(`password-${round}`, options);
  console.log(`${label}: ${((performance.now() - started) / ROUNDS).toFixed(1)} ms per hash (wall)`);
}

const before = process.cpuUsage();
await time('OWASP argon2id m=19456 KiB, t=2, p=1', HASH_OPTIONS);
const mid = process.cpuUsage(before);
console.log(`  CPU ${(mid.user / 1000 / (ROUNDS + 1)).toFixed(1)} ms user per hash`);
const before2 = process.cpuUsage();
await time('library defaults m=65536 KiB, t=3, p=4', { type: argon2.argon2id });
const end = process.cpuUsage(before2);
console.log(`  CPU ${(end.user / 1000 / (ROUNDS + 1)).toFixed(1)} ms user per hash`);
