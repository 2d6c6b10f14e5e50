// @ts-check
import pg from 'pg';
import { log } from './log.mjs';
import { urlWithDatabase } from './pg-adapter.mjs';

/** Like Prisma's default `connect_timeout`, so an unreachable host fails fast instead of hanging. */
const CONNECT_TIMEOUT_MS = 5000;

/** The database a server always has, to connect to while creating or dropping another one. */
const MAINTENANCE_DATABASE = 'postgres';

const UNREACHABLE_SERVER_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

/**
 * Runs `ENGINE --datasource <json> cli <command>`, which the CLI uses before migrating to check
 * the database and to create it when it is missing.
 *
 * @param {string | undefined} command
 * @param {string} url
 * @returns {Promise<number>} the process exit code
 */
export async function runCliCommand(command, url) {
  // The CLI ignores the first stderr line when it looks for the error line.
  log('INFO', `Running cli ${command}`);
  const target = new pg.Client(url);
  try {
    switch (command) {
      case 'can-connect-to-database':
        await runSql(url, 'SELECT 1');
        break;
      case 'create-database':
        await runSql(
          urlWithDatabase(url, MAINTENANCE_DATABASE),
          `CREATE DATABASE ${pg.escapeIdentifier(target.database ?? '')}`,
        );
        break;
      case 'drop-database':
        await runSql(
          urlWithDatabase(url, MAINTENANCE_DATABASE),
          `DROP DATABASE ${pg.escapeIdentifier(target.database ?? '')}`,
        );
        break;
      default:
        throw new Error(`Unknown cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    const { message, code } = describeError(/** @type {Error & { code?: string }} */ (error), target);
    log('ERROR', message, code);
    return 1;
  }
}

/**
 * @param {string} url
 * @param {string} sql
 */
async function runSql(url, sql) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Maps failures to the Prisma error codes the CLI acts on (P1003 makes it create the database)
 * with the native engine's wording.
 *
 * @param {Error & { code?: string }} error
 * @param {pg.Client} target
 * @returns {{ message: string, code?: string }}
 */
function describeError(error, { host, port, user, database }) {
  const server = `${host}:${port}`;
  if (error.code === '3D000') {
    return {
      code: 'P1003',
      message: `Database \`${database}\` does not exist on the database server at \`${server}\`.`,
    };
  }
  if (error.code === '42P04') {
    return {
      code: 'P1009',
      message: `Database \`${database}\` already exists on the database server at \`${server}\``,
    };
  }
  if (error.code === '28P01' || error.code === '28000') {
    return {
      code: 'P1000',
      message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${server}\`.`,
    };
  }
  if ((error.code && UNREACHABLE_SERVER_ERRORS.has(error.code)) || /timeout/i.test(error.message)) {
    return {
      code: 'P1001',
      message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
    };
  }
  return { message: error.message };
}
