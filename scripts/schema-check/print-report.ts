import type { JudgedChange, SchemaCheckResult } from './check-schema.ts';

const LABELS: Record<JudgedChange['level'], string> = { breaking: 'BREAKING', dangerous: 'DANGEROUS', safe: 'safe' };
const VERDICTS: Record<JudgedChange['verdict'], string> = { fail: 'FAIL', warn: 'warn', ok: 'ok' };

/**
 * The rows worth reading. Counted, not listed: safe description edits, safe directive-usage edits,
 * and the members of a type, field or directive added whole (its fields, values, arguments, locations),
 * which the row of the addition stands for.
 */
export function condense(changes: readonly JudgedChange[]): { rows: JudgedChange[]; hidden: string[] } {
  const additions = new Set(['TYPE_ADDED', 'DIRECTIVE_ADDED', 'FIELD_ADDED']);
  const added = new Set(changes.filter(({ type }) => additions.has(type)).map(({ path }) => path));
  // Inside an addition: below an added element, or a detail of it (a directive's location).
  const withinAddition = ({ path, type }: JudgedChange) =>
    (added.has(path) && !additions.has(type)) ||
    path.split('.').some((_, i, all) => i > 0 && added.has(all.slice(0, i).join('.')));
  const safe = changes.filter((c) => c.level === 'safe');
  const descriptions = safe.filter((c) => c.type.includes('DESCRIPTION'));
  const usages = safe.filter((c) => c.type.startsWith('DIRECTIVE_USAGE_') && !descriptions.includes(c));
  const members = safe.filter((c) => withinAddition(c) && ![...descriptions, ...usages].includes(c));
  const hiddenRows = new Set([...descriptions, ...usages, ...members]);
  const count = (rows: readonly JudgedChange[], what: string) => (rows.length ? [`${rows.length} ${what}`] : []);
  return {
    rows: changes.filter((c) => !hiddenRows.has(c)),
    hidden: [
      ...count(members, 'member(s) of added types, fields or directives'),
      ...count(descriptions, 'description change(s)'),
      ...count(usages, 'directive usage change(s)'),
    ],
  };
}

/** Changes as an aligned table: level, coordinate, verdict, change, and why under a change that needs it. */
export function changeTable(all: readonly JudgedChange[]): string[] {
  if (all.length === 0) return ['  no changes'];
  const { rows: changes, hidden } = condense(all);
  const more = hidden.length ? [`  and ${hidden.join(', ')}: all safe`] : [];
  if (changes.length === 0) return more;
  const width = (pick: (c: JudgedChange) => string) => Math.max(...changes.map((c) => pick(c).length));
  const levelWidth = width((c) => LABELS[c.level]);
  const coordinateWidth = width((c) => c.coordinate);
  const verdictWidth = width((c) => VERDICTS[c.verdict]);
  const indent = ' '.repeat(2 + levelWidth + 2 + coordinateWidth + 2 + verdictWidth + 2);
  return changes
    .flatMap((change) => [
      `  ${LABELS[change.level].padEnd(levelWidth)}  ${change.coordinate.padEnd(coordinateWidth)}  ${VERDICTS[change.verdict].padEnd(verdictWidth)}  ${change.message}`,
      ...(change.why ? [`${indent}why: ${change.why}`] : []),
    ])
    .concat(more);
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
