import { readFile } from 'node:fs/promises';

/**
 * The ids of the processes `pid` started and that still run (Linux's
 * `/proc/<pid>/task/<pid>/children`; node forks from its main thread, so a node:cluster primary's
 * workers are there). Empty once `pid` has exited.
 */
export async function childPidsOf(pid: number): Promise<number[]> {
  try {
    const list = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return list.split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
