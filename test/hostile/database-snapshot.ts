import pg from 'pg';

/** Per table of every database: its row count and a checksum of its rows. */
export type DatabaseSnapshot = Record<string, { rows: number; checksum: string }>;

/**
 * Reads the row count and an md5 of every row of every table in each database (`name -> URL`), so
 * that two snapshots differ if anything was inserted, updated or deleted in between.
 */
export async function snapshotDatabases(databaseUrls: Record<string, string>): Promise<DatabaseSnapshot> {
  const snapshot: DatabaseSnapshot = {};
  for (const [name, url] of Object.entries(databaseUrls)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      );
      for (const { tablename } of tables.rows) {
        const quoted = `"${tablename.replaceAll('"', '""')}"`;
        const { rows } = await client.query<{ rows: number; checksum: string | null }>(
          `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS checksum FROM ${quoted} t`,
        );
        snapshot[`${name}.${tablename}`] = { rows: rows[0]?.rows ?? 0, checksum: rows[0]?.checksum ?? '' };
      }
    } finally {
      await client.end();
    }
  }
  return snapshot;
}
