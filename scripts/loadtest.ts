/**
 * `npm run loadtest [-- --duration 30 --users 20 --think-ms 100 --url http://127.0.0.1:4000/graphql]`:
 * a bounded Black Friday mix (browsing with stock, carts, checkouts, order history) against a
 * running system through its router, from freshly registered shoppers with their own tokens.
 * Needs products with stock (`npm run seed`). Loopback only; at most 300 s and 200 users.
 */
import { loadOptions } from './load/load-options.ts';
import { formatReport } from './load/print-report.ts';
import { runLoad } from './load/run-load.ts';

try {
  const options = loadOptions(process.argv.slice(2), process.env);
  const result = await runLoad(options, (line) => console.log(line));
  console.log(formatReport(result));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
