/**
 * What the boards show to whom, through the page loaders: an agent sees the top N and their own row (their own KPI
 * values only), the whole board only when a manager turns it on (still without other people's KPI values), and a
 * lead sees their team's board in full. Twelve agents of one team in November 2026 with distinctive CSAT values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { computeLeaderboards } from "~/modules/awards/leaderboard.server";
import { parsePeriodKey } from "~/modules/kpi/periods";
import { db } from "~/utils/db.server";
import { loader as leaderboardLoader } from "~/routes/leaderboard";
import { action as settingsAction } from "~/routes/awards.settings";
import { loader as rankLoader } from "~/routes/performance.rank";
import { buildRequest, callRoute, createTestUser, sessionCookieFor } from "../support/auth";

const NOV = new Date("2026-11-01T00:00:00Z");
// CSAT with two decimals nobody would compute by chance, so a leak shows up in the serialised page data.
const CSAT = [97.13, 95.71, 94.29, 92.87, 91.43, 89.97, 88.57, 87.11, 85.73, 84.29, 82.83, 81.47];
const ids: string[] = [];
let teamId = "";
let agentCookie = "";
let managerCookie = "";
let leadCookie = "";

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
  for (const [index, csat] of CSAT.entries()) {
    const user = await createTestUser({ externalId: `B${String(index + 1).padStart(3, "0")}`, teamId });
    ids.push(user.id);
    await db.user.update({ where: { id: user.id }, data: { hireDate: new Date("2022-01-01T00:00:00Z") } });
    for (const [metric, value, sampleSize] of [
      ["csat_percent", csat, 80],
      ["conversations_handled", 60, 60],
    ] as const) {
      await db.kpiSnapshot.create({
        data: {
          periodKind: "month",
          periodStart: NOV,
          subjectKind: "agent",
          subjectId: user.id,
          metric,
          value,
          sampleSize,
        },
      });
    }
  }
  await db.kpiComputation.create({
    data: { periodKind: "month", periodStart: NOV, finishedAt: new Date(), rows: 24, trigger: "manual" },
  });
  await db.awardProgram.create({
    data: {
      key: "monthly-service-star",
      name: "月度服务之星",
      cadence: "month",
      priorStrength: 0,
      minConversations: 20,
      winnerCount: 3,
      metrics: { create: [{ kpiKey: "csat", weight: 1 }] },
    },
  });
  await db.incentiveSettings.create({
    data: { id: 1, leaderboardProgramKey: "monthly-service-star", agentTopN: 3, fullBoardVisible: false },
  });
  expect((await computeLeaderboards(parsePeriodKey("2026-11")!)).ok).toBe(true);
  agentCookie = await sessionCookieFor(ids[9]!); // 10th of 12
  const manager = await createTestUser({ roles: ["manager"] });
  managerCookie = await sessionCookieFor(manager.id);
  const lead = await createTestUser({ roles: ["team_lead"], teamId });
  await db.team.update({ where: { id: teamId }, data: { leadId: lead.id } });
  leadCookie = await sessionCookieFor(lead.id);
});

type RankData = {
  view: {
    company: {
      ok: true;
      visibility: string;
      rows: { userId: string; metrics: unknown[] | null }[];
      me: { rank: number };
    };
    explanation: { rank: number; kpis: { myValue: number | null }[] } | null;
  };
};

// "Why my rank" shows the leader's value and the value that would lift them past the next rank (here rank 8’s) on purpose;
// every other person's value must stay on the server.
const othersCsat = CSAT.filter((_, index) => ![0, 7, 9].includes(index)).map(String);

describe("boards", () => {
  it("an agent sees the top N and their own row, and only their own KPI values", async () => {
    const result = await callRoute(
      rankLoader,
      buildRequest("/performance/rank?month=2026-11", { cookie: agentCookie }),
    );
    expect(result.status).toBe(200);
    const data = result.data as RankData;
    expect(data.view.company.visibility).toBe("top");
    expect(data.view.company.rows.map((row) => row.userId)).toEqual(ids.slice(0, 3));
    expect(data.view.company.rows.every((row) => row.metrics === null)).toBe(true);
    expect(data.view.company.me.rank).toBe(10);
    expect(data.view.explanation!.rank).toBe(10);
    expect(data.view.explanation!.kpis[0]!.myValue).toBeCloseTo(84.29, 2);
    const serialised = JSON.stringify(result.data);
    for (const value of othersCsat) expect(serialised).not.toContain(value);
    for (const id of ids.slice(3, 9)) expect(serialised).not.toContain(id);
  });

  it("shows agents the whole board once a manager turns it on, still without others' KPI values", async () => {
    const saved = await callRoute(
      settingsAction,
      buildRequest("/awards/settings", {
        cookie: managerCookie,
        form: { leaderboardProgramKey: "monthly-service-star", agentTopN: "3", fullBoardVisible: "on" },
      }),
    );
    expect(saved.status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "award.leaderboard.settings" } })).toBe(1);
    const result = await callRoute(
      rankLoader,
      buildRequest("/performance/rank?month=2026-11", { cookie: agentCookie }),
    );
    const data = result.data as RankData;
    expect(data.view.company.visibility).toBe("full");
    expect(data.view.company.rows).toHaveLength(12);
    const serialised = JSON.stringify(result.data);
    for (const value of othersCsat) expect(serialised).not.toContain(value);
  });

  it("lets a lead read their team's board in full and refuses other boards", async () => {
    const result = await callRoute(
      leaderboardLoader,
      buildRequest("/leaderboard?month=2026-11", { cookie: leadCookie }),
    );
    expect(result.status).toBe(200);
    const board = (result.data as { board: { visibility: string; rows: { metrics: unknown[] | null }[] } }).board;
    expect(board.visibility).toBe("full");
    expect(board.rows).toHaveLength(12);
    expect(board.rows.every((row) => Array.isArray(row.metrics))).toBe(true);
    const other = await callRoute(
      leaderboardLoader,
      buildRequest("/leaderboard?scope=team:someone-else", { cookie: leadCookie }),
    );
    expect(other.status).toBe(403);
    const agent = await callRoute(leaderboardLoader, buildRequest("/leaderboard", { cookie: agentCookie }));
    expect(agent.status).toBe(403);
  });

  it("rejects a top N out of range", async () => {
    const result = await callRoute(
      settingsAction,
      buildRequest("/awards/settings", {
        cookie: managerCookie,
        form: { leaderboardProgramKey: "monthly-service-star", agentTopN: "0" },
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ fieldErrors: { agentTopN: ["awards:settings.errors.topN"] } });
  });
});
