import { expect, it } from "vitest";
import { checkDrift } from "../../prisma/migrate-engine";

// The CI drift gate (`npm run db:check`) as a test: schema.prisma changed without a migration fails here too.
it("has a migration for every change to schema.prisma", { timeout: 60_000 }, async () => {
  expect(await checkDrift()).toEqual({ inSync: true });
});
