import pg from 'pg';

/** Runs one SQL query against a test database, for assertions on what was (not) written. */
export async function queryDatabase<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Counts the rows of one table. */
export async function countRows(url: string, table: string): Promise<number> {
  const [row] = await queryDatabase<{ count: string }>(url, `SELECT count(*) FROM "${table}"`);
  return Number(row?.count);
}
