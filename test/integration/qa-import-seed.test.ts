import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedQaConversations } from "../../prisma/seed/qa-conversations";
import { createTestUser } from "../support/auth";

describe("demo conversations seed", () => {
  it("imports 60 days of conversations and a thinner history for the teams' agents, and changes nothing the second time", async () => {
    for (const [code, name, agent] of [
      ["PRE", "售前咨询组", "A1001"],
      ["CMP", "投诉处理组", "A3001"],
    ] as const) {
      const team = await db.team.create({ data: { code, name }, select: { id: true } });
      await createTestUser({ externalId: agent, teamId: team.id });
    }
    const first = await seedQaConversations();
    // 3 PRE + 2 CMP slots a day for 60 days, then 2 PRE + 1 CMP a day for the 340 days before.
    expect(first).toContain("created 1320");
    expect(await db.conversation.count()).toBe(1320);
    expect(await db.conversation.count({ where: { complaint: true } })).toBe(460);
    const batches = await db.importBatch.count();

    const second = await seedQaConversations();
    expect(second).toContain("unchanged 1320");
    expect(await db.importBatch.count()).toBe(batches);
    expect(await db.conversation.count()).toBe(1320);
  });
});
