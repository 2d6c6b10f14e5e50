/**
 * Preloaded into every process of a benchmark run when BENCH_CPU_PROFILE_DIR is set (through
 * NODE_OPTIONS, which refuses `--cpu-prof` itself): profiles the main thread from start-up and
 * writes `<entry>.<pid>.cpuprofile` there when the process exits, for
 * /work/shared/tools/cpuprofile-summary.py or Chrome DevTools.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { basename, dirname, join } from 'node:path';

const dir = process.env['BENCH_CPU_PROFILE_DIR'];
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  const entry = process.argv[1] ?? 'node';
  const name = `${basename(dirname(dirname(entry)))}-${basename(dirname(entry))}-${basename(entry, '.ts')}`;
  process.once('exit', () => {
    // A session on the process's own thread answers synchronously, so this runs before exit.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `${name}.${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
