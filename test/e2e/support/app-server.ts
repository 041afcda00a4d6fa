import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`app server did not become healthy within ${timeoutMs} ms`);
}

/**
 * Starts the production build the way `npm start` does — embedded PGlite in a fresh directory,
 * migrated and seeded with the demo organisation, in-process jobs — on a free port.
 */
export async function startAppServer() {
  const dataRoot = mkdtempSync(path.join(tmpdir(), "fuwu-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PGLITE_DATA_DIR: path.join(dataRoot, "pglite"),
    DATABASE_URL: "",
    REDIS_URL: "",
    JOBS_INLINE_SCHEDULER: "false",
  };
  execFileSync(TSX, ["prisma/migrate.ts", "apply"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(TSX, ["prisma/seed.ts"], { cwd: ROOT, env, stdio: "pipe" });

  const child = spawn(TSX, ["app/server.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${output.join("")}`);
  }

  return {
    baseUrl,
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
