import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGit, listAtCommit, readAtCommit, resolveBase } from './git-base.ts';

const root = mkdtempSync(join(tmpdir(), 'schema-check-git-'));
const origin = join(root, 'origin');
const run = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
const commit = (message: string, content: string) => {
  writeFileSync(join(origin, 'schema', 'a.graphql'), content);
  run(origin, 'add', '.');
  run(origin, 'commit', '-q', '-m', message);
  return run(origin, 'rev-parse', 'HEAD');
};

let first: string;
let second: string;
let onBranch: string;
beforeAll(() => {
  execFileSync('mkdir', ['-p', join(origin, 'schema')]);
  run(origin, 'init', '-q', '-b', 'main');
  first = commit('first', 'type Query { a: Int }\n');
  second = commit('second', 'type Query { a: Int b: Int }\n');
  run(origin, 'checkout', '-q', '-b', 'feature');
  onBranch = commit('on the branch', 'type Query { b: Int }\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveBase', () => {
  it('on a branch, is the merge-base with main', () => {
    run(origin, 'checkout', '-q', 'feature');
    expect(resolveBase(createGit(origin))).toEqual({
      ref: second,
      description: `merge-base with main (${second.slice(0, 8)})`,
    });
  });

  it('on main itself, is the previous commit', () => {
    run(origin, 'checkout', '-q', 'main');
    expect(resolveBase(createGit(origin))).toMatchObject({
      ref: first,
      description: expect.stringContaining('previous'),
    });
  });

  it('takes the ref asked for, and refuses one the clone does not have', () => {
    expect(resolveBase(createGit(origin), onBranch.slice(0, 10))).toMatchObject({ ref: onBranch });
    expect(() => resolveBase(createGit(origin), 'no-such-ref')).toThrow(/no such commit/);
  });

  it('in a shallow clone of main, says there is no base and how to fetch one', () => {
    const shallow = join(root, 'shallow');
    run(root, 'clone', '-q', '--depth', '1', '--branch', 'main', `file://${origin}`, shallow);
    expect(resolveBase(createGit(shallow))).toEqual({
      missing: expect.stringMatching(/previous commit is not in this clone \(shallow clone: git fetch --deepen/),
    });
  });

  it('in a clone of a branch alone, says main is missing', () => {
    const single = join(root, 'single');
    run(root, 'clone', '-q', '--single-branch', '--branch', 'feature', `file://${origin}`, single);
    expect(resolveBase(createGit(single))).toEqual({ missing: expect.stringContaining('no main branch') });
  });

  it('outside a git checkout, says so', () => {
    expect(resolveBase(createGit(mkdtempSync(join(tmpdir(), 'no-git-'))))).toEqual({
      missing: expect.stringContaining('not a git checkout'),
    });
  });
});

describe('reading files at a commit', () => {
  it('reads a file, lists a folder, and gives undefined for a file that is not there', () => {
    const git = createGit(origin);
    expect(readAtCommit(git, first, 'schema/a.graphql')).toBe('type Query { a: Int }\n');
    expect(readAtCommit(git, first, 'schema/missing.graphql')).toBeUndefined();
    expect(listAtCommit(git, first, 'schema')).toEqual(['a.graphql']);
  });
});
