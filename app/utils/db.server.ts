import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

export type Database = PrismaClient;
export { Prisma } from "~/generated/prisma/client";

type DatabaseState = { client: PrismaClient; close: () => Promise<void>; kind: "pglite" | "postgres" };

const globalForDb = globalThis as unknown as { __database?: DatabaseState };

/** Opens the database the environment describes: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function openDatabase(options: { databaseUrl?: string; pgliteDataDir?: string } = {}): DatabaseState {
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  if (databaseUrl) {
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl, max: env().DATABASE_POOL_SIZE }),
    });
    return { client, kind: "postgres", close: () => client.$disconnect() };
  }
  const dataDir = options.pgliteDataDir ?? env().PGLITE_DATA_DIR;
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    client,
    kind: "pglite",
    close: async () => {
      await client.$disconnect();
      await pglite.close();
    },
  };
}

function state(): DatabaseState {
  globalForDb.__database ??= openDatabase();
  return globalForDb.__database;
}

/** The one Prisma client of this process. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = state().client as unknown as Record<PropertyKey, unknown>;
    const value = client[property];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export function databaseKind() {
  return state().kind;
}

/** Replace the process's client (tests open an isolated database per file). */
export function useDatabase(next: DatabaseState) {
  globalForDb.__database = next;
}

export async function closeDatabase() {
  const current = globalForDb.__database;
  globalForDb.__database = undefined;
  if (current) await current.close();
}
