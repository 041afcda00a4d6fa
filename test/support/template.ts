// What global-setup.ts hands every test worker (through vitest provide/inject).
export type TestDatabaseTemplate =
  { kind: "pglite"; dumpPath: string } | { kind: "postgres"; serverUrl: string; templateName: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTemplate;
  }
}

/** PGlite only gunzips a dump whose Blob says it is gzip. */
export const PGLITE_DUMP_TYPE = "application/x-gzip";
