import type { PhaseErrors } from './phases.ts';
import type { Check } from './reconcile.ts';

const rate = (errors: number, requests: number) => `${((100 * errors) / Math.max(1, requests)).toFixed(2)}%`;
const codes = (errorCodes: Record<string, number>) =>
  Object.entries(errorCodes)
    .map(([code, count]) => `${code}×${count}`)
    .join(' ');

/** The error rate of every phase of the run, and of the given operations during the subgraph outage. */
export function formatPhaseErrors(phases: readonly PhaseErrors[], outage: PhaseErrors, outageLabel: string): string {
  const width = Math.max(outageLabel.length, ...phases.map(({ phase }) => phase.length)) + 2;
  const row = ({ phase, requests, errors, errorCodes }: PhaseErrors, label = phase) =>
    [
      label.padEnd(width),
      String(requests).padStart(8),
      String(errors).padStart(7),
      rate(errors, requests).padStart(8),
      codes(errorCodes),
    ].join(' ');
  return [
    `${'phase'.padEnd(width)} ${'requests'.padStart(8)} ${'errors'.padStart(7)} ${'rate'.padStart(8)} codes`,
    ...phases.map((phase) => row(phase)),
    '',
    row(outage, outageLabel),
  ].join('\n');
}

/** One line per check, then every mismatch (the first 20 of each, so a broken run stays readable). */
export function formatReconciliation(checks: readonly Check[]): string {
  const width = Math.max(...checks.map(({ name }) => name.length)) + 2;
  const lines = [`${'check'.padEnd(width)} ${'checked'.padStart(8)} ${'mismatches'.padStart(10)} result`];
  for (const { name, checked, mismatches } of checks) {
    lines.push(
      `${name.padEnd(width)} ${String(checked).padStart(8)} ${String(mismatches.length).padStart(10)} ${mismatches.length ? 'FAIL' : 'ok'}`,
    );
  }
  for (const { name, mismatches } of checks) {
    if (!mismatches.length) continue;
    lines.push('', `${name}:`, ...mismatches.slice(0, 20).map((line) => `  ${line}`));
    if (mismatches.length > 20) lines.push(`  ... and ${mismatches.length - 20} more`);
  }
  return lines.join('\n');
}
