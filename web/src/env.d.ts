/// <reference types="vite/client" />

declare module 'virtual:persisted-query-ids' {
  /** Operation name -> sha256 id, from the manifest generated at build time. */
  const ids: Record<string, string>;
  export default ids;
}
