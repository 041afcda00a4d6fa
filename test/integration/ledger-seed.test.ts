/** The ledger seed step: believable entries, a correction, a decided and an open appeal — and nothing twice. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedLedger } from "../../prisma/seed/incentives-ledger";
import { createTestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

const NOW = new Date("2026-12-06T10:00:00+08:00");

describe("ledger seed", () => {
  it("creates the demo ledger once", async () => {
    const manager = await createTestUser({ externalId: "M001", name: "王建国", roles: ["manager"] });
    const aft = await db.team.create({ data: { code: "AFT", name: "售后服务组" } });
    const pre = await db.team.create({ data: { code: "PRE", name: "售前咨询组" } });
    const cmp = await db.team.create({ data: { code: "CMP", name: "投诉处理组" } });
    const fup = await db.team.create({ data: { code: "FUP", name: "客户回访组" } });
    const leads = {
      L101: await createTestUser({ externalId: "L101", name: "陈晓燕", roles: ["team_lead"], teamId: pre.id }),
      L201: await createTestUser({ externalId: "L201", name: "刘志强", roles: ["team_lead"], teamId: aft.id }),
      L301: await createTestUser({ externalId: "L301", name: "林雅琪", roles: ["team_lead"], teamId: cmp.id }),
      L401: await createTestUser({ externalId: "L401", name: "黄文博", roles: ["team_lead"], teamId: fup.id }),
    };
    await db.team.update({ where: { id: aft.id }, data: { leadId: leads.L201.id } });
    const agents: Record<string, string> = {};
    for (const [code, name, teamId] of [
      ["A1003", "黎琳", pre.id],
      ["A1007", "姜雪", pre.id],
      ["A2001", "方婧", aft.id],
      ["A2003", "夏丽娟", aft.id],
      ["A2005", "贺洁", aft.id],
      ["A3002", "罗霞", cmp.id],
      ["A4003", "周婷", fup.id],
    ] as const) {
      agents[code] = (await createTestUser({ externalId: code, name, teamId })).id;
    }
    // a confirmed red-line review of November for 方婧
    const inspector = await createTestUser({ roles: ["qa_inspector"] });
    const rubric = await createTestRubric();
    const conversation = await createTestConversation({ agentIds: [agents.A2001!] });
    const review = await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.id,
      rubricVersionId: rubric.versionId,
      agentId: agents.A2001!,
      status: "submitted",
      score: 0,
      submittedAt: new Date("2026-11-20T06:00:00Z"),
    });
    await db.review.update({ where: { id: review.id }, data: { criticalFailed: true } });

    const first = await seedLedger(NOW);
    expect(first).toBe("Ledger: 9 entries and 2 appeals created");
    const second = await seedLedger(NOW);
    expect(second).toBe("Ledger: 0 entries and 0 appeals created");
    expect(await db.ledgerEntry.count()).toBe(9);
    expect(await db.ledgerAppeal.count()).toBe(2);

    const criticism = await db.ledgerEntry.findFirstOrThrow({ where: { kind: "public_criticism" } });
    expect(criticism.evidenceUrl).toBe(`/qa/reviews/${review.id}`);
    expect(criticism.userId).toBe(agents.A2001);
    expect(criticism.proposedById).toBe(leads.L201.id);
    expect(criticism.periodStart.toISOString().slice(0, 10)).toBe("2026-11-01");

    const open = await db.ledgerAppeal.findFirstOrThrow({
      where: { status: "open" },
      select: { agentId: true, entry: { select: { status: true, kind: true, periodStart: true } } },
    });
    expect(open.agentId).toBe(agents.A2003);
    expect(open.entry).toMatchObject({ status: "approved", kind: "performance_deduction" });
    expect(open.entry.periodStart.toISOString().slice(0, 10)).toBe("2026-12-01");
    expect(await db.ledgerAppeal.count({ where: { status: "rejected", response: { not: null } } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { status: "rejected", decisionNote: { not: null } } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { status: "proposed" } })).toBe(1);
    const correction = await db.ledgerEntry.findFirstOrThrow({ where: { kind: "correction" } });
    expect(Number(correction.amount)).toBe(50);
    // every decision was the manager's, never the proposer's own
    const decidedByProposer = await db.ledgerEntry.count({
      where: { kind: { not: "correction" }, approvedById: manager.id, proposedById: manager.id },
    });
    expect(decidedByProposer).toBe(0);
  });
});
