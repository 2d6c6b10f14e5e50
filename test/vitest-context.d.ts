import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Subgraph name to the name of its migrated template database. */
    templateDatabases: Record<string, string>;
    /** Where the test files ask for the run's shared system (`sharedSystem` in the harness). */
    sharedSystemUrl: string;
  }
}
