import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env.server";

let sessionSecret: string | undefined;

/**
 * The cookie-signing secret. SESSION_SECRET when set; in production against PostgreSQL it is required.
 * For the embedded single-machine setup a random secret is generated once and kept beside the data
 * directory, so there is never a default secret shared between installations.
 */
export function getSessionSecret(): string {
  if (sessionSecret) return sessionSecret;
  const config = env();
  if (config.SESSION_SECRET) return (sessionSecret = config.SESSION_SECRET);
  if (config.NODE_ENV === "production" && config.DATABASE_URL) {
    throw new Error("SESSION_SECRET is required when running in production against PostgreSQL");
  }
  if (config.NODE_ENV === "test" || config.PGLITE_DATA_DIR.startsWith("memory://")) {
    return (sessionSecret = randomBytes(32).toString("base64url"));
  }
  const secretFile = path.join(path.dirname(path.resolve(config.PGLITE_DATA_DIR)), "session-secret");
  if (!existsSync(secretFile)) {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return (sessionSecret = readFileSync(secretFile, "utf8").trim());
}
