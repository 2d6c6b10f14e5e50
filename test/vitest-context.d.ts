import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Subgraph name to the name of its migrated template database. */
    templateDatabases: Record<string, string>;
  }
}
