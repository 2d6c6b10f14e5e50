import { execFileSync } from 'node:child_process';

/** Runs git in a directory; undefined when git fails (unknown ref, missing file, not a repository). */
export type Git = (args: readonly string[]) => string | undefined;

export function createGit(cwd: string): Git {
  return (args) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      return undefined;
    }
  };
}

/** The commit to compare with and how it was chosen, or why there is none in this clone. */
export type Base = { ref: string; description: string } | { missing: string };

const commitOf = (git: Git, ref: string) => git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim();

const MAIN_CANDIDATES = ['main', 'origin/main'];

/**
 * The base a change is judged against: the requested ref; else the merge-base with main; on main
 * itself (HEAD is main's tip) the previous commit. A clone without that history (shallow, or
 * without main) has no base: the caller skips the diff and says why instead of failing.
 */
export function resolveBase(git: Git, requested?: string): Base {
  if (requested !== undefined) {
    const commit = commitOf(git, requested);
    if (!commit) throw new Error(`--base ${requested}: no such commit in this clone (git fetch it first)`);
    return { ref: commit, description: `${requested} (${commit.slice(0, 8)})` };
  }
  const head = commitOf(git, 'HEAD');
  if (!head) return { missing: 'not a git checkout with commits' };
  const mainRef = MAIN_CANDIDATES.find((ref) => commitOf(git, ref));
  if (!mainRef) return { missing: 'this clone has no main branch (git fetch origin main)' };
  const mergeBase = git(['merge-base', 'HEAD', mainRef])?.trim();
  const shallow = git(['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
  const hint = shallow ? ' (shallow clone: git fetch --deepen=50, or --unshallow)' : '';
  if (!mergeBase) return { missing: `no common history with ${mainRef} in this clone${hint}` };
  if (head !== commitOf(git, mainRef)) {
    return { ref: mergeBase, description: `merge-base with ${mainRef} (${mergeBase.slice(0, 8)})` };
  }
  const previous = commitOf(git, 'HEAD~1');
  if (!previous) return { missing: `HEAD is on ${mainRef} and its previous commit is not in this clone${hint}` };
  return { ref: previous, description: `previous commit on ${mainRef} (${previous.slice(0, 8)})` };
}

/** A file's text at a commit, or undefined when it does not exist there. */
export const readAtCommit = (git: Git, ref: string, path: string) =>
  git(['cat-file', '-e', `${ref}:${path}`]) === undefined ? undefined : git(['show', `${ref}:${path}`]);

/** The names of the files directly in a folder at a commit. */
export const listAtCommit = (git: Git, ref: string, folder: string): string[] =>
  (git(['ls-tree', '--name-only', `${ref}:${folder}`]) ?? '').split('\n').filter(Boolean);
