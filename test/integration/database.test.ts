import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { readMigrationsList } from "../../prisma/migrate-engine";
import { testClient } from "../support/db";

// database-isolation.test.ts creates the mirror-image row; neither file may ever see the other's.
const OWN_MARKER = "ISOLATION-A";
const OTHER_FILE_MARKER = "ISOLATION-B";

beforeAll(async () => {
  await db.user.create({
    data: { externalId: OWN_MARKER, name: "隔离测试 A", roles: { create: [{ role: "agent" }, { role: "trainer" }] } },
  });
});

describe("the test database", () => {
  it("has the migrated schema, reachable through the app's db", async () => {
    const user = await db.user.findUniqueOrThrow({
      where: { externalId: OWN_MARKER },
      select: { name: true, status: true, locale: true, roles: { select: { role: true }, orderBy: { role: "asc" } } },
    });
    expect(user).toEqual({
      name: "隔离测试 A",
      status: "active",
      locale: "zh-CN",
      roles: [{ role: "agent" }, { role: "trainer" }],
    });
  });

  it("records every migration as applied in _prisma_migrations", async () => {
    const { migrationDirectories } = await readMigrationsList();
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(migrationDirectories.map((directory) => directory.path));
    expect(rows.some((row) => row.migration_name.endsWith("_init"))).toBe(true);
  });

  it("belongs to this file alone", async () => {
    const users = await db.user.findMany({ select: { externalId: true } });
    expect(users).toEqual([{ externalId: OWN_MARKER }]);
    expect(await db.user.count({ where: { externalId: OTHER_FILE_MARKER } })).toBe(0);
  });

  it("is what db forwards to", async () => {
    expect(await testClient().user.count()).toBe(await db.user.count());
  });
});
