// Runs before every integration test file: gives the file a migrated database nobody else sees,
// wired in as the app's `db` (app/utils/db.server.ts), and throws it away afterwards.
import { afterAll, inject } from "vitest";
import { resetEnvCache } from "~/utils/env.server";
// Renamed: `useDatabase` is not a React hook, but the react-hooks lint rule goes by the name.
import { closeDatabase, useDatabase as installDatabase } from "~/utils/db.server";
import { openTestDatabase, setCurrentTestDatabase } from "./db";

const startedAt = performance.now();
const database = await openTestDatabase(inject("testDatabase"));
setCurrentTestDatabase(database);
installDatabase(database.state);
pointEnvironmentAt(database.url);
if (process.env.TEST_DB_TIMINGS) {
  console.log(
    `[test db] ${database.state.kind} database for this file ready in ${Math.round(performance.now() - startedAt)} ms`,
  );
}

/** Code that opens its own connection from the environment must land on this file's database too, never a dev one. */
function pointEnvironmentAt(url: string | undefined) {
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  resetEnvCache();
}

afterAll(async () => {
  setCurrentTestDatabase(undefined);
  await closeDatabase();
  await database.drop();
});
