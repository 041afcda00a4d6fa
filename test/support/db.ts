// Test databases: one migrated template per run (global-setup.ts), one isolated copy per test file
// (integration-setup.ts). PGlite by default; PostgreSQL when TEST_DATABASE_URL is set.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";
import type { useDatabase } from "~/utils/db.server";
import { cloneTemplate, copyNamePrefix, databaseUrl, dropPostgresDatabase } from "./postgres";
import { PGLITE_DUMP_TYPE, type TestDatabaseTemplate } from "./template";

export type { TestDatabaseTemplate } from "./template";

export type DatabaseState = Parameters<typeof useDatabase>[0];

export type TestDatabase = {
  state: DatabaseState;
  /** Postgres: the isolated database's URL; PGlite: undefined (in-memory). */
  url?: string;
  /** Closes the client and throws the database away. */
  drop: () => Promise<void>;
};

async function openPostgresCopy(template: Extract<TestDatabaseTemplate, { kind: "postgres" }>): Promise<TestDatabase> {
  const databaseName = `${copyNamePrefix(template.templateName)}${randomUUID().slice(0, 8)}`;
  await cloneTemplate(template.serverUrl, template.templateName, databaseName);
  const url = databaseUrl(template.serverUrl, databaseName);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const close = () => client.$disconnect();
  return {
    state: { client, kind: "postgres", close },
    url,
    drop: async () => {
      await close();
      await dropPostgresDatabase(template.serverUrl, databaseName);
    },
  };
}

async function openPgliteCopy(template: Extract<TestDatabaseTemplate, { kind: "pglite" }>): Promise<TestDatabase> {
  const dump = new Blob([await readFile(template.dumpPath)], { type: PGLITE_DUMP_TYPE });
  const pglite = new PGlite({ loadDataDir: dump });
  await pglite.waitReady;
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const close = async () => {
    await client.$disconnect();
    if (!pglite.closed) await pglite.close();
  };
  return { state: { client, kind: "pglite", close }, drop: close };
}

/** A fresh, migrated database of its own, copied from the run's template. */
export function openTestDatabase(template: TestDatabaseTemplate): Promise<TestDatabase> {
  return template.kind === "postgres" ? openPostgresCopy(template) : openPgliteCopy(template);
}

let current: TestDatabase | undefined;

/** Called by integration-setup.ts; the test file and its setup file share this module. */
export function setCurrentTestDatabase(database: TestDatabase | undefined) {
  current = database;
}

function currentTestDatabase(): TestDatabase {
  if (!current) throw new Error("No test database: run this file in the `integration` vitest project");
  return current;
}

/** The raw Prisma client of this file's isolated database (`db` from ~/utils/db.server forwards to it). */
export function testClient(): PrismaClient {
  return currentTestDatabase().state.client;
}

export function testDatabaseKind(): DatabaseState["kind"] {
  return currentTestDatabase().state.kind;
}

/** PostgreSQL only: the URL of this file's database, for code that opens its own connection. */
export function testDatabaseUrl(): string | undefined {
  return currentTestDatabase().url;
}
