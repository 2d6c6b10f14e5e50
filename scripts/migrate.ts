/** `npm run db:migrate`: creates any missing subgraph database and applies pending migrations. */
import { migrateAllDatabases } from '#system/migrate';

await migrateAllDatabases(process.env);
