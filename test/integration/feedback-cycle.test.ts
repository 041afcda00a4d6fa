import { beforeAll, describe, expect, it } from "vitest";
import { sendFeedbackReminders } from "~/modules/feedback/reminders.server";
import { action as cycleAction, loader as cycleLoader } from "~/routes/feedback.cycles.$cycleId";
import { action as peersAction, loader as peersLoader } from "~/routes/feedback.cycles.$cycleId_.peers";
import { action as newCycleAction } from "~/routes/feedback.cycles.new";
import { loader as teamReportLoader } from "~/routes/feedback.reports.$subjectId";
import { loader as teamReportsLoader } from "~/routes/feedback.reports._index";
import { action as newTemplateAction } from "~/routes/feedback.templates.new";
import { loader as myFeedbackLoader } from "~/routes/performance.feedback._index";
import { action as ownReportAction, loader as ownReportLoader } from "~/routes/performance.feedback.reports.$subjectId";
import { action as rateAction, loader as rateLoader } from "~/routes/performance.feedback.requests.$requestId";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, type TestUser } from "../support/auth";

type Person = TestUser & { cookie: string };

async function person(name: string, roles: TestUser["roles"], teamId: string | null, email: string): Promise<Person> {
  const user = await createTestUser({ name, roles, teamId, email });
  return { ...user, cookie: await sessionCookieFor(user.id) };
}

const scale = ["很差", "较差", "合格", "良好", "优秀"];
let manager: Person;
let lead: Person;
let otherLead: Person;
let subject: Person;
let peers: Person[];
let inspector: Person;
let templateId: string;
let cycleId: string;
let subjectRowId: string;

function templateForm(name: string, weights: string[]) {
  const form: Record<string, string> = { name, description: "测试模板" };
  weights.forEach((weight, index) => {
    form[`competencies[${index}].name`] = `能力${index + 1}`;
    form[`competencies[${index}].weight`] = weight;
    scale.forEach((label, point) => (form[`competencies[${index}].scale[${point}]`] = `${label}${index}`));
  });
  return form;
}

function cycleForm(teamId: string, overrides: Record<string, string> = {}) {
  return {
    name: "测试360评估",
    templateId,
    periodStart: "2026-07-01",
    periodEnd: "2026-09-30",
    dueDate: "2026-12-31",
    subjects: "teams",
    teamIds: teamId,
    "weights.manager": "40",
    "weights.peer": "30",
    "weights.report": "10",
    "weights.qa": "20",
    minGroupResponses: "3",
    peerSelection: "lead",
    minPeers: "3",
    maxPeers: "5",
    allowComments: "on",
    ...overrides,
  };
}

async function requestFor(raterId: string, group: string) {
  return db.feedbackRequest.findFirstOrThrow({
    where: { raterId, group: group as never, subject: { cycleId } },
    select: { id: true },
  });
}

async function competencyIds() {
  const rows = await db.feedbackCycleCompetency.findMany({ where: { cycleId }, orderBy: { position: "asc" } });
  return rows.map((row) => row.id);
}

async function rate(rater: Person, group: string, scores: number[], comment: string) {
  const request = await requestFor(rater.id, group);
  const ids = await competencyIds();
  const form: Record<string, string> = { intent: "submit", comment };
  ids.forEach((id, index) => (form[`scores.${id}`] = String(scores[index])));
  return callRoute(
    rateAction,
    buildRequest(`/performance/feedback/requests/${request.id}`, { cookie: rater.cookie, form }),
    {
      requestId: request.id,
    },
  );
}

beforeAll(async () => {
  const team = await db.team.create({ data: { code: "FB-T1", name: "评估测试组" } });
  const otherTeam = await db.team.create({ data: { code: "FB-T2", name: "另一组" } });
  manager = await person("经理甲", ["manager"], null, "mgr@fb.test");
  lead = await person("组长乙", ["team_lead"], team.id, "lead@fb.test");
  otherLead = await person("组长丙", ["team_lead"], otherTeam.id, "lead2@fb.test");
  await db.team.update({ where: { id: team.id }, data: { leadId: lead.id } });
  await db.team.update({ where: { id: otherTeam.id }, data: { leadId: otherLead.id } });
  subject = await person("被评估人丁", ["agent"], team.id, "subject@fb.test");
  peers = [];
  for (const [index, name] of ["同事一", "同事二", "同事三", "同事四"].entries())
    peers.push(await person(name, ["agent"], team.id, `peer${index}@fb.test`));
  inspector = await person("质检戊", ["qa_inspector"], null, "qa@fb.test");
});

describe("templates and cycles", () => {
  it("refuses a template without competencies or with a bad weight, and creates a valid one", async () => {
    const bad = await callRoute(
      newTemplateAction,
      buildRequest("/feedback/templates/new", { cookie: manager.cookie, form: templateForm("坏模板", ["0"]) }),
    );
    expect(bad.status).toBe(400);
    const agent = await callRoute(
      newTemplateAction,
      buildRequest("/feedback/templates/new", { cookie: subject.cookie, form: templateForm("模板", ["50", "50"]) }),
    );
    expect(agent.status).toBe(403);
    const good = await callRoute(
      newTemplateAction,
      buildRequest("/feedback/templates/new", { cookie: manager.cookie, form: templateForm("测试模板", ["30", "70"]) }),
    );
    expect(good.status).toBe(302);
    templateId = good.location!.split("/").pop()!;
    expect(await db.feedbackCompetency.count({ where: { templateId } })).toBe(2);
  });

  it("refuses weights that do not add up to 100 and a threshold below 2", async () => {
    const team = await db.team.findUniqueOrThrow({ where: { code: "FB-T1" } });
    const invalid: Record<string, string>[] = [{ "weights.qa": "10" }, { minGroupResponses: "1" }, { maxPeers: "2" }];
    for (const overrides of invalid) {
      const result = await callRoute(
        newCycleAction,
        buildRequest("/feedback/cycles/new", { cookie: manager.cookie, form: cycleForm(team.id, overrides) }),
      );
      expect(result.status).toBe(400);
    }
  });

  it("creates a draft with the team's agents as subjects, lets the lead choose peers, and opens it (audited)", async () => {
    const team = await db.team.findUniqueOrThrow({ where: { code: "FB-T1" } });
    const created = await callRoute(
      newCycleAction,
      buildRequest("/feedback/cycles/new", { cookie: manager.cookie, form: cycleForm(team.id) }),
    );
    expect(created.status).toBe(302);
    cycleId = created.location!.split("/").pop()!;
    expect(await db.feedbackSubject.count({ where: { cycleId } })).toBe(5);
    subjectRowId = (await db.feedbackSubject.findFirstOrThrow({ where: { cycleId, userId: subject.id } })).id;

    const opened = await callRoute(
      cycleAction,
      buildRequest(`/feedback/cycles/${cycleId}`, { cookie: manager.cookie, form: { intent: "open" } }),
      { cycleId },
    );
    expect(opened.status).toBe(302);
    const again = await callRoute(
      cycleAction,
      buildRequest(`/feedback/cycles/${cycleId}`, { cookie: manager.cookie, form: { intent: "open" } }),
      { cycleId },
    );
    expect(again.status).toBe(409);
    expect(await db.feedbackCycleCompetency.count({ where: { cycleId } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "feedback.cycle.open", entityId: cycleId } })).toBe(1);
    const groups = await db.feedbackRequest.groupBy({
      by: ["group"],
      where: { subjectId: subjectRowId },
      _count: true,
    });
    expect(Object.fromEntries(groups.map((row) => [row.group, row._count]))).toEqual({ self: 1, manager: 1, qa: 1 });
    expect((await requestFor(lead.id, "manager")).id).toBeTruthy();
    expect((await requestFor(inspector.id, "qa")).id).toBeTruthy();

    const tooFew = await callRoute(
      peersAction,
      buildRequest(`/feedback/cycles/${cycleId}/peers`, {
        cookie: lead.cookie,
        form: { subjectId: subjectRowId, raterIds: [peers[0]!.id] },
      }),
      { cycleId },
    );
    expect(tooFew.status).toBe(400);
    const otherTeamLead = await callRoute(
      peersAction,
      buildRequest(`/feedback/cycles/${cycleId}/peers`, {
        cookie: otherLead.cookie,
        form: { subjectId: subjectRowId, raterIds: peers.slice(0, 3).map((peer) => peer.id) },
      }),
      { cycleId },
    );
    expect(otherTeamLead.status).toBe(404);
    const chosen = await callRoute(
      peersAction,
      buildRequest(`/feedback/cycles/${cycleId}/peers`, {
        cookie: lead.cookie,
        form: { subjectId: subjectRowId, raterIds: peers.slice(0, 3).map((peer) => peer.id) },
      }),
      { cycleId },
    );
    expect(chosen.status).toBe(302);
    expect(await db.feedbackRequest.count({ where: { subjectId: subjectRowId, group: "peer" } })).toBe(3);
    const board = await callRoute(
      peersLoader,
      buildRequest(`/feedback/cycles/${cycleId}/peers`, { cookie: otherLead.cookie }),
      {
        cycleId,
      },
    );
    expect((board.data as { subjects: unknown[] }).subjects).toHaveLength(0);
  });
});

describe("rating", () => {
  it("lets only the rater open the form, saves a draft and refuses a second submission", async () => {
    const request = await requestFor(peers[0]!.id, "peer");
    const foreign = await callRoute(
      rateLoader,
      buildRequest(`/performance/feedback/requests/${request.id}`, { cookie: peers[1]!.cookie }),
      {
        requestId: request.id,
      },
    );
    expect(foreign.status).toBe(404);
    const foreignAction = await callRoute(
      rateAction,
      buildRequest(`/performance/feedback/requests/${request.id}`, { cookie: lead.cookie, form: { intent: "draft" } }),
      { requestId: request.id },
    );
    expect(foreignAction.status).toBe(404);
    const ids = await competencyIds();
    const draft = await callRoute(
      rateAction,
      buildRequest(`/performance/feedback/requests/${request.id}`, {
        cookie: peers[0]!.cookie,
        form: { intent: "draft", [`scores.${ids[0]}`]: "4", comment: "草稿" },
      }),
      { requestId: request.id },
    );
    expect(draft.status).toBe(302);
    const form = await callRoute(
      rateLoader,
      buildRequest(`/performance/feedback/requests/${request.id}`, { cookie: peers[0]!.cookie }),
      {
        requestId: request.id,
      },
    );
    expect((form.data as { form: { values: { scores: Record<string, number> } } }).form.values.scores).toEqual({
      [ids[0]!]: 4,
    });
    const incomplete = await callRoute(
      rateAction,
      buildRequest(`/performance/feedback/requests/${request.id}`, {
        cookie: peers[0]!.cookie,
        form: { intent: "submit", [`scores.${ids[0]}`]: "4" },
      }),
      { requestId: request.id },
    );
    expect(incomplete.status).toBe(400);
    expect((await rate(peers[0]!, "peer", [4, 3], "同事一的评语：沟通耐心")).status).toBe(302);
    expect((await rate(peers[0]!, "peer", [5, 5], "再次提交")).status).toBe(409);
    expect((await db.feedbackRequest.findUniqueOrThrow({ where: { id: request.id } })).draft).toBeNull();
  });

  it("reminds each pending request at most once a day", async () => {
    const now = new Date();
    const first = await sendFeedbackReminders(now);
    expect(first.requests).toBeGreaterThan(0);
    expect((await sendFeedbackReminders(new Date(now.getTime() + 3_600_000))).requests).toBe(0);
    const tomorrow = await sendFeedbackReminders(new Date(now.getTime() + 86_400_000));
    expect(tomorrow.requests).toBe(first.requests);
    const reminded = await db.notification.count({ where: { userId: peers[1]!.id, kind: "feedback-reminder" } });
    expect(reminded).toBe(2);
  });
});

describe("closing and the anonymous report", () => {
  const everyoneElse = () => [...peers, lead, manager, inspector, otherLead];

  it("closes with 2 of 3 peers: the report shows no peer figures and no rater identity anywhere", async () => {
    expect((await rate(subject, "self", [5, 5], "我觉得自己表现很好")).status).toBe(302);
    expect((await rate(lead, "manager", [3, 4], "组长评语：需要提升专业知识")).status).toBe(302);
    expect((await rate(peers[1]!, "peer", [2, 2], "同事二的评语：偶尔推诿")).status).toBe(302);
    expect((await rate(inspector, "qa", [1, 1], "质检评语：红线风险")).status).toBe(302);

    const premature = await callRoute(
      ownReportLoader,
      buildRequest(`/performance/feedback/reports/${subjectRowId}`, { cookie: subject.cookie }),
      {
        subjectId: subjectRowId,
      },
    );
    expect(premature.status).toBe(409);

    const closed = await callRoute(
      cycleAction,
      buildRequest(`/feedback/cycles/${cycleId}`, { cookie: manager.cookie, form: { intent: "close" } }),
      { cycleId },
    );
    expect(closed.status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "feedback.cycle.close", entityId: cycleId } })).toBe(1);
    // peers (2 < 3) and QA (1) hidden: overall = manager alone = (30 × 3 + 70 × 4) ÷ 100
    const row = await db.feedbackSubject.findUniqueOrThrow({ where: { id: subjectRowId } });
    expect(row.overallScore).toBeCloseTo(3.7, 6);
    const afterClose = await rate(peers[2]!, "peer", [5, 5], "迟到的评语");
    expect(afterClose.status).toBe(409);

    const views = [
      await callRoute(
        ownReportLoader,
        buildRequest(`/performance/feedback/reports/${subjectRowId}`, { cookie: subject.cookie }),
        {
          subjectId: subjectRowId,
        },
      ),
      await callRoute(teamReportLoader, buildRequest(`/feedback/reports/${subjectRowId}`, { cookie: lead.cookie }), {
        subjectId: subjectRowId,
      }),
      await callRoute(teamReportLoader, buildRequest(`/feedback/reports/${subjectRowId}`, { cookie: manager.cookie }), {
        subjectId: subjectRowId,
      }),
    ];
    for (const view of views) {
      expect(view.status).toBe(200);
      const json = JSON.stringify(view.data);
      for (const rater of everyoneElse()) {
        for (const value of [rater.id, rater.name, rater.externalId, rater.email!]) expect(json).not.toContain(value);
      }
      const report = (
        view.data as {
          report: {
            groups: { group: string; visible: boolean; means: object; score: unknown }[];
            comments: object[];
            others: Record<string, number>;
            overall: number;
          };
        }
      ).report;
      const peer = report.groups.find((group) => group.group === "peer")!;
      expect(peer).toMatchObject({ visible: false, means: {}, score: null });
      expect(report.groups.find((group) => group.group === "qa")!.visible).toBe(false);
      expect(json).not.toContain("同事二的评语");
      expect(json).not.toContain("质检评语");
      expect(json).not.toContain("requestId");
      for (const comment of report.comments) expect(Object.keys(comment).sort()).toEqual(["group", "text"]);
      // "others" = manager only, so the hidden peers cannot be recovered by subtraction
      expect(Object.values(report.others)).toEqual([3, 4]);
      expect(report.overall).toBe(3.7);
    }
  });

  it("keeps other people out: another agent, another team's lead", async () => {
    const byPeer = await callRoute(
      ownReportLoader,
      buildRequest(`/performance/feedback/reports/${subjectRowId}`, { cookie: peers[0]!.cookie }),
      {
        subjectId: subjectRowId,
      },
    );
    expect(byPeer.status).toBe(404);
    const byOtherLead = await callRoute(
      teamReportLoader,
      buildRequest(`/feedback/reports/${subjectRowId}`, { cookie: otherLead.cookie }),
      {
        subjectId: subjectRowId,
      },
    );
    expect(byOtherLead.status).toBe(404);
    const list = await callRoute(teamReportsLoader, buildRequest("/feedback/reports", { cookie: otherLead.cookie }));
    expect((list.data as { rows: unknown[] }).rows).toHaveLength(0);
    const agentList = await callRoute(teamReportsLoader, buildRequest("/feedback/reports", { cookie: subject.cookie }));
    expect(agentList.status).toBe(403);
  });

  it("shows the progress page as counts only, without linking raters to subjects", async () => {
    const result = await callRoute(
      cycleLoader,
      buildRequest(`/feedback/cycles/${cycleId}`, { cookie: manager.cookie }),
      { cycleId },
    );
    const json = JSON.stringify(result.data);
    for (const rater of everyoneElse()) expect(json).not.toContain(rater.id);
    const progress = (
      result.data as {
        progress: { subjects: { name: string; groups: Record<string, { total: number; submitted: number }> }[] };
      }
    ).progress;
    const mine = progress.subjects.find((row) => row.name === subject.name)!;
    expect(mine.groups.peer).toEqual({ total: 3, submitted: 2 });
    expect(Object.keys(mine).sort()).toEqual([
      "acknowledged",
      "externalId",
      "groups",
      "id",
      "name",
      "overallScore",
      "team",
    ]);
  });

  it("lets the subject acknowledge and respond, and lists the report on their page", async () => {
    const result = await callRoute(
      ownReportAction,
      buildRequest(`/performance/feedback/reports/${subjectRowId}`, {
        cookie: subject.cookie,
        form: { responseText: "会加强专业知识学习" },
      }),
      { subjectId: subjectRowId },
    );
    expect(result.status).toBe(302);
    const row = await db.feedbackSubject.findUniqueOrThrow({ where: { id: subjectRowId } });
    expect(row.acknowledgedAt).not.toBeNull();
    expect(row.responseText).toBe("会加强专业知识学习");
    const foreign = await callRoute(
      ownReportAction,
      buildRequest(`/performance/feedback/reports/${subjectRowId}`, {
        cookie: peers[0]!.cookie,
        form: { responseText: "x" },
      }),
      { subjectId: subjectRowId },
    );
    expect(foreign.status).toBe(404);
    const mine = await callRoute(myFeedbackLoader, buildRequest("/performance/feedback", { cookie: subject.cookie }));
    const subjects = (mine.data as { subjects: { id: string; acknowledged: boolean }[] }).subjects;
    expect(subjects.find((entry) => entry.id === subjectRowId)?.acknowledged).toBe(true);
    expect(await db.notification.count({ where: { userId: subject.id, kind: "feedback-report-ready" } })).toBe(1);
  });
});

describe("leads as subjects", () => {
  it("asks the lead's team members as direct reports and the cycle's manager as the manager group", async () => {
    const otherTeam = await db.team.findUniqueOrThrow({ where: { code: "FB-T2" } });
    const members = [
      await createTestUser({ teamId: otherTeam.id, name: "下属一" }),
      await createTestUser({ teamId: otherTeam.id, name: "下属二" }),
    ];
    const created = await callRoute(
      newCycleAction,
      buildRequest("/feedback/cycles/new", {
        cookie: manager.cookie,
        form: cycleForm(otherTeam.id, { name: "组长评估", includeLeads: "on", minGroupResponses: "2" }),
      }),
    );
    expect(created.status).toBe(302);
    const id = created.location!.split("/").pop()!;
    await callRoute(
      cycleAction,
      buildRequest(`/feedback/cycles/${id}`, { cookie: manager.cookie, form: { intent: "open" } }),
      { cycleId: id },
    );
    const leadSubject = await db.feedbackSubject.findFirstOrThrow({ where: { cycleId: id, userId: otherLead.id } });
    const requests = await db.feedbackRequest.findMany({
      where: { subjectId: leadSubject.id },
      select: { raterId: true, group: true },
    });
    expect(
      requests
        .filter((request) => request.group === "report")
        .map((request) => request.raterId)
        .sort(),
    ).toEqual(members.map((member) => member.id).sort());
    expect(requests.find((request) => request.group === "manager")?.raterId).toBe(manager.id);
    const memberSubject = await db.feedbackSubject.findFirstOrThrow({ where: { cycleId: id, userId: members[0]!.id } });
    const memberManager = await db.feedbackRequest.findFirstOrThrow({
      where: { subjectId: memberSubject.id, group: "manager" },
    });
    expect(memberManager.raterId).toBe(otherLead.id);
  });
});
