/**
 * Production HTTP server: Express in front of the Remix build, plus the in-process job scheduler when
 * no Redis is configured. Run with `npm run serve` (after `npm run build`).
 */
import { watch } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { jobsMode } from "~/modules/jobs/queue.server";
import { startInlineScheduler } from "~/modules/jobs/inline-scheduler.server";
import { stopJobs } from "~/modules/jobs/lifecycle.server";
import { isCrossSiteRequest } from "~/utils/csrf.server";
import { closeDatabase, databaseKind } from "~/utils/db.server";
import { env } from "~/utils/env.server";

installGlobals({ nativeFetch: true });

const BUILD_PATH = path.resolve("build/index.js");
const SHUTDOWN_TIMEOUT_MS = 20_000;

function isLoopback(address: string | undefined) {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

async function importBuild(): Promise<ServerBuild> {
  // The query string defeats the ESM cache so `npm run dev` can load each rebuild.
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
}

async function main() {
  const config = env();
  let build = await importBuild();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(compression());
  // Loaders read the client address from X-Forwarded-For; replace whatever the client sent with the
  // address Express resolved (honouring only a proxy on loopback), so it cannot be spoofed.
  app.use((request, _response, next) => {
    request.headers["x-forwarded-for"] = request.ip ?? request.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use((request, response, next) => {
    const crossSite = isCrossSiteRequest({
      method: request.method,
      origin: request.get("origin"),
      referer: request.get("referer"),
      host: request.get("host"),
      // Only a proxy on this machine (the one "trust proxy" accepts) may name the public host.
      forwardedHost: isLoopback(request.socket.remoteAddress) ? request.get("x-forwarded-host") : undefined,
      path: request.path,
      authorization: request.get("authorization"),
      cookie: request.get("cookie"),
    });
    if (crossSite) response.status(403).type("text/plain").send("Cross-site request refused");
    else next();
  });
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.get("/healthz", (_request, response) => {
    response.json({ ok: true, database: databaseKind(), jobs: jobsMode() });
  });
  let handleRemix = createRequestHandler({ build, mode: config.NODE_ENV });
  app.all("*", (request, response, next) => handleRemix(request, response, next));

  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const scheduler = startInlineScheduler();
  const shownHost = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  console.log(
    `服务力 is ready: http://${shownHost}:${config.PORT}  (database: ${databaseKind()}, jobs: ${jobsMode()}${
      scheduler.started ? `, ${scheduler.schedules.length} schedules in-process` : ""
    })`,
  );
  if (config.NODE_ENV === "development") {
    await broadcastDevReady(build);
    watch(path.dirname(BUILD_PATH), async (_event, file) => {
      if (file !== path.basename(BUILD_PATH)) return;
      build = await importBuild();
      handleRemix = createRequestHandler({ build, mode: config.NODE_ENV });
      await broadcastDevReady(build);
    });
  }

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal} received: finishing requests and jobs, then closing the database`);
    const forceExit = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stopJobs({ timeoutMs: SHUTDOWN_TIMEOUT_MS - 5_000 });
    await closeDatabase();
    clearTimeout(forceExit);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
