/** `npm run db:migrate`: creates any missing subgraph database and applies pending migrations. */
import { migrateAllDatabases } from './migrate-databases.ts';

await migrateAllDatabases(process.env);
