/**
 * Role-play pages through real Requests: the briefing hides the script, starting (and resuming) a practice
 * session, replying turn by turn (persisted, refused while the customer is typing, empty replies refused), reload,
 * abandoning, who may read a session (the player, the player's team lead — not another agent or another lead), the
 * rubric queue (scorers only) and scoring a transcript through the route, then the progress pages.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as briefingLoader, action as startAction } from "~/routes/learn.roleplay.$scenarioId";
import { loader as agentHomeLoader } from "~/routes/agent._index";
import { loader as homeLoader } from "~/routes/learn.roleplay._index";
import { action as playAction, loader as playLoader } from "~/routes/learn.roleplay.sessions.$sessionId";
import { loader as progressLoader } from "~/routes/training.roleplay.progress";
import { action as reviewAction, loader as reviewLoader } from "~/routes/training.roleplay.reviews.$reviewId";
import { loader as queueLoader } from "~/routes/training.roleplay.reviews._index";
import type { PlayView } from "~/modules/roleplay/sessions.server";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, signInAs } from "../support/auth";
import { createTestRubric } from "../support/qa-fixtures";
import { returnScriptInput } from "../support/roleplay-script";

type Signed = Awaited<ReturnType<typeof signInAs>>;
let agent: Signed;
let otherAgent: Signed;
let lead: Signed;
let otherLead: Signed;
let trainer: Signed;
let scenarioId: string;
let teamId: string;

beforeAll(async () => {
  lead = await signInAs("team_lead", { name: "陈组长" });
  otherLead = await signInAs("team_lead", { name: "周组长" });
  const team = await db.team.create({
    data: { code: "RP-A", name: "售后一组", leadId: lead.user.id },
    select: { id: true },
  });
  await db.team.create({ data: { code: "RP-B", name: "售前二组", leadId: otherLead.user.id } });
  teamId = team.id;
  agent = await signInAs("agent", { name: "林小雨", teamId });
  otherAgent = await signInAs("agent", { name: "赵一鸣" });
  trainer = await signInAs("trainer", { name: "孙培训" });

  const rubric = await createTestRubric({ name: "演练评分表" });
  const script = returnScriptInput({
    scoring: {
      stepsWeight: 60,
      timingWeight: 20,
      outcomeWeight: 20,
      passPercent: 80,
      humanWeight: 50,
      rubric: rubric.slug,
    },
  });
  const scenario = await db.scenario.create({
    data: { slug: "rp-return-shoes", status: "published", title: script.title, summary: script.summary ?? "" },
    select: { id: true },
  });
  const version = await db.scenarioVersion.create({
    data: {
      scenarioId: scenario.id,
      version: 1,
      status: "published",
      title: script.title,
      script: script as object,
      contentHash: "rp-return-shoes-v1",
      rubricVersionId: rubric.versionId,
      publishedAt: new Date(),
    },
    select: { id: true },
  });
  await db.scenario.update({ where: { id: scenario.id }, data: { publishedVersionId: version.id } });
  scenarioId = scenario.id;
});

/** The customer has finished typing: every bubble so far was shown a few seconds ago. */
async function customerHasSpoken(sessionId: string) {
  const past = new Date(Date.now() - 5000);
  await db.rolePlayTurn.updateMany({ where: { sessionId, speaker: "customer" }, data: { shownAt: past } });
  await db.rolePlaySession.update({ where: { id: sessionId }, data: { awaitingSince: past } });
}

async function start(cookie: string) {
  const result = await callRoute(
    startAction,
    buildRequest(`/learn/roleplay/${scenarioId}`, { cookie, form: { intent: "start" } }),
    { scenarioId },
  );
  expect(result.status).toBe(302);
  return result.location!.split("/").at(-1)!;
}

async function view(sessionId: string, cookie: string) {
  const result = await callRoute(playLoader, buildRequest(`/learn/roleplay/sessions/${sessionId}`, { cookie }), {
    sessionId,
  });
  return { status: result.status, data: result.data as { view: PlayView; own: boolean } };
}

async function reply(sessionId: string, cookie: string, text: string, wait = true) {
  if (wait) await customerHasSpoken(sessionId);
  return callRoute(
    playAction,
    buildRequest(`/learn/roleplay/sessions/${sessionId}`, { cookie, form: { intent: "reply", text } }),
    {
      sessionId,
    },
  );
}

describe("briefing and start", () => {
  it("shows the goal, persona, order and scoring rule but no intents, nodes or hints", async () => {
    const result = await callRoute(
      briefingLoader,
      buildRequest(`/learn/roleplay/${scenarioId}`, { cookie: agent.cookie }),
      {
        scenarioId,
      },
    );
    expect(result.status).toBe(200);
    const { briefing } = result.data as {
      briefing: { goal: string; steps: { label: string }[]; scoring: { reviewed: boolean } };
    };
    expect(briefing.goal).toContain("7 天无理由退货");
    expect(briefing.steps.map((step) => step.label)).toEqual(["问候", "说明7天无理由", "确认满意"]);
    expect(briefing.scoring.reviewed).toBe(true);
    const serialised = JSON.stringify(result.data);
    for (const secret of ["phrases", "transitions", "您自己", "先问候", "能退吗"])
      expect(serialised).not.toContain(secret);
  });

  it("404s an unknown scenario", async () => {
    const result = await callRoute(briefingLoader, buildRequest("/learn/roleplay/nope", { cookie: agent.cookie }), {
      scenarioId: "nope",
    });
    expect(result.status).toBe(404);
  });

  it("starts a practice session and resumes it instead of starting another", async () => {
    const first = await start(otherAgent.cookie);
    const second = await start(otherAgent.cookie);
    expect(second).toBe(first);
    const { data } = await view(first, otherAgent.cookie);
    expect(data.own).toBe(true);
    expect(data.view.session.mode).toBe("practice");
    expect(data.view.turns.map((turn) => turn.speaker)).toEqual(["customer", "customer"]);
    expect(data.view.hint).toBe("先问候，再说明 7 天无理由退货。");
    await callRoute(
      playAction,
      buildRequest(`/learn/roleplay/sessions/${first}`, { cookie: otherAgent.cookie, form: { intent: "abandon" } }),
      {
        sessionId: first,
      },
    );
  });
});

describe("playing", () => {
  let sessionId: string;

  it("saves every reply with the customer's answer and refuses early or empty replies", async () => {
    sessionId = await start(agent.cookie);
    const early = await reply(sessionId, agent.cookie, "您好", false);
    expect(early.status).toBe(409);
    expect(early.data).toEqual({ error: "play.errors.409" });

    const empty = await reply(sessionId, agent.cookie, "   ");
    expect(empty.status).toBe(400);

    const ok = await reply(sessionId, agent.cookie, "您好，请问有什么可以帮您？");
    expect(ok.status).toBe(200);
    const turns = await db.rolePlayTurn.findMany({
      where: { sessionId },
      orderBy: { position: "asc" },
      select: { speaker: true, text: true, responseSeconds: true, steps: true },
    });
    expect(turns.map((turn) => turn.speaker)).toEqual(["customer", "customer", "agent", "customer"]);
    expect(turns[2]).toMatchObject({ text: "您好，请问有什么可以帮您？", steps: ["greet"] });
    expect(turns[2]!.responseSeconds).toBeGreaterThanOrEqual(4);
    expect(turns[3]!.text).toBe("那到底能不能退？");
  });

  it("reloads exactly where the conversation was", async () => {
    const { status, data } = await view(sessionId, agent.cookie);
    expect(status).toBe(200);
    expect(data.view.session.status).toBe("in_progress");
    expect(data.view.turns.map((turn) => turn.text)).toEqual([
      "你好，我买的鞋子小了一码。",
      "能退吗？",
      "您好，请问有什么可以帮您？",
      "那到底能不能退？",
    ]);
    expect(data.view.hint).toBe("明确告诉顾客可以退。");
    expect(JSON.stringify(data.view)).not.toContain("transitions");
  });

  it("refuses another agent (read and reply) and lets only the player's own team lead read", async () => {
    expect((await view(sessionId, otherAgent.cookie)).status).toBe(403);
    const foreign = await reply(sessionId, otherAgent.cookie, "您好");
    expect(foreign.status).toBe(403);
    const asLead = await view(sessionId, lead.cookie);
    expect(asLead.status).toBe(200);
    expect(asLead.data.own).toBe(false);
    expect((await view(sessionId, otherLead.cookie)).status).toBe(403);
  });

  it("finishes at the resolved end, waits for the rubric, and shows the report", async () => {
    expect((await reply(sessionId, agent.cookie, "可以退的，7天无理由退货，鞋子不影响二次销售就行")).status).toBe(200);
    expect((await reply(sessionId, agent.cookie, "好的，运费险可以理赔，祝您生活愉快")).status).toBe(200);
    const { data } = await view(sessionId, agent.cookie);
    expect(data.view.session.status).toBe("pending_review");
    expect(data.view.session.outcome).toBe("resolved");
    expect(data.view.result?.report?.steps.every((step) => step.hit)).toBe(true);
    expect(data.view.result?.review?.status).toBe("pending");
    expect(data.view.hint).toBeNull();
    const late = await reply(sessionId, agent.cookie, "还有别的问题吗？");
    expect(late.status).toBe(409);
  });

  it("records a red line and abandons through the route", async () => {
    const crossed = await start(agent.cookie);
    expect(crossed).not.toBe(sessionId);
    await reply(crossed, agent.cookie, "这是您自己选错了尺码");
    const { data } = await view(crossed, agent.cookie);
    expect(data.view.session.outcome).toBe("customer_left");
    expect(data.view.result?.report?.redLines.map((line) => line.label)).toEqual(["指责顾客"]);
    expect(data.view.result?.report?.autoScore).toBe(0);

    const abandoned = await start(agent.cookie);
    const result = await callRoute(
      playAction,
      buildRequest(`/learn/roleplay/sessions/${abandoned}`, { cookie: agent.cookie, form: { intent: "abandon" } }),
      { sessionId: abandoned },
    );
    expect(result.status).toBe(302);
    const after = await view(abandoned, agent.cookie);
    expect(after.data.view.session.status).toBe("abandoned");
    expect(after.data.view.result?.finalScore).toBe(0);
  });
});

describe("rubric scoring", () => {
  it("is refused to agents and team leads", async () => {
    const asAgent = await callRoute(queueLoader, buildRequest("/training/roleplay/reviews", { cookie: agent.cookie }));
    expect(asAgent.status).toBe(403);
    const asLead = await callRoute(queueLoader, buildRequest("/training/roleplay/reviews", { cookie: lead.cookie }));
    expect(asLead.status).toBe(403);
  });

  it("lists the transcript, refuses an incomplete score, and submits the final score through the route", async () => {
    const queue = await callRoute(
      queueLoader,
      buildRequest("/training/roleplay/reviews?status=pending", { cookie: trainer.cookie }),
    );
    expect(queue.status).toBe(200);
    const rows = (queue.data as { queue: { rows: { id: string; agent: { name: string }; sessionId: string }[] } }).queue
      .rows;
    const row = rows.find((candidate) => candidate.agent.name === "林小雨")!;
    expect(row).toBeDefined();

    const page = await callRoute(
      reviewLoader,
      buildRequest(`/training/roleplay/reviews/${row.id}`, { cookie: trainer.cookie }),
      {
        reviewId: row.id,
      },
    );
    expect(page.status).toBe(200);
    expect((page.data as { view: { canScore: boolean } }).view.canScore).toBe(true);

    const incomplete = await callRoute(
      reviewAction,
      buildRequest(`/training/roleplay/reviews/${row.id}`, {
        cookie: trainer.cookie,
        form: { intent: "submit", "rating.greeting": "1" },
      }),
      { reviewId: row.id },
    );
    expect(incomplete.status).toBe(400);
    expect((incomplete.data as { problems: { missing: string[] } }).problems.missing).toEqual(
      expect.arrayContaining(["empathy", "privacy"]),
    );

    const draft = await callRoute(
      reviewAction,
      buildRequest(`/training/roleplay/reviews/${row.id}`, {
        cookie: trainer.cookie,
        form: { intent: "save", "rating.greeting": "1", "comment.greeting": "问候及时" },
      }),
      { reviewId: row.id },
    );
    expect(draft.status).toBe(302);
    expect(await db.rolePlayReview.findUnique({ where: { id: row.id }, select: { status: true } })).toEqual({
      status: "draft",
    });

    const submitted = await callRoute(
      reviewAction,
      buildRequest(`/training/roleplay/reviews/${row.id}`, {
        cookie: trainer.cookie,
        form: {
          intent: "submit",
          "rating.greeting": "1",
          "rating.accuracy": "na",
          "rating.empathy": "3",
          "rating.privacy": "1",
          summary: "流程完整，政策说明准确。",
        },
      }),
      { reviewId: row.id },
    );
    expect(submitted.status).toBe(302);
    const session = await db.rolePlaySession.findUniqueOrThrow({
      where: { id: row.sessionId },
      select: { status: true, humanScore: true, autoScore: true, finalScore: true, passed: true },
    });
    expect(session.status).toBe("completed");
    expect(session.humanScore).toBe(100);
    expect(session.finalScore).toBeCloseTo((session.autoScore! + 100) / 2, 2);

    const again = await callRoute(
      reviewAction,
      buildRequest(`/training/roleplay/reviews/${row.id}`, {
        cookie: trainer.cookie,
        form: { intent: "submit", "rating.greeting": "1" },
      }),
      { reviewId: row.id },
    );
    expect(again.status).toBe(409);

    const { data } = await view(row.sessionId, agent.cookie);
    expect(data.view.result?.review).toMatchObject({ status: "submitted", summary: "流程完整，政策说明准确。" });
    expect(data.view.result?.finalScore).toBe(session.finalScore);
  });
});

describe("progress", () => {
  it("shows my scenarios, sessions and weakest steps", async () => {
    const result = await callRoute(homeLoader, buildRequest("/learn/roleplay", { cookie: agent.cookie }));
    expect(result.status).toBe(200);
    const data = result.data as {
      cards: { rows: { id: string; attempts: number; best: number | null }[] };
      sessions: { total: number };
      summary: { attempted: number; sessions: number; weakestSteps: { label: string }[] };
    };
    const card = data.cards.rows.find((row) => row.id === scenarioId)!;
    expect(card.attempts).toBe(3);
    expect(card.best).not.toBeNull();
    expect(data.sessions.total).toBe(3);
    expect(data.summary.attempted).toBe(1);
    // The red-line session missed 说明7天无理由 and 确认满意 (问候 was not said either).
    expect(data.summary.weakestSteps.map((step) => step.label)).toContain("确认满意");
  });

  it("puts the latest result on the agent's home", async () => {
    const result = await callRoute(agentHomeLoader, buildRequest("/agent", { cookie: agent.cookie }));
    expect(result.status).toBe(200);
    const { rolePlay } = result.data as {
      rolePlay: { attempted: number; latest: { title: string; passed: boolean | null } | null };
    };
    expect(rolePlay.attempted).toBe(1);
    expect(rolePlay.latest?.title).toBe("运动鞋七天无理由退货");
  });

  it("gives trainers everyone, team leads their teams, agents nothing", async () => {
    const asAgent = await callRoute(
      progressLoader,
      buildRequest("/training/roleplay/progress", { cookie: agent.cookie }),
    );
    expect(asAgent.status).toBe(403);

    const asTrainer = await callRoute(
      progressLoader,
      buildRequest("/training/roleplay/progress", { cookie: trainer.cookie }),
    );
    expect(asTrainer.status).toBe(200);
    const trainerData = asTrainer.data as {
      hardest: { scenarioId: string; sessions: number }[];
      missed: { label: string; missRate: number }[];
      agents: { rows: { name: string; attempted: number; weakestStep: { label: string } | null }[] };
    };
    expect(trainerData.hardest.find((row) => row.scenarioId === scenarioId)?.sessions).toBeGreaterThanOrEqual(2);
    expect(trainerData.missed.length).toBeGreaterThan(0);
    expect(trainerData.agents.rows.map((row) => row.name)).toEqual(expect.arrayContaining(["林小雨", "赵一鸣"]));

    const asLead = await callRoute(
      progressLoader,
      buildRequest("/training/roleplay/progress", { cookie: lead.cookie }),
    );
    expect(asLead.status).toBe(200);
    const leadRows = (asLead.data as { agents: { rows: { name: string; latestSessionId: string | null }[] } }).agents
      .rows;
    expect(leadRows.map((row) => row.name)).toEqual(["林小雨"]);
    // The lead follows the latest score to the session, read-only.
    const opened = await view(leadRows[0]!.latestSessionId!, lead.cookie);
    expect(opened.status).toBe(200);
    expect(opened.data.own).toBe(false);

    const asOtherLead = await callRoute(
      progressLoader,
      buildRequest(`/training/roleplay/progress?team=${teamId}`, { cookie: otherLead.cookie }),
    );
    expect((asOtherLead.data as { agents: { rows: unknown[] } }).agents.rows).toEqual([]);
  });
});
