/**
 * The ledger through real Requests: proposing (team scope, validation), four-eyes approval, notifications,
 * corrections that keep the original, appeals with their 409s, the payroll CSV and who may see what.
 * Nothing is ever deleted: row counts only grow.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as appealDecideAction, loader as appealLoader } from "~/routes/ledger.appeals.$appealId";
import { loader as appealsLoader } from "~/routes/ledger.appeals._index";
import { action as entryAction, loader as entryLoader } from "~/routes/ledger.$entryId";
import { loader as exportLoader } from "~/routes/ledger.export[.csv]";
import { loader as listLoader } from "~/routes/ledger._index";
import { action as newAction, loader as newLoader } from "~/routes/ledger.new";
import { action as myEntryAction, loader as myEntryLoader } from "~/routes/performance.ledger.$entryId";
import { loader as myLedgerLoader } from "~/routes/performance.ledger._index";
import { recordAwardBonus } from "~/modules/ledger/award-bonus.server";
import { currentPayrollMonth } from "~/modules/ledger/entries.server";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";

let lead: TestUser;
let leadCookie: string;
let manager: TestUser;
let managerCookie: string;
let secondManagerCookie: string;
let agent: TestUser;
let agentCookie: string;
let otherAgent: TestUser;
let otherAgentCookie: string;
const month = currentPayrollMonth();

async function counts() {
  const [entries, appeals] = await Promise.all([db.ledgerEntry.count(), db.ledgerAppeal.count()]);
  return { entries, appeals };
}

async function propose(cookie: string, form: Record<string, string>) {
  return callRoute(
    newAction,
    buildRequest("/ledger/new", { cookie, form: { month, amount: "0", points: "0", ...form } }),
  );
}

async function proposeAndGetId(cookie: string, form: Record<string, string>) {
  const result = await propose(cookie, form);
  expect(result.status).toBe(302);
  return result.location!.split("/").pop()!;
}

async function approve(entryId: string, cookie = managerCookie) {
  return callRoute(entryAction, buildRequest(`/ledger/${entryId}`, { cookie, form: { intent: "approve" } }), {
    entryId,
  });
}

beforeAll(async () => {
  ({ user: lead, cookie: leadCookie } = await signInAs("team_lead", { name: "刘志强" }));
  ({ user: manager, cookie: managerCookie } = await signInAs("manager", { name: "王建国" }));
  ({ cookie: secondManagerCookie } = await signInAs("manager", { name: "孙丽" }));
  const team = await db.team.create({ data: { code: "AFTL", name: "售后服务组", leadId: lead.id } });
  const otherTeam = await db.team.create({ data: { code: "PREL", name: "售前咨询组" } });
  await db.user.update({ where: { id: lead.id }, data: { teamId: team.id } });
  agent = await createTestUser({ name: "夏丽娟", teamId: team.id });
  agentCookie = await sessionCookieFor(agent.id);
  otherAgent = await createTestUser({ name: "赵雪", teamId: otherTeam.id });
  otherAgentCookie = await sessionCookieFor(otherAgent.id);
});

describe("proposing", () => {
  it("lets a lead propose for their team only, with validation", async () => {
    const before = await counts();
    const people = await callRoute(newLoader, buildRequest("/ledger/new?q=夏", { cookie: leadCookie }));
    expect((people.data as { people: { id: string }[] }).people.map((p) => p.id)).toEqual([agent.id]);

    const invalid = await propose(leadCookie, {
      userId: agent.id,
      kind: "bonus",
      reason: "好",
      evidenceUrl: "javascript:alert(1)",
    });
    expect(invalid.status).toBe(400);
    const errors = (invalid.data as { error: Record<string, string[]> }).error;
    expect(errors.reason).toEqual(["ledger:errors.reasonRequired"]);
    expect(errors.evidenceUrl).toEqual(["ledger:errors.evidence"]);
    expect(errors.amount).toEqual(["ledger:errors.nothing"]);

    const outside = await propose(leadCookie, {
      userId: otherAgent.id,
      kind: "bonus",
      amount: "100",
      reason: "客户表扬",
    });
    expect(outside.status).toBe(403);
    const self = await propose(managerCookie, {
      userId: manager.id,
      kind: "bonus",
      amount: "100",
      reason: "自己奖励自己",
    });
    expect(self.status).toBe(403);
    const agentTry = await propose(agentCookie, {
      userId: otherAgent.id,
      kind: "bonus",
      amount: "1",
      reason: "互相奖励",
    });
    expect(agentTry.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("stores deductions negative and waits for approval", async () => {
    const id = await proposeAndGetId(leadCookie, {
      userId: agent.id,
      kind: "performance_deduction",
      amount: "200",
      points: "3",
      reason: "11 月 12 日未按流程核实身份即修改收货地址",
      evidenceUrl: "/qa/reviews/demo",
    });
    const entry = await db.ledgerEntry.findUniqueOrThrow({ where: { id } });
    expect(Number(entry.amount)).toBe(-200);
    expect(entry.points).toBe(-3);
    expect(entry.status).toBe("proposed");
    expect(entry.proposedById).toBe(lead.id);
    const audit = await db.auditLog.findFirst({ where: { action: "ledger.entry.propose", entityId: id } });
    expect(audit).not.toBeNull();
    // agents do not see proposals about them until they are approved
    expect(
      (
        await callRoute(myEntryLoader, buildRequest(`/performance/ledger/${id}`, { cookie: agentCookie }), {
          entryId: id,
        })
      ).status,
    ).toBe(404);
  });
});

describe("deciding", () => {
  it("refuses self-approval, approves once, notifies the person, then 409", async () => {
    const id = await proposeAndGetId(managerCookie, {
      userId: agent.id,
      kind: "bonus",
      amount: "300",
      reason: "双十一期间好评率第一",
    });
    const own = await approve(id, managerCookie);
    expect(own.status).toBe(403);
    const page = await callRoute(entryLoader, buildRequest(`/ledger/${id}`, { cookie: managerCookie }), {
      entryId: id,
    });
    expect((page.data as { canDecide: boolean; ownProposal: boolean }).canDecide).toBe(false);

    const lead403 = await approve(id, leadCookie);
    expect(lead403.status).toBe(403);

    const ok = await approve(id, secondManagerCookie);
    expect(ok.status).toBe(302);
    const entry = await db.ledgerEntry.findUniqueOrThrow({ where: { id } });
    expect(entry.status).toBe("approved");
    expect(entry.decidedAt).not.toBeNull();
    const notice = await db.notification.findFirst({ where: { userId: agent.id, kind: "ledger-entry-approved" } });
    expect(notice?.link).toBe(`/performance/ledger/${id}`);

    const again = await approve(id, managerCookie);
    expect(again.status).toBe(409);
    expect((again.data as { error: { "": string[] } }).error[""]).toEqual(["ledger:refusals.not-proposed"]);
  });

  it("needs a note to reject and tells the proposer", async () => {
    const id = await proposeAndGetId(leadCookie, {
      userId: agent.id,
      kind: "bonus",
      amount: "50",
      reason: "帮同事顶班",
    });
    const noNote = await callRoute(
      entryAction,
      buildRequest(`/ledger/${id}`, { cookie: managerCookie, form: { intent: "reject" } }),
      { entryId: id },
    );
    expect(noNote.status).toBe(400);
    const rejected = await callRoute(
      entryAction,
      buildRequest(`/ledger/${id}`, { cookie: managerCookie, form: { intent: "reject", note: "顶班已按加班费结算" } }),
      { entryId: id },
    );
    expect(rejected.status).toBe(302);
    expect((await db.ledgerEntry.findUniqueOrThrow({ where: { id } })).status).toBe("rejected");
    expect(await db.notification.count({ where: { userId: lead.id, kind: "ledger-entry-rejected" } })).toBe(1);
  });
});

describe("corrections", () => {
  it("adds a correction entry and keeps the original; never across zero", async () => {
    const id = await proposeAndGetId(leadCookie, {
      userId: agent.id,
      kind: "performance_deduction",
      amount: "100",
      points: "2",
      reason: "迟到三次",
    });
    await approve(id);
    const before = await counts();
    const across = await callRoute(
      entryAction,
      buildRequest(`/ledger/${id}`, {
        cookie: managerCookie,
        form: { intent: "correct", amount: "150", points: "0", month, reason: "考勤数据有误" },
      }),
      { entryId: id },
    );
    expect(across.status).toBe(409);
    const corrected = await callRoute(
      entryAction,
      buildRequest(`/ledger/${id}`, {
        cookie: managerCookie,
        form: { intent: "correct", amount: "40", points: "1", month, reason: "其中一次为系统故障" },
      }),
      { entryId: id },
    );
    expect(corrected.status).toBe(302);
    const original = await db.ledgerEntry.findUniqueOrThrow({ where: { id } });
    expect(Number(original.amount)).toBe(-100);
    expect(original.points).toBe(-2);
    const page = await callRoute(entryLoader, buildRequest(`/ledger/${id}`, { cookie: leadCookie }), { entryId: id });
    const entry = (page.data as { entry: { net: { amount: number; points: number }; corrections: unknown[] } }).entry;
    expect(entry.net).toEqual({ amount: -60, points: -1 });
    expect(entry.corrections).toHaveLength(1);
    const after = await counts();
    expect(after.entries).toBe(before.entries + 1);
  });
});

describe("appeals", () => {
  it("runs open → 409 duplicate → withdraw → reopen → accepted (partial) with a correction and a notification", async () => {
    const id = await proposeAndGetId(leadCookie, {
      userId: agent.id,
      kind: "public_criticism",
      amount: "0",
      points: "5",
      reason: "会话中使用不文明用语（红线）",
    });
    // not approved yet: nothing to appeal
    const early = await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${id}`, {
        cookie: agentCookie,
        form: { intent: "appeal", reason: "客户先辱骂，我只是复述" },
      }),
      { entryId: id },
    );
    expect(early.status).toBe(404);
    await approve(id);

    const view = await callRoute(myEntryLoader, buildRequest(`/performance/ledger/${id}`, { cookie: agentCookie }), {
      entryId: id,
    });
    expect((view.data as { appealable: boolean }).appealable).toBe(true);
    const someoneElse = await callRoute(
      myEntryLoader,
      buildRequest(`/performance/ledger/${id}`, { cookie: otherAgentCookie }),
      { entryId: id },
    );
    expect(someoneElse.status).toBe(404);

    const filed = await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${id}`, {
        cookie: agentCookie,
        form: { intent: "appeal", reason: "客户先辱骂，我只是复述客户原话" },
      }),
      { entryId: id },
    );
    expect(filed.status).toBe(302);
    expect(
      await db.notification.count({ where: { kind: "ledger-appeal-opened", userId: manager.id } }),
    ).toBeGreaterThan(0);
    const duplicate = await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${id}`, {
        cookie: agentCookie,
        form: { intent: "appeal", reason: "再提交一次申诉" },
      }),
      { entryId: id },
    );
    expect(duplicate.status).toBe(409);

    const first = await db.ledgerAppeal.findFirstOrThrow({ where: { entryId: id, status: "open" } });
    const withdrawn = await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${id}`, {
        cookie: agentCookie,
        form: { intent: "withdraw", appealId: first.id },
      }),
      { entryId: id },
    );
    expect(withdrawn.status).toBe(302);
    const twice = await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${id}`, {
        cookie: agentCookie,
        form: { intent: "withdraw", appealId: first.id },
      }),
      { entryId: id },
    );
    expect(twice.status).toBe(409);

    await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${id}`, {
        cookie: agentCookie,
        form: { intent: "appeal", reason: "补充录音证据：客户先辱骂" },
      }),
      { entryId: id },
    );
    const appeal = await db.ledgerAppeal.findFirstOrThrow({ where: { entryId: id, status: "open" } });

    const list = await callRoute(appealsLoader, buildRequest("/ledger/appeals", { cookie: managerCookie }));
    expect((list.data as { appeals: { rows: { id: string }[] } }).appeals.rows.map((row) => row.id)).toContain(
      appeal.id,
    );
    expect(
      (
        await callRoute(appealLoader, buildRequest(`/ledger/appeals/${appeal.id}`, { cookie: leadCookie }), {
          appealId: appeal.id,
        })
      ).status,
    ).toBe(403);

    const tooMuch = await callRoute(
      appealDecideAction,
      buildRequest(`/ledger/appeals/${appeal.id}`, {
        cookie: managerCookie,
        form: { intent: "accept", amount: "0", points: "6", response: "核实录音后部分撤销" },
      }),
      { appealId: appeal.id },
    );
    expect(tooMuch.status).toBe(400);
    const accepted = await callRoute(
      appealDecideAction,
      buildRequest(`/ledger/appeals/${appeal.id}`, {
        cookie: managerCookie,
        form: { intent: "accept", amount: "0", points: "3", response: "核实录音后部分撤销" },
      }),
      { appealId: appeal.id },
    );
    expect(accepted.status).toBe(302);
    const decided = await db.ledgerAppeal.findUniqueOrThrow({ where: { id: appeal.id } });
    expect(decided.status).toBe("accepted");
    const correction = await db.ledgerEntry.findUniqueOrThrow({ where: { id: decided.correctionEntryId! } });
    expect(correction.kind).toBe("correction");
    expect(correction.correctsId).toBe(id);
    expect(correction.points).toBe(3);
    expect(await db.notification.count({ where: { userId: agent.id, kind: "ledger-appeal-accepted" } })).toBe(1);
    const again = await callRoute(
      appealDecideAction,
      buildRequest(`/ledger/appeals/${appeal.id}`, {
        cookie: managerCookie,
        form: { intent: "reject", response: "重复处理一次" },
      }),
      { appealId: appeal.id },
    );
    expect(again.status).toBe(409);
    // decided once: no new appeal on the same penalty
    const reopened = await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${id}`, {
        cookie: agentCookie,
        form: { intent: "appeal", reason: "剩下的也应撤销" },
      }),
      { entryId: id },
    );
    expect(reopened.status).toBe(409);
    const audits = await db.auditLog.findMany({ where: { entityType: "LedgerAppeal" }, select: { action: true } });
    expect(new Set(audits.map((row) => row.action))).toEqual(
      new Set(["ledger.appeal.create", "ledger.appeal.withdraw", "ledger.appeal.accept"]),
    );
  });

  it("refuses appeals of bonuses and after the window", async () => {
    const bonusId = await proposeAndGetId(leadCookie, {
      userId: agent.id,
      kind: "bonus",
      amount: "88",
      reason: "客户来信表扬",
    });
    await approve(bonusId);
    const bonus = await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${bonusId}`, {
        cookie: agentCookie,
        form: { intent: "appeal", reason: "奖励也想申诉" },
      }),
      { entryId: bonusId },
    );
    expect(bonus.status).toBe(409);
    const oldId = await proposeAndGetId(leadCookie, {
      userId: agent.id,
      kind: "performance_deduction",
      amount: "50",
      reason: "超时未回复客户",
    });
    await approve(oldId);
    await db.ledgerEntry.update({ where: { id: oldId }, data: { decidedAt: new Date(Date.now() - 15 * 86_400_000) } });
    const late = await callRoute(
      myEntryAction,
      buildRequest(`/performance/ledger/${oldId}`, {
        cookie: agentCookie,
        form: { intent: "appeal", reason: "当时系统卡顿" },
      }),
      { entryId: oldId },
    );
    expect(late.status).toBe(409);
    expect((late.data as { error: { "": string[] } }).error[""]).toEqual(["ledger:refusals.window-closed"]);
  });
});

describe("reading and exporting", () => {
  it("scopes lists: leads their teams, managers everyone, agents only their own", async () => {
    const otherId = await proposeAndGetId(managerCookie, {
      userId: otherAgent.id,
      kind: "bonus",
      amount: "120",
      reason: "售前转化率第一",
    });
    await approve(otherId, secondManagerCookie);
    const asLead = await callRoute(listLoader, buildRequest("/ledger?status=approved", { cookie: leadCookie }));
    const leadRows = (asLead.data as { entries: { rows: { user: { name: string } }[] } }).entries.rows;
    expect(leadRows.length).toBeGreaterThan(0);
    expect(leadRows.every((row) => row.user.name === "夏丽娟")).toBe(true);
    expect(
      (await callRoute(entryLoader, buildRequest(`/ledger/${otherId}`, { cookie: leadCookie }), { entryId: otherId }))
        .status,
    ).toBe(403);
    expect(
      (await callRoute(entryLoader, buildRequest(`/ledger/${otherId}`, { cookie: agentCookie }), { entryId: otherId }))
        .status,
    ).toBe(403);

    const asManager = await callRoute(listLoader, buildRequest("/ledger?view=totals", { cookie: managerCookie }));
    const totals = (asManager.data as { totals: { rows: { name: string; amount: number; points: number }[] } }).totals
      .rows;
    const xia = totals.find((row) => row.name === "夏丽娟")!;
    // approved this month: +300 bonus, −100/−2 deduction corrected +40/+1, criticism −5 pts corrected +3,
    // +88 bonus, −50 deduction
    expect(xia.amount).toBe(300 - 100 + 40 + 88 - 50);
    expect(xia.points).toBe(-2 + 1 - 5 + 3);

    const mine = await callRoute(myLedgerLoader, buildRequest("/performance/ledger", { cookie: otherAgentCookie }));
    const myRows = (mine.data as { entries: { rows: { id: string }[] } }).entries.rows;
    expect(myRows.map((row) => row.id)).toEqual([otherId]);
  });

  it("exports approved entries of the month as CSV, scoped for leads", async () => {
    const asManager = await callRoute(
      exportLoader,
      buildRequest(`/ledger/export.csv?month=${month}`, { cookie: managerCookie }),
    );
    const csv = asManager.data as string;
    expect(asManager.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.startsWith("条目编号,工号,姓名,团队,类型,金额,绩效分,原因,证据,提出人,审批人,审批时间,关联条目")).toBe(
      true,
    );
    const raw = (await exportLoader({
      request: buildRequest(`/ledger/export.csv?month=${month}`, { cookie: managerCookie }),
      params: {},
      context: {},
    })) as Response;
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toContain("赵雪");
    expect(csv).toContain("夏丽娟");
    expect(csv).not.toContain("帮同事顶班"); // rejected
    expect(csv).toContain(",-100,-2,");
    const asLead = await callRoute(
      exportLoader,
      buildRequest(`/ledger/export.csv?month=${month}`, { cookie: leadCookie }),
    );
    expect(asLead.data as string).not.toContain("赵雪");
    const totals = await callRoute(
      exportLoader,
      buildRequest(`/ledger/export.csv?month=${month}&view=totals`, { cookie: managerCookie }),
    );
    expect(totals.data as string).toContain(`夏丽娟,售后服务组,${month},`);
    const bad = await callRoute(
      exportLoader,
      buildRequest("/ledger/export.csv?month=2026-13", { cookie: managerCookie }),
    );
    expect(bad.status).toBe(400);
    expect(
      (await callRoute(exportLoader, buildRequest(`/ledger/export.csv?month=${month}`, { cookie: agentCookie })))
        .status,
    ).toBe(403);
  });
});

describe("award bonuses", () => {
  it("books an approved award bonus once per candidate", async () => {
    const first = await db.$transaction((tx) =>
      recordAwardBonus(tx, {
        candidateId: "cand-test-1",
        userId: agent.id,
        amount: 500,
        periodStart: new Date(`${month}-01T00:00:00Z`),
        reason: "月度服务之星",
        actorId: manager.id,
      }),
    );
    const second = await db.$transaction((tx) =>
      recordAwardBonus(tx, {
        candidateId: "cand-test-1",
        userId: agent.id,
        amount: 500,
        periodStart: new Date(`${month}-01T00:00:00Z`),
        reason: "月度服务之星",
        actorId: manager.id,
      }),
    );
    expect(second.entryId).toBe(first.entryId);
    const entry = await db.ledgerEntry.findUniqueOrThrow({ where: { id: first.entryId } });
    expect(entry.kind).toBe("award_bonus");
    expect(entry.status).toBe("approved");
    expect(Number(entry.amount)).toBe(500);
  });
});
