// Server-level PostgreSQL helpers for the test databases (no Prisma client: global setup uses them too).
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function databaseUrl(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/** Every per-file copy of a template is named with this prefix, so teardown can find leftovers. */
export function copyNamePrefix(templateName: string): string {
  return `${templateName}_c`;
}

export function databaseNameOf(serverUrl: string): string {
  return decodeURIComponent(new URL(serverUrl).pathname.slice(1)) || "postgres";
}

/** Runs DDL that must not run inside a transaction (CREATE/DROP DATABASE) on the server's own database. */
export async function withServerConnection<T>(
  serverUrl: string,
  work: (connection: SqlDriverAdapter) => Promise<T>,
): Promise<T> {
  const factory = new PrismaPg({ connectionString: serverUrl, connectionTimeoutMillis: 5_000, max: 1 });
  const connection = await factory.connect();
  try {
    return await work(connection);
  } finally {
    await connection.dispose();
  }
}

export async function dropPostgresDatabase(serverUrl: string, databaseName: string) {
  await withServerConnection(serverUrl, (connection) =>
    connection.executeScript(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`),
  );
}

const TEMPLATE_BUSY = "55006"; // object_in_use: another clone of the template is still starting

export async function cloneTemplate(serverUrl: string, templateName: string, databaseName: string) {
  const sql = `CREATE DATABASE ${quoteIdentifier(databaseName)} TEMPLATE ${quoteIdentifier(templateName)}`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withServerConnection(serverUrl, (connection) => connection.executeScript(sql));
      return;
    } catch (error) {
      const code = (error as { cause?: { originalCode?: string } }).cause?.originalCode;
      if (code !== TEMPLATE_BUSY || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export async function databasesNamedLike(serverUrl: string, prefix: string): Promise<string[]> {
  const result = await withServerConnection(serverUrl, (connection) =>
    connection.queryRaw({
      sql: "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      args: [prefix],
      argTypes: [{ scalarType: "string", arity: "scalar" }],
    }),
  );
  return result.rows.map((row) => String(row[0]));
}
