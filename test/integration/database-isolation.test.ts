import { beforeAll, expect, it } from "vitest";
import { db } from "~/utils/db.server";

// Mirror image of database.test.ts: run in parallel or in sequence, a shared database would show both rows.
const OWN_MARKER = "ISOLATION-B";
const OTHER_FILE_MARKER = "ISOLATION-A";

beforeAll(async () => {
  await db.user.create({ data: { externalId: OWN_MARKER, name: "隔离测试 B" } });
});

it("sees only the rows this file created", async () => {
  const users = await db.user.findMany({ select: { externalId: true } });
  expect(users).toEqual([{ externalId: OWN_MARKER }]);
  expect(await db.user.count({ where: { externalId: OTHER_FILE_MARKER } })).toBe(0);
});
