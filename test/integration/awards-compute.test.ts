/**
 * Award computation on a small hand-built November 2026: two teams, seven agents, KPI snapshots inserted directly
 * (as the snapshot job would have written them) with a finished KpiComputation, so nothing recomputes them.
 *
 *   工号   team  CSAT (rated)  QA (reviews)  conv  hired        notes
 *   A001   PRE   96 (40)       92 (2)         60   2022-03-01
 *   A002   PRE   90 (50)       88 (2)         70   2021-06-01
 *   A003   PRE   100 (3)       95 (1)          8   2023-01-01   too few conversations (< 20)
 *   A004   AFT   85 (45)       80 (2)         55   2026-10-01   hired a month ago (< 3 months)
 *   A005   AFT   88 (60)       90 (2)         65   2020-01-01   a red-line review in November
 *   A006   AFT   80 (50)       85 (2)         50   2019-05-01
 *   A007   AFT   –             –               –   2024-01-01   no data
 */
import { beforeAll, describe, expect, it } from "vitest";
import { computeAwardCycle } from "~/modules/awards/compute.server";
import { runComputeCycleJob, runLeaderboardJob } from "~/modules/awards/jobs.server";
import { computeLeaderboards, loadBoard, loadRankExplanation, teamScope } from "~/modules/awards/leaderboard.server";
import { permissionsFor, type RoleName } from "~/modules/identity/permissions";
import { parsePeriodKey } from "~/modules/kpi/periods";
import { db } from "~/utils/db.server";
import { seedAwardPrograms, seedLeaderboards } from "../../prisma/seed/incentives-awards";
import { createTestUser } from "../support/auth";
import { createTestConversation, createTestRubric, createTestReview } from "../support/qa-fixtures";

const NOVEMBER = parsePeriodKey("2026-11")!;
const NOV = new Date("2026-11-01T00:00:00Z");
const ids: Record<string, string> = {};
const teams = { PRE: "", AFT: "" };
let programId = "";
let managerId = "";

type Row = [
  code: string,
  team: "PRE" | "AFT",
  csat: number | null,
  rated: number,
  qa: number | null,
  reviews: number,
  conversations: number | null,
  hired: string,
];
const ROWS: Row[] = [
  ["A001", "PRE", 96, 40, 92, 2, 60, "2022-03-01"],
  ["A002", "PRE", 90, 50, 88, 2, 70, "2021-06-01"],
  ["A003", "PRE", 100, 3, 95, 1, 8, "2023-01-01"],
  ["A004", "AFT", 85, 45, 80, 2, 55, "2026-10-01"],
  ["A005", "AFT", 88, 60, 90, 2, 65, "2020-01-01"],
  ["A006", "AFT", 80, 50, 85, 2, 50, "2019-05-01"],
  ["A007", "AFT", null, 0, null, 0, null, "2024-01-01"],
];

function viewer(userId: string, roles: RoleName[], teamId: string | null, ledTeamIds: string[] = []) {
  return { id: userId, permissions: permissionsFor(roles), teamId, ledTeamIds };
}

async function snapshot(subjectId: string, metric: string, value: number, sampleSize: number) {
  await db.kpiSnapshot.upsert({
    where: {
      periodKind_periodStart_subjectKind_subjectId_metric: {
        periodKind: "month",
        periodStart: NOV,
        subjectKind: "agent",
        subjectId,
        metric,
      },
    },
    create: { periodKind: "month", periodStart: NOV, subjectKind: "agent", subjectId, metric, value, sampleSize },
    update: { value, sampleSize },
  });
}

async function newCycle() {
  const cycle = await db.awardCycle.create({ data: { programId, periodKind: "month", periodStart: NOV } });
  return cycle.id;
}

const candidateView = (cycleId: string) =>
  db.awardCandidate.findMany({
    where: { cycleId },
    orderBy: { subjectId: "asc" },
    select: { subjectId: true, eligible: true, ineligibleReasons: true, inputs: true, composite: true, rank: true },
  });

beforeAll(async () => {
  for (const [key, metric, direction, unit] of [
    ["csat", "csat_percent", "higher", "percent"],
    ["qa_score", "qa_score", "higher", "score"],
    ["conversations", "conversations_handled", "higher", "count"],
  ] as const) {
    await db.kpiDefinition.create({ data: { key, metric, direction, unit, nameZh: key, nameEn: key } });
  }
  teams.PRE = (await db.team.create({ data: { code: "PRE", name: "售前咨询组" } })).id;
  teams.AFT = (await db.team.create({ data: { code: "AFT", name: "售后服务组" } })).id;
  managerId = (await createTestUser({ roles: ["manager"] })).id;
  for (const [code, team, csat, rated, qa, reviews, conversations, hired] of ROWS) {
    const user = await createTestUser({ externalId: code, name: `客服${code}`, teamId: teams[team] });
    ids[code] = user.id;
    await db.user.update({ where: { id: user.id }, data: { hireDate: new Date(`${hired}T00:00:00Z`) } });
    if (conversations !== null) await snapshot(user.id, "conversations_handled", conversations, conversations);
    if (csat !== null) await snapshot(user.id, "csat_percent", csat, rated);
    if (qa !== null) await snapshot(user.id, "qa_score", qa, reviews);
    if (qa !== null) await snapshot(user.id, "red_line_incidents", code === "A005" ? 1 : 0, reviews);
  }
  await db.kpiComputation.create({
    data: { periodKind: "month", periodStart: NOV, finishedAt: new Date(), rows: 20, trigger: "manual" },
  });
  const program = await db.awardProgram.create({
    data: {
      key: "monthly-service-star",
      name: "月度服务之星",
      subjectKind: "individual",
      cadence: "month",
      priorStrength: 10,
      minConversations: 20,
      minQaReviews: 0,
      excludeRedLine: true,
      minTenureMonths: 3,
      winnerCount: 2,
      tieBreakers: ["csat"],
      metrics: {
        create: [
          { kpiKey: "csat", weight: 60, position: 0 },
          { kpiKey: "qa_score", weight: 40, position: 1 },
        ],
      },
    },
  });
  programId = program.id;
  await db.incentiveSettings.create({
    data: { id: 1, leaderboardProgramKey: "monthly-service-star", agentTopN: 2, fullBoardVisible: false },
  });
});

describe("computeAwardCycle", () => {
  it("ranks the eligible population and explains who is out and why", async () => {
    const cycleId = await newCycle();
    const result = await computeAwardCycle(cycleId, managerId);
    expect(result).toMatchObject({ ok: true, candidates: 7, eligible: 3 });
    const rows = await db.awardCandidate.findMany({
      where: { cycleId },
      orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { subjectId: "asc" }],
      select: { subjectId: true, rank: true, eligible: true, ineligibleReasons: true, composite: true },
    });
    const code = (id: string) => Object.entries(ids).find(([, value]) => value === id)![0];
    // Eligible: A001, A002, A006. CSAT mean 88.667, k = 10: A001 (40·96 + 10·88.667)/50 = 94.533, A002 90.267,
    // A006 81.778 → percentiles 100 / 50 / 0. QA mean 88.333: A001 (2·92 + 10·88.333)/12 = 88.944, A002 88.278,
    // A006 87.778 → 100 / 50 / 0. Composites 100, 50, 0.
    expect(rows.filter((row) => row.eligible).map((row) => [code(row.subjectId), row.rank, row.composite])).toEqual([
      ["A001", 1, 100],
      ["A002", 2, 50],
      ["A006", 3, 0],
    ]);
    const reasons = Object.fromEntries(
      rows.filter((row) => !row.eligible).map((row) => [code(row.subjectId), row.ineligibleReasons]),
    );
    expect(reasons).toEqual({
      A003: [{ code: "min_conversations", actual: 8, required: 20 }],
      A004: [{ code: "min_tenure", actual: 1, required: 3 }],
      A005: [{ code: "red_line", actual: 1 }],
      A007: [{ code: "no_data" }],
    });
    const cycle = await db.awardCycle.findUniqueOrThrow({ where: { id: cycleId } });
    expect(cycle).toMatchObject({ status: "computed", computedById: managerId });
    expect(cycle.settings).toMatchObject({ programKey: "monthly-service-star", priorStrength: 10, winnerCount: 2 });
    const audit = await db.auditLog.findFirst({ where: { action: "award.cycle.compute", entityId: cycleId } });
    expect(audit?.actorId).toBe(managerId);
  });

  it("is deterministic: computing twice gives identical candidates, ranks and inputs hash", async () => {
    const { id: cycleId } = await db.awardCycle.findFirstOrThrow({ where: { programId }, select: { id: true } });
    const first = await computeAwardCycle(cycleId, null);
    const rowsFirst = await candidateView(cycleId);
    const second = await computeAwardCycle(cycleId, null);
    const rowsSecond = await candidateView(cycleId);
    expect(first.ok && second.ok).toBe(true);
    expect(first.ok && second.ok && first.inputsHash === second.inputsHash).toBe(true);
    expect(rowsSecond).toEqual(rowsFirst);
  });

  it("keeps its snapshot: data arriving later does not change a computed cycle", async () => {
    const cycle = await db.awardCycle.findFirstOrThrow({
      where: { programId },
      select: { id: true, inputsHash: true },
    });
    const before = await candidateView(cycle.id);
    // A late batch of ratings makes A006 the best in CSAT.
    await snapshot(ids.A006!, "csat_percent", 99, 80);
    expect(await candidateView(cycle.id)).toEqual(before);
    // Moving the cycle on and running the job again (a retry) leaves it alone.
    await db.awardCycle.update({ where: { id: cycle.id }, data: { status: "published" } });
    expect(await runComputeCycleJob({ cycleId: cycle.id })).toMatchObject({
      skipped: expect.stringContaining("published"),
    });
    expect(await candidateView(cycle.id)).toEqual(before);
    expect((await db.awardCycle.findUniqueOrThrow({ where: { id: cycle.id } })).inputsHash).toBe(cycle.inputsHash);
    await snapshot(ids.A006!, "csat_percent", 80, 50);
  });

  it("refuses to recompute once review has started (409) and recomputes with new data before that", async () => {
    const cycle = await db.awardCycle.findFirstOrThrow({
      where: { programId },
      select: { id: true, inputsHash: true },
    });
    await db.awardCycle.update({ where: { id: cycle.id }, data: { status: "under_review" } });
    expect(await computeAwardCycle(cycle.id, managerId)).toEqual({
      ok: false,
      status: 409,
      reason: expect.stringContaining("under_review"),
    });
    expect(await computeAwardCycle("missing", managerId)).toMatchObject({ ok: false, status: 404 });

    await db.awardCycle.update({ where: { id: cycle.id }, data: { status: "computed" } });
    await snapshot(ids.A006!, "csat_percent", 99, 80);
    const recomputed = await computeAwardCycle(cycle.id, managerId);
    expect(recomputed.ok && recomputed.inputsHash !== cycle.inputsHash).toBe(true);
    // A006 now leads CSAT (60 points) but still trails A001 (30 + 40 points) on QA: third → second.
    const a006 = await db.awardCandidate.findFirstOrThrow({ where: { cycleId: cycle.id, subjectId: ids.A006! } });
    expect(a006.rank).toBe(2);
    await snapshot(ids.A006!, "csat_percent", 80, 50);
  });
});

describe("eligibility facts from the reviews themselves", () => {
  it("counts submitted regular reviews and catches a critical failure the snapshot has not counted yet", async () => {
    const program = await db.awardProgram.create({
      data: {
        key: "qa-checked",
        name: "质检达标奖",
        cadence: "month",
        priorStrength: 0,
        minQaReviews: 1,
        excludeRedLine: true,
        metrics: { create: [{ kpiKey: "csat", weight: 1 }] },
      },
    });
    const rubric = await createTestRubric();
    const inspector = await createTestUser({ roles: ["qa_inspector"] });
    const review = async (agent: string, kind: "regular" | "calibration", status: "submitted" | "draft") => {
      const conversation = await createTestConversation({
        agentIds: [ids[agent]!],
        startedAt: new Date("2026-11-10T02:00:00Z"),
      });
      return createTestReview({
        conversationId: conversation.id,
        inspectorId: inspector.id,
        rubricVersionId: rubric.versionId,
        agentId: ids[agent]!,
        status,
        kind,
        score: 90,
        submittedAt: new Date("2026-11-20T03:00:00Z"),
      });
    };
    const critical = await review("A001", "regular", "submitted");
    await db.review.update({ where: { id: critical.id }, data: { criticalFailed: true } });
    await review("A002", "regular", "submitted");
    await review("A006", "calibration", "submitted");
    await review("A006", "regular", "draft");
    const cycle = await db.awardCycle.create({
      data: { programId: program.id, periodKind: "month", periodStart: NOV },
    });
    expect(await computeAwardCycle(cycle.id, managerId)).toMatchObject({ ok: true });
    const reasonsOf = async (code: string) =>
      (await db.awardCandidate.findFirstOrThrow({ where: { cycleId: cycle.id, subjectId: ids[code]! } }))
        .ineligibleReasons;
    expect(await reasonsOf("A001")).toEqual([{ code: "critical_qa", actual: 1 }]);
    expect(await reasonsOf("A002")).toEqual([]);
    expect(await reasonsOf("A006")).toEqual([{ code: "min_qa_reviews", actual: 0, required: 1 }]);
  });

  it("computes a period's KPI snapshots first when nobody has (a new quarter)", async () => {
    const program = await db.awardProgram.create({
      data: {
        key: "quarterly",
        name: "季度之星",
        cadence: "quarter",
        metrics: { create: [{ kpiKey: "csat", weight: 1 }] },
      },
    });
    const q4 = new Date("2026-10-01T00:00:00Z");
    const cycle = await db.awardCycle.create({
      data: { programId: program.id, periodKind: "quarter", periodStart: q4 },
    });
    // The quarter's snapshots come from the conversations of the test above (November is in Q4).
    const result = await computeAwardCycle(cycle.id, managerId);
    expect(result.ok && result.eligible > 0).toBe(true);
    const computation = await db.kpiComputation.findFirst({ where: { periodKind: "quarter", periodStart: q4 } });
    expect(computation?.finishedAt).not.toBeNull();
  });
});

describe("leaderboards", () => {
  beforeAll(async () => {
    const result = await computeLeaderboards(NOVEMBER, { timeZone: "Asia/Shanghai" });
    expect(result).toMatchObject({ ok: true, scopes: 3 });
  });

  it("ranks the company and each team from the same composite, volume rules only", async () => {
    const company = await db.leaderboardEntry.findMany({
      where: { periodStart: NOV, scope: "company" },
      orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { userId: "asc" }],
      select: { userId: true, rank: true, percentile: true },
    });
    const code = (id: string) => Object.entries(ids).find(([, value]) => value === id)![0];
    // Boards ignore tenure and the red line: A004 and A005 are ranked; A003 (8 conversations) and A007 are not.
    expect(company.filter((row) => row.rank !== null).map((row) => [code(row.userId), row.rank])).toHaveLength(5);
    expect(
      company
        .filter((row) => row.rank === null)
        .map((row) => code(row.userId))
        .sort(),
    ).toEqual(["A003", "A007"]);
    expect(company[0]).toMatchObject({ rank: 1, percentile: 100 });
    const aft = await db.leaderboardEntry.findMany({
      where: { periodStart: NOV, scope: teamScope(teams.AFT), rank: { not: null } },
      orderBy: { rank: "asc" },
      select: { rank: true, percentile: true },
    });
    expect(aft.map((row) => [row.rank, row.percentile])).toEqual([
      [1, 100],
      [2, 66.67],
      [3, 33.33],
    ]);
  });

  it("shows agents the top N and their own row, never another person's KPI values", async () => {
    // Company composites: A001 100, A002 65, A005 60, A004 15, A006 10 (see the CSAT/QA shrinkage above, k = 10).
    const me = viewer(ids.A006!, ["agent"], teams.AFT);
    const board = await loadBoard(NOVEMBER, "company", me);
    if (!board.ok) throw new Error(board.reason);
    expect(board.visibility).toBe("top");
    const others = board.rows.filter((row) => row.userId !== ids.A006);
    expect(board.rows.map((row) => row.rank)).toEqual([1, 2]);
    expect(board.me).toMatchObject({ rank: 5, percentile: 20 });
    expect(others).toHaveLength(2);
    expect(others.every((row) => row.metrics === null && row.reasons === null)).toBe(true);
    expect(board.me).toMatchObject({ userId: ids.A006, metrics: expect.any(Array) });
    expect(board.me!.metrics!.map((metric) => metric.kpiKey)).toEqual(["csat", "qa_score"]);
    expect(await loadBoard(NOVEMBER, teamScope(teams.PRE), me)).toMatchObject({ ok: false, status: 403 });
    expect(await loadBoard(NOVEMBER, teamScope(teams.AFT), me)).toMatchObject({ ok: true, visibility: "top" });
  });

  it("shows the full board when a manager turns it on, still without others' KPI values", async () => {
    await db.incentiveSettings.update({ where: { id: 1 }, data: { fullBoardVisible: true } });
    const board = await loadBoard(NOVEMBER, "company", viewer(ids.A001!, ["agent"], teams.PRE), {
      page: 1,
      pageSize: 5,
    });
    await db.incentiveSettings.update({ where: { id: 1 }, data: { fullBoardVisible: false } });
    if (!board.ok) throw new Error(board.reason);
    expect(board).toMatchObject({ visibility: "full", total: 7, pageCount: 2 });
    expect(board.rows.filter((row) => row.userId !== ids.A001).every((row) => row.metrics === null)).toBe(true);
  });

  it("shows leads their teams in full and managers everything", async () => {
    const lead = await createTestUser({ roles: ["team_lead"], teamId: teams.AFT });
    const leadView = viewer(lead.id, ["team_lead"], teams.AFT, [teams.AFT]);
    const own = await loadBoard(NOVEMBER, teamScope(teams.AFT), leadView);
    expect(own.ok && own.visibility === "full" && own.rows.every((row) => row.metrics !== null)).toBe(true);
    expect(await loadBoard(NOVEMBER, teamScope(teams.PRE), leadView)).toMatchObject({ ok: false, status: 403 });
    const manager = await loadBoard(NOVEMBER, teamScope(teams.PRE), viewer(managerId, ["manager"], null));
    expect(manager.ok && manager.rows.every((row) => row.metrics !== null)).toBe(true);
    expect(await loadBoard(NOVEMBER, "team:nope", viewer(managerId, ["manager"], null))).toMatchObject({ status: 404 });
  });

  it("explains a rank with aggregates only", async () => {
    const explanation = await loadRankExplanation(NOVEMBER, "company", ids.A006!);
    expect(explanation).toMatchObject({ eligible: true, ranked: 5 });
    expect(explanation!.kpis.map((kpi) => kpi.kpiKey)).toEqual(["csat", "qa_score"]);
    expect(explanation!.moveUp).not.toBeNull();
  });

  it("the board job is idempotent", async () => {
    const view = () =>
      db.leaderboardEntry.findMany({
        where: { periodStart: NOV },
        orderBy: [{ scope: "asc" }, { userId: "asc" }],
        select: { scope: true, userId: true, rank: true, percentile: true, composite: true, inputs: true },
      });
    const before = await view();
    expect(await runLeaderboardJob({ periodStart: "2026-11-01" })).toEqual({ "2026-11": "14 rows" });
    await runLeaderboardJob({ periodStart: "2026-11-01" });
    expect(await view()).toEqual(before);
  });
});

describe("award seed", () => {
  it("creates the programmes and settings once, and boards only for months without them", async () => {
    await db.kpiDefinition.createMany({
      data: [
        ["resolution_rate", "resolution_rate", "higher"],
        ["frt_median", "first_response_median", "lower"],
        ["complaint_rate", "complaint_rate", "lower"],
        ["feedback_360", "feedback_score", "higher"],
      ].map(([key, metric, direction]) => ({
        key: key!,
        metric: metric!,
        direction: direction as "higher" | "lower",
        unit: "percent",
        nameZh: key!,
        nameEn: key!,
      })),
    });
    expect(await seedAwardPrograms()).toBe("award programmes: 3 created, 1 kept as edited in the app");
    expect(await seedAwardPrograms()).toBe("award programmes: 0 created, 4 kept as edited in the app");
    const metrics = await db.awardProgramMetric.findMany({
      where: { program: { key: "team-spirit" } },
      orderBy: { position: "asc" },
      select: { kpiKey: true, weight: true },
    });
    expect(metrics).toEqual([
      { kpiKey: "csat", weight: 30 },
      { kpiKey: "resolution_rate", weight: 25 },
      { kpiKey: "qa_score", weight: 25 },
      { kpiKey: "feedback_360", weight: 20 },
    ]);
    const now = new Date("2026-12-06T10:00:00+08:00");
    // October has no KPI computation (skipped); November already has boards (kept).
    expect(await seedLeaderboards(now)).toBe(
      "leaderboards: 2026-10 skipped (the month's KPI snapshots are not computed), 2026-11 kept",
    );
    expect(await seedLeaderboards(now)).toBe(
      "leaderboards: 2026-10 skipped (the month's KPI snapshots are not computed), 2026-11 kept",
    );
  });
});
