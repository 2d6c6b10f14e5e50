// @ts-check
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

/** @typedef {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory} AdapterFactory */

const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * PostgreSQL catalogs use the internal one-byte type `"char"` (OID 18, e.g. `pg_class.relkind`).
 * @prisma/adapter-pg 7.10 cannot map that OID, so every introspection of the database fails
 * with "Column type 'char' could not be deserialized". pg already returns these values as
 * strings, so announcing them as text is lossless. The fix sits on the client because both
 * `pg.Pool#query` (which passes a callback) and the pooled clients that run transactions
 * (which use promises) end up in `Client#query`.
 */
class CharAsTextClient extends pg.Client {
  /**
   * @override
   * @param {any[]} args
   */
  query(...args) {
    const query = /** @type {(...args: any[]) => any} */ (super.query).bind(this);
    const callbackIndex = args.findIndex((arg) => typeof arg === 'function');
    if (callbackIndex === -1) {
      const result = query(...args);
      return result instanceof Promise ? result.then(presentCharAsText) : result;
    }
    const callback = args[callbackIndex];
    args[callbackIndex] = (/** @type {Error | null} */ error, /** @type {pg.QueryResult} */ result) =>
      callback(error, presentCharAsText(result));
    return query(...args);
  }
}

/**
 * @param {pg.QueryResult | undefined} result
 */
function presentCharAsText(result) {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/**
 * @param {string} url
 * @param {string} database
 */
export function urlWithDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.href;
}

/**
 * @param {string} connectionString
 */
async function connect(connectionString) {
  // pg ignores Prisma's `?schema=` URL parameter. The adapter's `schema` option tells the engine
  // which schema to migrate (it creates it if needed) and `search_path` makes the unqualified
  // names of migration scripts land in it, as with the native engine.
  const schema = new URL(connectionString).searchParams.get('schema');
  const factory = schema
    ? new PrismaPg(
        { connectionString, Client: CharAsTextClient, options: `-c search_path=${pg.escapeIdentifier(schema)}` },
        { schema },
      )
    : new PrismaPg({ connectionString, Client: CharAsTextClient });
  const adapter = await factory.connect();
  // PrismaPg#executeScript splits the script on every `;`, string literals and function bodies
  // included, and runs the pieces one by one, so a migration with `@default("a;b")` fails
  // half-applied. Sent as one simple-protocol query, PostgreSQL runs the whole script in one
  // implicit transaction, as with the native engine.
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

/**
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 * @returns {AdapterFactory}
 */
export function createPgAdapterFactory({ url, shadowDatabaseUrl }) {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connect(url),
    // Not PrismaPg#connectToShadowDb: it opens the shadow pool with `{ ...config, database }`,
    // but pg lets the connection string's database win, so the engine would replay the whole
    // migration history on the main database instead of the temporary one.
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        throw new Error(
          'shadowDatabaseUrl is not supported by the WebAssembly schema engine: remove it so that a temporary shadow database is created and dropped on the main database server.',
        );
      }
      const admin = await connect(url);
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
      const shadow = await connect(urlWithDatabase(url, database));
      const closeShadowPool = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await closeShadowPool();
        await admin.executeScript(`DROP DATABASE ${pg.escapeIdentifier(database)}`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}
