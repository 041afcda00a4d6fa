/**
 * Level pages through real Requests: deciding proposals (team scope, 409 on a second decision, reason required to
 * reject, approval changes the level with history, audit and a notification), my level, a manager's manual
 * change and ladder edits.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as editAction, loader as editLoader } from "~/routes/levels.$levelId.edit";
import { loader as ladderLoader } from "~/routes/levels._index";
import { action as personAction, loader as personLoader } from "~/routes/levels.people.$userId";
import { loader as rosterLoader } from "~/routes/levels.people._index";
import { action as decideAction, loader as proposalLoader } from "~/routes/levels.proposals.$proposalId";
import { loader as proposalsLoader } from "~/routes/levels.proposals._index";
import { loader as myLevelLoader } from "~/routes/performance.level";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";

let p1: { id: string };
let p2: { id: string };
let m1: { id: string };
let agent: TestUser;
let agentCookie: string;
let otherAgent: TestUser;
let leadCookie: string;
let otherLeadCookie: string;
let managerCookie: string;
let manager: TestUser;
let lead: TestUser;

const evidence = {
  month: "2026-10-01",
  levelCode: "P2",
  met: true,
  criteria: [
    {
      kind: "tenure_months",
      threshold: 3,
      months: null,
      kpiKey: null,
      examSlug: null,
      actual: 7,
      direction: null,
      met: true,
      progress: 1,
    },
    {
      kind: "qa_average",
      threshold: 80,
      months: 3,
      kpiKey: null,
      examSlug: null,
      actual: 91.5,
      direction: null,
      met: true,
      progress: 1,
    },
  ],
};

async function proposalFor(userId: string, period = "2026-10-01") {
  return db.levelProposal.create({
    data: {
      userId,
      kind: "promotion",
      fromLevelId: p1.id,
      toLevelId: p2.id,
      period: new Date(`${period}T00:00:00Z`),
      evidence,
    },
  });
}

beforeAll(async () => {
  p1 = await db.skillLevel.create({
    data: {
      code: "P1",
      track: "professional",
      rank: 1,
      name: "见习客服",
      nameEn: "Trainee Agent",
      payBand: "¥4,000–5,500/月",
      duties: "- 接待咨询",
    },
  });
  p2 = await db.skillLevel.create({
    data: {
      code: "P2",
      track: "professional",
      rank: 2,
      name: "初级客服",
      nameEn: "Junior Agent",
      payBand: "¥5,000–7,000/月",
      criteria: {
        create: [
          { position: 0, kind: "tenure_months", threshold: 3 },
          { position: 1, kind: "qa_average", threshold: 80, months: 3 },
        ],
      },
    },
  });
  m1 = await db.skillLevel.create({
    data: { code: "M1", track: "management", rank: 1, name: "组长", nameEn: "Team Lead", payBand: "¥9,000–13,000/月" },
  });
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
  ({ user: lead, cookie: leadCookie } = await signInAs("team_lead", { name: "刘志强" }));
  ({ cookie: otherLeadCookie } = await signInAs("team_lead", { name: "陈晓燕" }));
  ({ user: manager, cookie: managerCookie } = await signInAs("manager", { name: "王建国" }));
  const team = await db.team.create({ data: { code: "AFT", name: "售后服务组", leadId: lead.id } });
  const otherTeam = await db.team.create({ data: { code: "PRE", name: "售前咨询组" } });
  await db.user.update({ where: { id: lead.id }, data: { teamId: team.id, levelId: m1.id } });
  agent = await createTestUser({ name: "夏丽娟", teamId: team.id });
  await db.user.update({
    where: { id: agent.id },
    data: { levelId: p1.id, hireDate: new Date("2026-03-02T00:00:00Z") },
  });
  agentCookie = await sessionCookieFor(agent.id);
  otherAgent = await createTestUser({ name: "赵雪", teamId: otherTeam.id });
  await db.user.update({ where: { id: otherAgent.id }, data: { levelId: p1.id } });
});

describe("proposal decisions", () => {
  it("lists proposals of the lead's own teams only", async () => {
    const mine = await proposalFor(agent.id);
    const theirs = await proposalFor(otherAgent.id);
    const asLead = await callRoute(proposalsLoader, buildRequest("/levels/proposals", { cookie: leadCookie }));
    const ids = (asLead.data as { proposals: { rows: { id: string }[] } }).proposals.rows.map((row) => row.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const asManager = await callRoute(
      proposalsLoader,
      buildRequest("/levels/proposals?status=all", { cookie: managerCookie }),
    );
    expect((asManager.data as { proposals: { total: number } }).proposals.total).toBe(2);
    const agentTry = await callRoute(proposalsLoader, buildRequest("/levels/proposals", { cookie: agentCookie }));
    expect(agentTry.status).toBe(403);
    await db.levelProposal.delete({ where: { id: theirs.id } });
    await db.levelProposal.delete({ where: { id: mine.id } });
  });

  it("approves: 403 for another team's lead, 400 to reject without a reason, then level + history + audit + notification, 409 twice", async () => {
    const proposal = await proposalFor(agent.id);
    const url = `/levels/proposals/${proposal.id}`;
    const params = { proposalId: proposal.id };

    const view = await callRoute(proposalLoader, buildRequest(url, { cookie: otherLeadCookie }), params);
    expect(view.status).toBe(403);
    const foreign = await callRoute(
      decideAction,
      buildRequest(url, { cookie: otherLeadCookie, form: { intent: "approve" } }),
      params,
    );
    expect(foreign.status).toBe(403);

    const noReason = await callRoute(
      decideAction,
      buildRequest(url, { cookie: leadCookie, form: { intent: "reject", reason: " " } }),
      params,
    );
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.data)).toContain("levels:errors.reasonRequired");

    const shown = await callRoute(proposalLoader, buildRequest(url, { cookie: leadCookie }), params);
    expect(shown.status).toBe(200);
    expect((shown.data as { canDecide: boolean }).canDecide).toBe(true);

    const approved = await callRoute(
      decideAction,
      buildRequest(url, { cookie: leadCookie, form: { intent: "approve" } }),
      params,
    );
    expect(approved.status).toBe(302);
    expect(approved.location).toBe(url);
    const user = await db.user.findUniqueOrThrow({ where: { id: agent.id } });
    expect(user.levelId).toBe(p2.id);
    const stored = await db.levelProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect([stored.status, stored.decidedById]).toEqual(["approved", lead.id]);
    const history = await db.levelHistory.findMany({ where: { userId: agent.id } });
    expect(history.map((row) => [row.fromLevelId, row.toLevelId, row.proposalId, row.changedById])).toEqual([
      [p1.id, p2.id, proposal.id, lead.id],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "level.proposal.approve", entityId: proposal.id },
    });
    expect(audit.actorId).toBe(lead.id);
    const note = await db.notification.findFirstOrThrow({
      where: { userId: agent.id, kind: "levels-promotion-approved" },
    });
    expect(note.params).toEqual({ code: "P2", name: "初级客服" });

    const again = await callRoute(
      decideAction,
      buildRequest(url, { cookie: managerCookie, form: { intent: "reject", reason: "重复处理" } }),
      params,
    );
    expect(again.status).toBe(409);
  });

  it("rejects with a reason, notifies the agent, and a superseded proposal cannot be decided", async () => {
    await db.user.update({ where: { id: agent.id }, data: { levelId: p1.id } });
    const rejected = await proposalFor(agent.id, "2026-11-01");
    const result = await callRoute(
      decideAction,
      buildRequest(`/levels/proposals/${rejected.id}`, {
        cookie: managerCookie,
        form: { intent: "reject", reason: "近期有客户投诉待核实" },
      }),
      { proposalId: rejected.id },
    );
    expect(result.status).toBe(302);
    const stored = await db.levelProposal.findUniqueOrThrow({ where: { id: rejected.id } });
    expect([stored.status, stored.reason]).toEqual(["rejected", "近期有客户投诉待核实"]);
    expect(await db.auditLog.count({ where: { action: "level.proposal.reject", entityId: rejected.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: agent.id, kind: "levels-promotion-rejected" } })).toBe(1);

    const superseded = await db.levelProposal.create({
      data: {
        userId: agent.id,
        kind: "promotion",
        fromLevelId: p1.id,
        toLevelId: p2.id,
        period: new Date("2026-08-01T00:00:00Z"),
        evidence,
        status: "superseded",
      },
    });
    const late = await callRoute(
      decideAction,
      buildRequest(`/levels/proposals/${superseded.id}`, { cookie: leadCookie, form: { intent: "approve" } }),
      { proposalId: superseded.id },
    );
    expect(late.status).toBe(409);
  });

  it("nobody decides their own proposal", async () => {
    const own = await db.levelProposal.create({
      data: {
        userId: lead.id,
        kind: "promotion",
        fromLevelId: m1.id,
        toLevelId: p2.id,
        period: new Date("2026-10-01T00:00:00Z"),
        evidence,
      },
    });
    const result = await callRoute(
      decideAction,
      buildRequest(`/levels/proposals/${own.id}`, { cookie: leadCookie, form: { intent: "approve" } }),
      { proposalId: own.id },
    );
    expect(result.status).toBe(403);
  });
});

describe("my level and people pages", () => {
  it("shows the agent their own level and progress; other people's pages are closed to them", async () => {
    const mine = await callRoute(myLevelLoader, buildRequest("/performance/level", { cookie: agentCookie }));
    expect(mine.status).toBe(200);
    const data = mine.data as {
      level: { code: string; payBand: string };
      next: { code: string };
      progress: { criteria: { kind: string; actual: number | null }[] };
    };
    expect(data.level.code).toBe("P1");
    expect(data.next.code).toBe("P2");
    expect(data.progress.criteria.map((c) => c.kind)).toEqual(["tenure_months", "qa_average"]);
    expect(data.progress.criteria[1]!.actual).toBeNull(); // no reviews: 暂无数据

    const other = await callRoute(
      personLoader,
      buildRequest(`/levels/people/${otherAgent.id}`, { cookie: agentCookie }),
      { userId: otherAgent.id },
    );
    expect(other.status).toBe(403);
    const foreignTeam = await callRoute(
      personLoader,
      buildRequest(`/levels/people/${otherAgent.id}`, { cookie: leadCookie }),
      { userId: otherAgent.id },
    );
    expect(foreignTeam.status).toBe(403);
    const ownTeam = await callRoute(personLoader, buildRequest(`/levels/people/${agent.id}`, { cookie: leadCookie }), {
      userId: agent.id,
    });
    expect(ownTeam.status).toBe(200);
    expect((ownTeam.data as { canChange: boolean }).canChange).toBe(false);
  });

  it("lets a manager change a level by hand with a reason, audited and kept in history", async () => {
    const url = `/levels/people/${otherAgent.id}`;
    const params = { userId: otherAgent.id };
    const byLead = await callRoute(
      personAction,
      buildRequest(url, { cookie: leadCookie, form: { levelId: p2.id, reason: "调岗" } }),
      params,
    );
    expect(byLead.status).toBe(403);
    const noReason = await callRoute(
      personAction,
      buildRequest(url, { cookie: managerCookie, form: { levelId: p2.id, reason: "" } }),
      params,
    );
    expect(noReason.status).toBe(400);
    const same = await callRoute(
      personAction,
      buildRequest(url, { cookie: managerCookie, form: { levelId: p1.id, reason: "保持" } }),
      params,
    );
    expect(same.status).toBe(400);
    const pending = await proposalFor(otherAgent.id, "2026-09-01");
    const changed = await callRoute(
      personAction,
      buildRequest(url, { cookie: managerCookie, form: { levelId: p2.id, reason: "外部招聘，有三年电商客服经验" } }),
      params,
    );
    expect(changed.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: otherAgent.id } })).levelId).toBe(p2.id);
    const history = await db.levelHistory.findFirstOrThrow({ where: { userId: otherAgent.id } });
    expect([history.fromLevelId, history.toLevelId, history.reason, history.changedById]).toEqual([
      p1.id,
      p2.id,
      "外部招聘，有三年电商客服经验",
      manager.id,
    ]);
    expect(await db.auditLog.count({ where: { action: "level.change", entityId: otherAgent.id } })).toBe(1);
    expect((await db.levelProposal.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("superseded");
  });
});

describe("level roster", () => {
  it("lists the lead's own team with levels, searchable; agents are refused", async () => {
    const asLead = await callRoute(rosterLoader, buildRequest("/levels/people", { cookie: leadCookie }));
    const names = (asLead.data as { people: { rows: { name: string }[] } }).people.rows.map((row) => row.name);
    expect(names).toContain("夏丽娟");
    expect(names).not.toContain("赵雪");
    const search = await callRoute(rosterLoader, buildRequest("/levels/people?q=%E8%B5%B5", { cookie: managerCookie }));
    expect((search.data as { people: { rows: { name: string }[] } }).people.rows.map((row) => row.name)).toEqual([
      "赵雪",
    ]);
    expect((await callRoute(rosterLoader, buildRequest("/levels/people", { cookie: agentCookie }))).status).toBe(403);
  });
});

describe("ladder", () => {
  it("shows the ladder with holders to leads; only managers edit, with validated criteria", async () => {
    const ladder = await callRoute(ladderLoader, buildRequest("/levels", { cookie: leadCookie }));
    expect(ladder.status).toBe(200);
    const levels = ladder.data as { levels: { code: string; holders: number }[]; canEdit: boolean };
    expect(levels.canEdit).toBe(false);
    expect(levels.levels.find((level) => level.code === "M1")?.holders).toBe(1);

    const url = `/levels/${p2.id}/edit`;
    const params = { levelId: p2.id };
    expect((await callRoute(editLoader, buildRequest(url, { cookie: leadCookie }), params)).status).toBe(403);
    const base = { name: "初级客服", nameEn: "Junior Agent", payBand: "¥5,500–7,500/月", duties: "- 独立接待咨询" };
    const badRange = await callRoute(
      editAction,
      buildRequest(url, {
        cookie: managerCookie,
        form: { ...base, "criteria[0].kind": "qa_average", "criteria[0].threshold": "120", "criteria[0].months": "3" },
      }),
      params,
    );
    expect(badRange.status).toBe(400);
    expect(JSON.stringify(badRange.data)).toContain("levels:errors.range.qa_average");
    const unknownKpi = await callRoute(
      editAction,
      buildRequest(url, {
        cookie: managerCookie,
        form: {
          ...base,
          "criteria[0].kind": "kpi",
          "criteria[0].kpiKey": "nps",
          "criteria[0].threshold": "90",
          "criteria[0].months": "3",
        },
      }),
      params,
    );
    expect(unknownKpi.status).toBe(400);
    expect(JSON.stringify(unknownKpi.data)).toContain("levels:errors.kpiKey");
    const saved = await callRoute(
      editAction,
      buildRequest(url, {
        cookie: managerCookie,
        form: {
          ...base,
          demoteBelow: "on",
          "criteria[0].kind": "tenure_months",
          "criteria[0].threshold": "4",
          "criteria[1].kind": "kpi",
          "criteria[1].kpiKey": "csat",
          "criteria[1].threshold": "88",
          "criteria[1].months": "3",
        },
      }),
      params,
    );
    expect(saved.status).toBe(302);
    const level = await db.skillLevel.findUniqueOrThrow({
      where: { id: p2.id },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    expect([level.payBand, level.demoteBelow]).toEqual(["¥5,500–7,500/月", true]);
    expect(level.criteria.map((c) => [c.kind, c.threshold?.toNumber() ?? null, c.months, c.kpiKey])).toEqual([
      ["tenure_months", 4, null, null],
      ["kpi", 88, 3, "csat"],
    ]);
    expect(await db.auditLog.count({ where: { action: "level.update", entityId: p2.id } })).toBe(1);
  });
});
