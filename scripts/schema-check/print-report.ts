import type { JudgedChange, SchemaCheckResult } from './check-schema.ts';

const LABELS: Record<JudgedChange['level'], string> = { breaking: 'BREAKING', dangerous: 'DANGEROUS', safe: 'safe' };
const VERDICTS: Record<JudgedChange['verdict'], string> = { fail: 'FAIL', warn: 'warn', ok: 'ok' };

/** Changes as an aligned table: level, coordinate, verdict, change, and why under a change that needs it. */
export function changeTable(changes: readonly JudgedChange[]): string[] {
  if (changes.length === 0) return ['  no changes'];
  const width = (pick: (c: JudgedChange) => string) => Math.max(...changes.map((c) => pick(c).length));
  const levelWidth = width((c) => LABELS[c.level]);
  const coordinateWidth = width((c) => c.coordinate);
  const verdictWidth = width((c) => VERDICTS[c.verdict]);
  const indent = ' '.repeat(2 + levelWidth + 2 + coordinateWidth + 2 + verdictWidth + 2);
  return changes.flatMap((change) => [
    `  ${LABELS[change.level].padEnd(levelWidth)}  ${change.coordinate.padEnd(coordinateWidth)}  ${VERDICTS[change.verdict].padEnd(verdictWidth)}  ${change.message}`,
    ...(change.why ? [`${indent}why: ${change.why}`] : []),
  ]);
}

/** The whole report, as lines for the terminal. */
export function formatReport(result: SchemaCheckResult, manifestPath: string): string[] {
  if (result.compositionErrors.length > 0) {
    return [
      `Composition failed with ${result.compositionErrors.length} error(s):`,
      ...result.compositionErrors.map((error) => `  ${error}`),
    ];
  }
  const lines: string[] = [];
  if (result.diffSkipped) {
    lines.push(`Schema diff skipped: ${result.diffSkipped}.`, 'Registered operations are still validated below.');
  } else {
    lines.push(`Schema changes against ${result.base}:`);
    for (const subgraph of result.subgraphs) {
      if (subgraph.status !== 'changed') lines.push('', `${subgraph.name}: subgraph ${subgraph.status}`);
      else if (subgraph.changes.length > 0) lines.push('', `${subgraph.name}:`, ...changeTable(subgraph.changes));
    }
    if (result.subgraphs.every((subgraph) => subgraph.status === 'changed' && subgraph.changes.length === 0)) {
      lines.push('  no subgraph changed');
    }
    lines.push('', 'API schema (what clients see):', ...changeTable(result.api));
  }
  const invalid = result.invalidOperations;
  lines.push(
    '',
    `Registered operations (${manifestPath}): ${result.operations - invalid.length} of ${result.operations} valid against the new API schema`,
  );
  for (const operation of invalid) {
    const excused = operation.excusedBy ? ` (warn: accepted change ${operation.excusedBy})` : '';
    lines.push(`  ${operation.name} (${operation.file})${excused}: ${operation.errors.join(' ')}`);
  }
  for (const entry of result.staleAcceptances) {
    lines.push(`warn: accepted change ${entry.coordinate} matches no breaking change now; remove it from the file`);
  }
  const failures = result.api.filter((change) => change.verdict === 'fail').length;
  const broken = invalid.filter((operation) => !operation.excusedBy).length;
  const warnings = result.api.filter((change) => change.verdict === 'warn').length;
  lines.push(
    '',
    result.ok
      ? `Schema check passed${warnings ? ` with ${warnings} warning(s)` : ''}.`
      : `Schema check FAILED: ${failures} breaking change(s) used by clients, ${broken} registered operation(s) no longer valid.`,
  );
  return lines;
}
