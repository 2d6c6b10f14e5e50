import DataLoader from 'dataloader';
import { isUuid } from '../ids.ts';

/**
 * A DataLoader for rows found by one UUID column: one query for every key asked for in an
 * operation, answers in the order of the keys, `missing` for keys without a row. Malformed ids
 * never reach SQL (a uuid column would reject the whole batch).
 */
export function uuidKeyedLoader<TRow, TMissing = null>(
  findMany: (ids: string[]) => Promise<TRow[]>,
  keyOf: (row: TRow) => string,
  missing: TMissing = null as TMissing,
): DataLoader<string, TRow | TMissing> {
  return new DataLoader<string, TRow | TMissing>(async (ids) => {
    const rows = await findMany(ids.filter(isUuid));
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return ids.map((id) => byKey.get(id) ?? missing);
  });
}
