import pg from 'pg';

/** Splits a database URL into the database name and a URL for the server's maintenance database. */
export function databaseTarget(url: string): { name: string; maintenanceUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name "${name}" must be letters, digits and _`);
  parsed.pathname = '/postgres';
  return { name, maintenanceUrl: parsed.toString() };
}

async function withMaintenanceClient<T>(url: string, work: (client: pg.Client, name: string) => Promise<T>) {
  const { name, maintenanceUrl } = databaseTarget(url);
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database the URL names unless it exists; optionally as a copy of a template. */
export function ensureDatabase(url: string, template?: string): Promise<boolean> {
  return withMaintenanceClient(url, async (client, name) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return true;
  });
}

/** Drops the database the URL names, closing its open connections first. */
export function dropDatabase(url: string): Promise<void> {
  return withMaintenanceClient(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Empties every table but Prisma's migration history. Identities keep counting, so an id a
 * running process may still hold in a cache is never given to a new row.
 */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
       WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length) await client.query(`TRUNCATE ${rows.map(({ name }) => name).join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
}
