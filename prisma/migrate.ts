// Migration CLI on the wasm schema engine (no native Prisma engine needed):
//   tsx prisma/migrate.ts apply        apply pending migrations to DATABASE_URL, or PGlite at PGLITE_DATA_DIR
//   tsx prisma/migrate.ts new <name>   write prisma/migrations/<timestamp>_<name>/migration.sql from schema.prisma
//   tsx prisma/migrate.ts check        exit 1 when schema.prisma has changes no migration covers
import { existsSync, mkdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { env } from "../app/utils/env.server";
import {
  applyMigrations,
  checkDrift,
  diffMigrationsToSchema,
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATION_FILE,
  MIGRATIONS_DIR,
  pgliteFactory,
  postgresFactory,
  type MigrationAdapterFactory,
  type MigrationPaths,
} from "./migrate-engine";

export * from "./migrate-engine";

type TargetDatabase = { factory: MigrationAdapterFactory; label: string; close: () => Promise<void> };

function describeUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/** The database the app itself would open: PostgreSQL when DATABASE_URL is set, else PGlite on disk. */
export function openTargetDatabase(): TargetDatabase {
  const { DATABASE_URL, PGLITE_DATA_DIR } = env();
  if (DATABASE_URL) {
    return { factory: postgresFactory(DATABASE_URL), label: describeUrl(DATABASE_URL), close: async () => {} };
  }
  if (!PGLITE_DATA_DIR.startsWith("memory://")) mkdirSync(PGLITE_DATA_DIR, { recursive: true });
  const pglite = new PGlite(PGLITE_DATA_DIR);
  return { factory: pgliteFactory(pglite), label: `PGlite ${PGLITE_DATA_DIR}`, close: () => pglite.close() };
}

function migrationTimestamp(now = new Date()): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

function normaliseMigrationName(name: string): string {
  const normalised = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!normalised) throw new UsageError(`Invalid migration name: "${name}"`);
  return normalised;
}

export type CreatedMigration = { name: string; directory: string; sql: string };

/** Writes the next migration from the schema; returns null (and writes nothing) when there is nothing to migrate. */
export async function createMigration(name: string, paths: MigrationPaths = {}): Promise<CreatedMigration | null> {
  const migrationsDir = paths.migrationsDir ?? MIGRATIONS_DIR;
  const directoryName = `${migrationTimestamp()}_${normaliseMigrationName(name)}`;
  const sql = await diffMigrationsToSchema(paths);
  if (sql === "") return null;
  const directory = path.join(migrationsDir, directoryName);
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, MIGRATION_FILE), sql);
  const lockfile = path.join(migrationsDir, LOCKFILE_NAME);
  if (!existsSync(lockfile)) await writeFile(lockfile, LOCKFILE_CONTENT);
  return { name: directoryName, directory, sql };
}

class UsageError extends Error {}

async function runApply(): Promise<number> {
  const target = openTargetDatabase();
  try {
    const applied = await applyMigrations(target.factory);
    if (applied.length === 0) console.log(`No pending migrations (${target.label}).`);
    else
      console.log(
        `Applied ${applied.length} migration(s) to ${target.label}:\n${applied.map((n) => `  ${n}`).join("\n")}`,
      );
    return 0;
  } finally {
    await target.close();
  }
}

async function runNew(name: string | undefined): Promise<number> {
  if (!name) throw new UsageError("Usage: migrate.ts new <name>");
  const created = await createMigration(name);
  if (!created) {
    console.log("no changes: schema.prisma matches the migrations, nothing written.");
    return 0;
  }
  console.log(`Created ${path.relative(process.cwd(), path.join(created.directory, MIGRATION_FILE))}`);
  return 0;
}

async function runCheck(): Promise<number> {
  const report = await checkDrift();
  if (report.inSync) {
    console.log("in sync: schema.prisma matches prisma/migrations.");
    return 0;
  }
  console.error("Drift: schema.prisma has changes no migration covers. Run `npm run db:new -- <name>`. Missing SQL:\n");
  console.error(report.missingSql);
  return 1;
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "apply":
      return runApply();
    case "new":
      return runNew(rest[0]);
    case "check":
      return runCheck();
    default:
      throw new UsageError("Usage: migrate.ts apply | new <name> | check");
  }
}

function isEntryPoint(): boolean {
  return process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
