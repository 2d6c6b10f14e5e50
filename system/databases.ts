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
