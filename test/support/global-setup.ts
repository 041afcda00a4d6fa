// Builds the migrated template database once per run; each test file then copies it (integration-setup.ts).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { applyMigrations, pgliteFactory, postgresFactory } from "../../prisma/migrate-engine";
import {
  copyNamePrefix,
  databaseNameOf,
  databasesNamedLike,
  databaseUrl,
  dropPostgresDatabase,
  quoteIdentifier,
  withServerConnection,
} from "./postgres";
import type { TestDatabaseTemplate } from "./template";

type Template = { template: TestDatabaseTemplate; teardown: () => Promise<void> };

async function buildPgliteTemplate(): Promise<Template> {
  const pglite = new PGlite();
  try {
    await applyMigrations(pgliteFactory(pglite));
    const dump = await pglite.dumpDataDir("gzip");
    const directory = await mkdtemp(path.join(tmpdir(), "test-db-"));
    const dumpPath = path.join(directory, "template.tar.gz");
    await writeFile(dumpPath, new Uint8Array(await dump.arrayBuffer()));
    return { template: { kind: "pglite", dumpPath }, teardown: () => rm(directory, { recursive: true, force: true }) };
  } finally {
    await pglite.close();
  }
}

function describeServer(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/** Driver adapter errors carry the useful part (host, port, Postgres code) in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause && typeof error.cause === "object"
    ? `${error.message} ${JSON.stringify(error.cause)}`
    : error.message;
}

async function assertReachable(serverUrl: string) {
  try {
    await withServerConnection(serverUrl, (connection) => connection.executeScript("SELECT 1"));
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL (${describeServer(serverUrl)}) is unreachable: ${describeError(error)}`, {
      cause: error,
    });
  }
}

async function buildPostgresTemplate(serverUrl: string): Promise<Template> {
  // Postgres names are at most 63 bytes: <= 30 + "_tpl_" + pid, plus "_c" + 8 for each copy.
  const safeName = databaseNameOf(serverUrl)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
    .slice(0, 30);
  const templateName = `${safeName}_tpl_${process.pid}`;
  await dropPostgresDatabase(serverUrl, templateName);
  await withServerConnection(serverUrl, (connection) =>
    connection.executeScript(`CREATE DATABASE ${quoteIdentifier(templateName)}`),
  );
  const teardown = async () => {
    await dropLeftoverCopies(serverUrl, templateName);
    await dropPostgresDatabase(serverUrl, templateName);
  };
  try {
    await applyMigrations(postgresFactory(databaseUrl(serverUrl, templateName)));
  } catch (error) {
    await teardown();
    throw error;
  }
  return { template: { kind: "postgres", serverUrl, templateName }, teardown };
}

/** Vitest runs no afterAll (so no drop) for a file whose tests are all skipped; its copy is dropped here. */
async function dropLeftoverCopies(serverUrl: string, templateName: string) {
  const copies = await databasesNamedLike(serverUrl, copyNamePrefix(templateName));
  for (const copy of copies) await dropPostgresDatabase(serverUrl, copy);
}

/** PostgreSQL when TEST_DATABASE_URL is set and reachable; outside CI an unreachable server falls back to PGlite. */
async function buildTemplate(): Promise<Template> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) return buildPgliteTemplate();
  try {
    await assertReachable(serverUrl);
  } catch (error) {
    if (process.env.CI) throw error;
    console.warn(`\n[test db] ${(error as Error).message}\n[test db] Falling back to PGlite (CI would fail here).\n`);
    return buildPgliteTemplate();
  }
  return buildPostgresTemplate(serverUrl);
}

export default async function setup(project: TestProject) {
  const startedAt = performance.now();
  const { template, teardown } = await buildTemplate();
  if (process.env.TEST_DB_TIMINGS) {
    console.log(`[test db] ${template.kind} template ready in ${Math.round(performance.now() - startedAt)} ms`);
  }
  project.provide("testDatabase", template);
  return teardown;
}
