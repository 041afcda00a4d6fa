/**
 * Facts from a hand-built dataset (windows in Asia/Shanghai, valid certificates, KPI direction, latest closed 360
 * cycle), the ladder file sync, and the monthly evaluation job: proposals once, reruns create nothing, demotion
 * only after two failed months, older pending proposals superseded, leads notified.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateLevels } from "~/modules/levels/evaluate.server";
import { gatherFacts } from "~/modules/levels/facts.server";
import { syncLadder } from "~/modules/levels/ladder-sync.server";
import { kpiFactKey, type CriterionSpec } from "~/modules/levels/criteria";
import { db } from "~/utils/db.server";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";
import { createPublishedExam, gradedAttempt } from "../support/training-assign-fixtures";

const TZ = "Asia/Shanghai";
const OCTOBER = { kind: "month" as const, start: "2026-10-01" };
let rubric: Awaited<ReturnType<typeof createTestRubric>>;
let inspector: TestUser;
let templateId: string;

const spec = (partial: Partial<CriterionSpec> & Pick<CriterionSpec, "kind">): CriterionSpec => ({
  threshold: null,
  months: null,
  kpiKey: null,
  examSlug: null,
  ...partial,
});

async function review(agentId: string, score: number, submittedAt: string, extra: { criticalFailed?: boolean } = {}) {
  const conversation = await createTestConversation({ agentIds: [agentId] });
  const created = await createTestReview({
    conversationId: conversation.id,
    inspectorId: inspector.id,
    rubricVersionId: rubric.versionId,
    agentId,
    status: "submitted",
    score,
    submittedAt: new Date(submittedAt),
  });
  if (extra.criticalFailed) await db.review.update({ where: { id: created.id }, data: { criticalFailed: true } });
}

async function certificate(userId: string, examId: string, options: { expiresAt: string | null; revokedAt?: string }) {
  const attempt = await gradedAttempt(userId, examId, true, new Date("2026-05-01T02:00:00Z"));
  await db.certificate.create({
    data: {
      serial: `FW-TEST-${attempt.id.slice(-8)}`,
      userId,
      examId,
      attemptId: attempt.id,
      title: "优品客服上岗证",
      issuedAt: new Date("2026-05-01T02:00:00Z"),
      expiresAt: options.expiresAt ? new Date(options.expiresAt) : null,
      revokedAt: options.revokedAt ? new Date(options.revokedAt) : null,
    },
  });
}

async function snapshot(
  subjectId: string,
  metric: string,
  month: string,
  value: number,
  subjectKind: "agent" | "team" = "agent",
) {
  await db.kpiSnapshot.create({
    data: {
      periodKind: "month",
      periodStart: new Date(`${month}T00:00:00Z`),
      subjectKind,
      subjectId,
      metric,
      value,
      sampleSize: 10,
    },
  });
}

async function closedCycle(
  userId: string,
  closedAt: string,
  score: number | null,
  status: "closed" | "open" = "closed",
) {
  const cycle = await db.feedbackCycle.create({
    data: {
      name: `360 ${closedAt}`,
      templateId,
      periodStart: new Date("2026-01-01T00:00:00Z"),
      periodEnd: new Date("2026-06-30T00:00:00Z"),
      dueAt: new Date(closedAt),
      status,
      groupWeights: { self: 10, manager: 40, peer: 30, report: 0, qa: 20 },
      closedAt: status === "closed" ? new Date(closedAt) : null,
    },
  });
  await db.feedbackSubject.create({ data: { cycleId: cycle.id, userId, overallScore: score } });
}

beforeAll(async () => {
  inspector = await createTestUser({ roles: ["qa_inspector"] });
  rubric = await createTestRubric();
  templateId = (await db.feedbackTemplate.create({ data: { key: `t-${Date.now()}`, name: "通用能力模型" } })).id;
  await db.kpiDefinition.create({
    data: {
      key: "csat",
      metric: "csat_percent",
      nameZh: "满意度",
      nameEn: "CSAT",
      unit: "percent",
      direction: "higher",
    },
  });
  await db.kpiDefinition.create({
    data: {
      key: "frt",
      metric: "first_response_mean",
      nameZh: "首响",
      nameEn: "FRT",
      unit: "seconds",
      direction: "lower",
    },
  });
});

describe("gatherFacts", () => {
  it("aggregates each fact over the windows ending with the evaluated month", async () => {
    const agent = await createTestUser({ name: "林晓" });
    const other = await createTestUser({ name: "周敏" });
    await db.user.update({ where: { id: agent.id }, data: { hireDate: new Date("2026-03-15T00:00:00Z") } });
    // QA: 3 months = Aug–Oct in Shanghai. 2026-07-31 16:30 UTC is 00:30 on 1 August there (inside);
    // 15:00 UTC is still 31 July (outside).
    await review(agent.id, 90, "2026-09-10T03:00:00Z");
    await review(agent.id, 80, "2026-10-20T03:00:00Z");
    await review(agent.id, 70, "2026-07-31T16:30:00Z");
    await review(agent.id, 10, "2026-07-31T15:00:00Z");
    await review(agent.id, 0, "2026-11-01T01:00:00Z"); // 09:00 on 1 November: after the month
    await review(agent.id, 95, "2026-06-01T03:00:00Z", { criticalFailed: true }); // red line in June
    await review(other.id, 50, "2026-10-02T03:00:00Z", { criticalFailed: true });

    const valid = await createPublishedExam({ isCertification: true });
    const expired = await createPublishedExam({ isCertification: true });
    const revoked = await createPublishedExam({ isCertification: true });
    await certificate(agent.id, valid.id, { expiresAt: "2027-05-01T00:00:00Z" });
    await certificate(agent.id, expired.id, { expiresAt: "2026-10-15T00:00:00Z" });
    await certificate(agent.id, revoked.id, { expiresAt: null, revokedAt: "2026-09-01T00:00:00Z" });
    const slugs = await db.exam.findMany({
      where: { id: { in: [valid.id, expired.id, revoked.id] } },
      select: { id: true, slug: true },
    });
    const slug = (id: string) => slugs.find((exam) => exam.id === id)!.slug;

    await snapshot(agent.id, "csat_percent", "2026-07-01", 10); // outside the window
    await snapshot(agent.id, "csat_percent", "2026-08-01", 88);
    await snapshot(agent.id, "csat_percent", "2026-09-01", 92);
    await snapshot(agent.id, "csat_percent", "2026-10-01", 95);
    await snapshot(agent.id, "csat_percent", "2026-10-01", 99, "team"); // a team row with the same id is ignored
    await snapshot(agent.id, "first_response_mean", "2026-10-01", 42);

    await closedCycle(agent.id, "2026-06-30T10:00:00Z", 3.2);
    await closedCycle(agent.id, "2026-10-20T10:00:00Z", 4.1);
    await closedCycle(agent.id, "2026-11-10T10:00:00Z", 2.0); // closed after the evaluated month
    await closedCycle(agent.id, "2026-10-25T10:00:00Z", 1.0, "open");

    const criteria = [
      spec({ kind: "tenure_months", threshold: 6 }),
      spec({ kind: "certificate", examSlug: slug(valid.id) }),
      spec({ kind: "certificate", examSlug: slug(expired.id) }),
      spec({ kind: "certificate", examSlug: slug(revoked.id) }),
      spec({ kind: "qa_average", threshold: 80, months: 3 }),
      spec({ kind: "no_red_line", months: 3 }),
      spec({ kind: "no_red_line", months: 6 }),
      spec({ kind: "kpi", kpiKey: "csat", threshold: 90, months: 3 }),
      spec({ kind: "kpi", kpiKey: "frt", threshold: 60, months: 1 }),
      spec({ kind: "kpi", kpiKey: "unknown", threshold: 1, months: 3 }),
      spec({ kind: "feedback_score", threshold: 4 }),
    ];
    const facts = await gatherFacts([agent.id, other.id], OCTOBER, criteria, TZ);
    const mine = facts.get(agent.id)!;
    expect(mine.tenureMonths).toBe(7); // 15 March → 31 October
    expect(mine.certificates).toEqual([slug(valid.id)]);
    expect(mine.qaAverage[3]).toBeCloseTo((90 + 80 + 70) / 3, 10);
    expect(mine.redLines).toEqual({ 3: 0, 6: 1 });
    expect(mine.kpi[kpiFactKey("csat", 3)]).toEqual({
      value: expect.closeTo((88 + 92 + 95) / 3, 10),
      direction: "higher",
    });
    expect(mine.kpi[kpiFactKey("frt", 1)]).toEqual({ value: 42, direction: "lower" });
    expect(mine.kpi[kpiFactKey("unknown", 3)]).toBeUndefined();
    expect(mine.feedbackScore).toBe(4.1);

    const theirs = facts.get(other.id)!;
    expect(theirs.tenureMonths).toBeNull(); // no hire date
    expect(theirs.certificates).toEqual([]);
    expect(theirs.qaAverage[3]).toBe(50);
    expect(theirs.redLines).toEqual({ 3: 1, 6: 1 });
    expect(theirs.kpi[kpiFactKey("csat", 3)]).toEqual({ value: null, direction: "higher" });
    expect(theirs.feedbackScore).toBeNull();
  });
});

describe("ladder sync", () => {
  it("creates the ladder from content once and keeps edits made in the app", async () => {
    await db.exam.create({
      data: { slug: "onboarding-final", title: "新人入职结业考试", status: "published", isCertification: true },
    });
    await db.exam.create({
      data: { slug: "complaint-certification", title: "投诉处理专员认证", status: "published", isCertification: true },
    });
    const file = path.resolve(import.meta.dirname, "../../content/levels/ladder.yaml");
    const first = await syncLadder(file);
    expect(first.errors).toEqual([]);
    expect(first.created).toEqual(["P1", "P2", "P3", "P4", "P5", "M1", "M2", "M3"]);
    const p3 = await db.skillLevel.findUniqueOrThrow({
      where: { code: "P3" },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    expect(p3.criteria.map((criterion) => criterion.kind)).toEqual([
      "tenure_months",
      "certificate",
      "qa_average",
      "kpi",
      "no_red_line",
    ]);
    await db.skillLevel.update({ where: { code: "P3" }, data: { payBand: "¥7,000–9,500/月" } });
    const second = await syncLadder(file);
    expect(second.created).toEqual([]);
    expect(second.kept).toHaveLength(8);
    expect((await db.skillLevel.findUniqueOrThrow({ where: { code: "P3" } })).payBand).toBe("¥7,000–9,500/月");
    // The test ladder below uses its own codes; remove the synced one so both ladders do not share tracks.
    await db.skillLevel.deleteMany({});
  });
});

describe("levels.evaluate", () => {
  it("proposes promotions and two-month demotions once, supersedes older pending proposals and tells the lead", async () => {
    const exam = await createPublishedExam({ isCertification: true });
    const examSlug = (await db.exam.findUniqueOrThrow({ where: { id: exam.id } })).slug;
    const p1 = await db.skillLevel.create({
      data: {
        code: "P1",
        track: "professional",
        rank: 1,
        name: "见习客服",
        nameEn: "Trainee",
        payBand: "¥4,000–5,500/月",
      },
    });
    const p2 = await db.skillLevel.create({
      data: {
        code: "P2",
        track: "professional",
        rank: 2,
        name: "初级客服",
        nameEn: "Junior",
        payBand: "¥5,000–7,000/月",
        demoteBelow: true,
        criteria: {
          create: [
            { position: 0, kind: "tenure_months", threshold: 3 },
            { position: 1, kind: "certificate", examSlug },
            { position: 2, kind: "qa_average", threshold: 80, months: 3 },
            { position: 3, kind: "no_red_line", months: 3 },
          ],
        },
      },
    });
    await db.skillLevel.create({
      data: {
        code: "P3",
        track: "professional",
        rank: 3,
        name: "中级客服",
        nameEn: "Intermediate",
        payBand: "¥6,500–9,000/月",
        criteria: { create: [{ position: 0, kind: "tenure_months", threshold: 120 }] },
      },
    });
    const lead = await createTestUser({ roles: ["team_lead"] });
    const team = await db.team.create({ data: { code: "AFT", name: "售后服务组", leadId: lead.id } });
    const hired = new Date("2025-01-06T00:00:00Z");
    const person = async (name: string, levelId: string | null, status: "active" | "inactive" = "active") => {
      const user = await createTestUser({ name, teamId: team.id, status });
      await db.user.update({ where: { id: user.id }, data: { levelId, hireDate: hired } });
      await certificate(user.id, exam.id, { expiresAt: "2027-05-01T00:00:00Z" });
      return user;
    };
    const alice = await person("许佳怡", p1.id); // meets P2 → promotion
    const bob = await person("韩磊", p2.id); // fails P2 in September and October → demotion
    const carol = await person("郑婷", p2.id); // fails only in October → nothing
    const dave = await person("吴昊", null); // no level → nothing
    const eve = await person("孙倩", p1.id, "inactive"); // inactive → nothing
    for (const user of [alice, dave, eve]) await review(user.id, 92, "2026-10-08T03:00:00Z");
    await review(bob.id, 60, "2026-09-08T03:00:00Z");
    await review(bob.id, 62, "2026-10-08T03:00:00Z");
    await review(carol.id, 95, "2026-08-20T03:00:00Z");
    await review(carol.id, 88, "2026-09-20T03:00:00Z");
    await review(carol.id, 85, "2026-10-08T03:00:00Z", { criticalFailed: true });
    const older = await db.levelProposal.create({
      data: {
        userId: alice.id,
        kind: "promotion",
        fromLevelId: p1.id,
        toLevelId: p2.id,
        period: new Date("2026-09-01T00:00:00Z"),
        evidence: {},
      },
    });

    const first = await evaluateLevels({ period: "2026-10" });
    expect(first).toEqual({ month: "2026-10-01", evaluated: 3, created: 2, superseded: 1 });
    const proposals = await db.levelProposal.findMany({
      where: { period: new Date("2026-10-01T00:00:00Z") },
      orderBy: { kind: "asc" }, // enum order: promotion, demotion
    });
    expect(proposals.map((p) => [p.userId, p.kind, p.fromLevelId, p.toLevelId, p.status])).toEqual([
      [alice.id, "promotion", p1.id, p2.id, "pending"],
      [bob.id, "demotion", p2.id, p1.id, "pending"],
    ]);
    const evidence = proposals[0]!.evidence as {
      levelCode: string;
      met: boolean;
      criteria: { kind: string; actual: number | null; met: boolean }[];
    };
    expect(evidence.levelCode).toBe("P2");
    expect(evidence.met).toBe(true);
    expect(evidence.criteria.map((c) => [c.kind, c.actual, c.met])).toEqual([
      ["tenure_months", 21, true],
      ["certificate", 1, true],
      ["qa_average", 92, true],
      ["no_red_line", 0, true],
    ]);
    const demotion = proposals[1]!.evidence as {
      met: boolean;
      previous: { month: string; met: boolean; criteria: { kind: string; actual: number | null }[] };
    };
    expect(demotion.met).toBe(false);
    expect(demotion.previous.month).toBe("2026-09-01");
    expect(demotion.previous.criteria.find((c) => c.kind === "qa_average")?.actual).toBe(60);
    expect((await db.levelProposal.findUniqueOrThrow({ where: { id: older.id } })).status).toBe("superseded");
    const notes = await db.notification.findMany({ where: { kind: "levels-proposals-waiting" } });
    expect(notes.map((n) => [n.userId, n.params, n.link])).toEqual([
      [lead.id, { count: 2, month: "2026-10" }, "/levels/proposals"],
    ]);

    const rerun = await evaluateLevels({ period: "2026-10" });
    expect(rerun).toEqual({ month: "2026-10-01", evaluated: 3, created: 0, superseded: 0 });
    expect(await db.levelProposal.count()).toBe(3);
    expect(await db.notification.count({ where: { kind: "levels-proposals-waiting" } })).toBe(1);
  });

  it("defaults to the month that just ended and refuses a malformed period", async () => {
    const summary = await evaluateLevels({ now: new Date("2026-12-01T00:30:00+08:00") });
    expect(summary.month).toBe("2026-11-01");
    await expect(evaluateLevels({ period: "2026-13" })).rejects.toThrow(/not a month/);
  });
});
