/**
 * The award cycle workflow through the review page's action: the state machine (409 out of order), exclusion and
 * nomination need reasons (400), leads nominate only their team (403), audit rows, publishing (winners, serials,
 * notifications, ledger bonuses), late data after publication changing nothing, and agents kept off manager pages.
 *
 * Five agents of 售前咨询组 in November 2026 (CSAT with 40–60 ratings each, 30+ conversations) plus one with too few
 * conversations; the programme picks two winners with a ¥500 bonus.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { computeAwardCycle } from "~/modules/awards/compute.server";
import { currentPayrollMonth, monthStart } from "~/modules/ledger/entries.server";
import { db } from "~/utils/db.server";
import { action as cycleAction, loader as cycleLoader } from "~/routes/awards.cycles.$cycleId";
import { action as cyclesAction, loader as cyclesLoader } from "~/routes/awards.cycles._index";
import { action as nominationsAction } from "~/routes/awards.nominations";
import { loader as honoursLoader } from "~/routes/honours._index";
import { loader as certificateLoader } from "~/routes/honours.certificates.$candidateId";
import { buildRequest, callRoute, createTestUser, sessionCookieFor } from "../support/auth";

const NOV = new Date("2026-11-01T00:00:00Z");
const AGENTS: [code: string, csat: number, conversations: number][] = [
  ["C001", 97, 60],
  ["C002", 93, 55],
  ["C003", 90, 70],
  ["C004", 85, 40],
  ["C005", 80, 45],
  ["C006", 100, 5],
];
const ids: Record<string, string> = {};
let teamId = "";
let otherTeamId = "";
let programId = "";
let managerCookie = "";
let leadCookie = "";
let agentCookie = "";

async function snapshot(subjectId: string, metric: string, value: number, sampleSize: number) {
  await db.kpiSnapshot.create({
    data: { periodKind: "month", periodStart: NOV, subjectKind: "agent", subjectId, metric, value, sampleSize },
  });
}

beforeAll(async () => {
  for (const [key, metric] of [
    ["csat", "csat_percent"],
    ["conversations", "conversations_handled"],
  ] as const) {
    await db.kpiDefinition.create({
      data: { key, metric, direction: "higher", unit: key === "csat" ? "percent" : "count", nameZh: key, nameEn: key },
    });
  }
  teamId = (await db.team.create({ data: { code: "PRE", name: "售前咨询组" } })).id;
  otherTeamId = (await db.team.create({ data: { code: "AFT", name: "售后服务组" } })).id;
  for (const [code, csat, conversations] of AGENTS) {
    const user = await createTestUser({ externalId: code, name: `客服${code}`, teamId });
    ids[code] = user.id;
    await db.user.update({ where: { id: user.id }, data: { hireDate: new Date("2022-01-01T00:00:00Z") } });
    await snapshot(user.id, "csat_percent", csat, 50);
    await snapshot(user.id, "conversations_handled", conversations, conversations);
    await snapshot(user.id, "red_line_incidents", 0, 2);
  }
  ids.outsider = (await createTestUser({ externalId: "D001", name: "客服D001", teamId: otherTeamId })).id;
  await db.kpiComputation.create({
    data: { periodKind: "month", periodStart: NOV, finishedAt: new Date(), rows: 18, trigger: "manual" },
  });
  programId = (
    await db.awardProgram.create({
      data: {
        key: "monthly-service-star",
        name: "月度服务之星",
        cadence: "month",
        priorStrength: 10,
        minConversations: 20,
        excludeRedLine: true,
        winnerCount: 2,
        bonusAmount: 500,
        certificateText: "{name} 荣获{period}「{program}」",
        metrics: { create: [{ kpiKey: "csat", weight: 1 }] },
      },
    })
  ).id;
  const manager = await createTestUser({ roles: ["manager"] });
  managerCookie = await sessionCookieFor(manager.id);
  const lead = await createTestUser({ roles: ["team_lead"], teamId });
  await db.team.update({ where: { id: teamId }, data: { leadId: lead.id } });
  leadCookie = await sessionCookieFor(lead.id);
  agentCookie = await sessionCookieFor(ids.C004!);
});

const post = (cycleId: string, form: Record<string, string>, cookie = managerCookie) =>
  callRoute(cycleAction, buildRequest(`/awards/cycles/${cycleId}`, { cookie, form }), { cycleId });

async function candidateOf(cycleId: string, code: string) {
  return db.awardCandidate.findUniqueOrThrow({
    where: { cycleId_subjectId: { cycleId, subjectId: ids[code]! } },
    select: {
      id: true,
      rank: true,
      eligible: true,
      excluded: true,
      nominated: true,
      winner: true,
      certificateSerial: true,
      citation: true,
    },
  });
}

describe("award cycle workflow", () => {
  let cycleId = "";

  it("creates a cycle once per programme and period", async () => {
    const created = await callRoute(
      cyclesAction,
      buildRequest("/awards/cycles", {
        cookie: managerCookie,
        form: { intent: "create", programId, period: "2026-11" },
      }),
    );
    expect(created.status).toBe(302);
    cycleId = created.location!.split("/").pop()!;
    const again = await callRoute(
      cyclesAction,
      buildRequest("/awards/cycles", {
        cookie: managerCookie,
        form: { intent: "create", programId, period: "2026-11" },
      }),
    );
    expect(again.status).toBe(409);
    const wrongKind = await callRoute(
      cyclesAction,
      buildRequest("/awards/cycles", {
        cookie: managerCookie,
        form: { intent: "create", programId, period: "2026-Q4" },
      }),
    );
    expect(wrongKind.status).toBe(400);
  });

  it("refuses steps out of order with 409", async () => {
    expect((await post(cycleId, { intent: "startReview" })).status).toBe(409);
    expect((await post(cycleId, { intent: "approve" })).status).toBe(409);
    expect((await post(cycleId, { intent: "publish" })).status).toBe(409);
  });

  it("reviews: exclusion and nomination need a reason; leads nominate only their team", async () => {
    expect((await computeAwardCycle(cycleId, null)).ok).toBe(true);
    expect((await candidateOf(cycleId, "C006")).eligible).toBe(false);
    const first = await candidateOf(cycleId, "C001");
    expect(first.rank).toBe(1);
    // Not under review yet: decisions wait for the review.
    expect((await post(cycleId, { intent: "exclude", candidateId: first.id, reason: "x" })).status).toBe(409);
    expect((await post(cycleId, { intent: "startReview" })).status).toBe(302);
    expect((await post(cycleId, { intent: "compute" })).status).toBe(409);

    const empty = await post(cycleId, { intent: "exclude", candidateId: first.id, reason: "  " });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ errors: ["awards:cycles.errors.reason"] });
    const excluded = await post(cycleId, {
      intent: "exclude",
      candidateId: first.id,
      reason: "本月有一次经核实的客户投诉，暂缓评选",
    });
    expect(excluded.status).toBe(302);
    expect((await candidateOf(cycleId, "C001")).excluded).toBe(true);

    const noReason = await callRoute(
      nominationsAction,
      buildRequest("/awards/nominations", { cookie: leadCookie, form: { cycleId, subjectId: ids.C006!, reason: "" } }),
    );
    expect(noReason.status).toBe(400);
    const otherTeam = await callRoute(
      nominationsAction,
      buildRequest("/awards/nominations", {
        cookie: leadCookie,
        form: { cycleId, subjectId: ids.outsider!, reason: "跨组支援表现突出" },
      }),
    );
    expect(otherTeam.status).toBe(403);
    const nominated = await callRoute(
      nominationsAction,
      buildRequest("/awards/nominations", {
        cookie: leadCookie,
        form: { cycleId, subjectId: ids.C006!, reason: "双十一大促期间主动加班支援夜班" },
      }),
    );
    expect(nominated.status).toBe(302);
    expect((await candidateOf(cycleId, "C006")).nominated).toBe(true);

    const actions = await db.auditLog.findMany({
      where: { entityType: "AwardCycle", entityId: cycleId },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        "award.cycle.create",
        "award.cycle.compute",
        "award.cycle.review",
        "award.candidate.exclude",
        "award.candidate.nominate",
      ]),
    );
  });

  it("approves: the nominee takes a slot, the excluded leader does not win", async () => {
    expect((await post(cycleId, { intent: "approve" })).status).toBe(302);
    const winners = await db.awardCandidate.findMany({
      where: { cycleId, winner: true },
      select: { subjectId: true, citation: true },
    });
    expect(winners.map((winner) => winner.subjectId).sort()).toEqual([ids.C002!, ids.C006!].sort());
    expect(winners.find((winner) => winner.subjectId === ids.C002)!.citation).toBe(
      "客服C002 荣获2026年11月「月度服务之星」",
    );
    expect(
      (await post(cycleId, { intent: "exclude", candidateId: (await candidateOf(cycleId, "C003")).id, reason: "晚了" }))
        .status,
    ).toBe(409);
  });

  it("publishes: serials, notifications, bonuses, honour roll and certificate", async () => {
    expect((await post(cycleId, { intent: "publish", inviteStories: "on" })).status).toBe(302);
    const winner = await candidateOf(cycleId, "C002");
    expect(winner.certificateSerial).toMatch(/^AW-\d{4}-\d{6}$/);
    const notifications = await db.notification.findMany({ where: { userId: ids.C002! }, select: { kind: true } });
    expect(notifications.map((row) => row.kind).sort()).toEqual(["awards-story-invite", "awards-won"]);
    const bonuses = await db.ledgerEntry.findMany({
      where: { kind: "award_bonus" },
      select: { userId: true, amount: true, status: true, periodStart: true },
    });
    expect(bonuses).toHaveLength(2);
    // Booked in the payroll month of publication (today), not the award's own month.
    expect(bonuses.every((entry) => entry.periodStart.getTime() === monthStart(currentPayrollMonth()).getTime())).toBe(
      true,
    );
    expect(bonuses.every((entry) => Number(entry.amount) === 500 && entry.status === "approved")).toBe(true);
    expect((await post(cycleId, { intent: "publish" })).status).toBe(409);

    const honours = await callRoute(honoursLoader, buildRequest("/honours", { cookie: agentCookie }));
    expect(honours.status).toBe(200);
    const names = (
      honours.data as { honours: { cycles: { winners: { name: string }[] }[] } }
    ).honours.cycles[0]!.winners.map((entry) => entry.name);
    expect(names.sort()).toEqual(["客服C002", "客服C006"]);
    const certificate = await callRoute(
      certificateLoader,
      buildRequest(`/honours/certificates/${winner.id}`, { cookie: agentCookie }),
      { candidateId: winner.id },
    );
    expect(certificate.status).toBe(200);
    const loser = await candidateOf(cycleId, "C003");
    const none = await callRoute(
      certificateLoader,
      buildRequest(`/honours/certificates/${loser.id}`, { cookie: agentCookie }),
      { candidateId: loser.id },
    );
    expect(none.status).toBe(404);
  });

  it("late data after publication changes nothing", async () => {
    const before = await db.awardCandidate.findMany({
      where: { cycleId },
      orderBy: { subjectId: "asc" },
      select: { subjectId: true, rank: true, composite: true, winner: true, inputs: true },
    });
    await db.kpiSnapshot.updateMany({
      where: { subjectId: ids.C005!, metric: "csat_percent" },
      data: { value: 100, sampleSize: 500 },
    });
    expect((await computeAwardCycle(cycleId, null)).ok).toBe(false);
    expect((await post(cycleId, { intent: "compute" })).status).toBe(409);
    const after = await db.awardCandidate.findMany({
      where: { cycleId },
      orderBy: { subjectId: "asc" },
      select: { subjectId: true, rank: true, composite: true, winner: true, inputs: true },
    });
    expect(after).toEqual(before);
    expect((await post(cycleId, { intent: "close" })).status).toBe(302);
    expect((await db.awardCycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe("closed");
  });

  it("publishes a team award: every active member gets an equal share of the bonus, in fen", async () => {
    const Q4 = new Date("2026-10-01T00:00:00Z");
    for (const [subjectId, csat] of [
      [teamId, 92],
      [otherTeamId, 88],
    ] as const) {
      await db.kpiSnapshot.create({
        data: {
          periodKind: "quarter",
          periodStart: Q4,
          subjectKind: "team",
          subjectId,
          metric: "csat_percent",
          value: csat,
          sampleSize: 300,
        },
      });
      await db.kpiSnapshot.create({
        data: {
          periodKind: "quarter",
          periodStart: Q4,
          subjectKind: "team",
          subjectId,
          metric: "conversations_handled",
          value: 300,
          sampleSize: 300,
        },
      });
    }
    await db.kpiComputation.create({
      data: { periodKind: "quarter", periodStart: Q4, finishedAt: new Date(), rows: 4, trigger: "manual" },
    });
    const teamProgram = await db.awardProgram.create({
      data: {
        key: "team-spirit",
        name: "最佳团队精神奖",
        subjectKind: "team",
        cadence: "quarter",
        excludeRedLine: false,
        winnerCount: 1,
        bonusAmount: 1000,
        certificateText: "{name} 荣获{period}「{program}」",
        metrics: { create: [{ kpiKey: "csat", weight: 1 }] },
      },
    });
    const created = await callRoute(
      cyclesAction,
      buildRequest("/awards/cycles", {
        cookie: managerCookie,
        form: { intent: "create", programId: teamProgram.id, period: "2026-Q4" },
      }),
    );
    expect(created.status).toBe(302);
    const teamCycleId = created.location!.split("/").pop()!;
    expect((await computeAwardCycle(teamCycleId, null)).ok).toBe(true);
    for (const intent of ["startReview", "approve", "publish"]) {
      expect((await post(teamCycleId, { intent })).status).toBe(302);
    }
    const winner = await db.awardCandidate.findFirstOrThrow({
      where: { cycleId: teamCycleId, winner: true },
      select: { id: true, teamId: true },
    });
    expect(winner.teamId).toBe(teamId);
    const shares = await db.ledgerEntry.findMany({
      where: { awardCandidateId: winner.id },
      select: { userId: true, amount: true },
    });
    const members = await db.user.findMany({ where: { teamId, status: "active" }, select: { id: true } });
    // 100,000 fen over the team's 7 active members (six agents and the lead) = 14,285 fen each, 5 fen left over:
    // one more fen for each of the first five by 工号.
    expect(members).toHaveLength(7);
    expect(shares.map((share) => share.userId).sort()).toEqual(members.map((member) => member.id).sort());
    const amounts = shares.map((share) => Number(share.amount)).sort();
    expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBeCloseTo(1000, 2);
    expect(amounts).toEqual([142.85, 142.85, 142.86, 142.86, 142.86, 142.86, 142.86]);
  });

  it("keeps agents and leads off the manager pages", async () => {
    for (const cookie of [agentCookie, leadCookie]) {
      expect((await callRoute(cyclesLoader, buildRequest("/awards/cycles", { cookie }))).status).toBe(403);
      expect(
        (await callRoute(cycleLoader, buildRequest(`/awards/cycles/${cycleId}`, { cookie }), { cycleId })).status,
      ).toBe(403);
      expect((await post(cycleId, { intent: "close" }, cookie)).status).toBe(403);
    }
  });
});
