/**
 * Coaching tasks that assign a role-play scenario: the inspector picks a published scenario on the new-task form,
 * the agent starts a practice session linked to the task from the task page, and both task pages show the best
 * result. Also the seed step that links the demo task.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { permissionsFor } from "~/modules/identity/permissions";
import type { Prisma } from "~/utils/db.server";
import { loadPlayView, sendRolePlayReply } from "~/modules/roleplay/sessions.server";
import { action as agentTaskAction, loader as agentTaskLoader } from "~/routes/agent.coaching.$taskId";
import { loader as staffTaskLoader } from "~/routes/qa.coaching.$taskId";
import { action as newAction, loader as newLoader } from "~/routes/qa.coaching.new";
import { db } from "~/utils/db.server";
import { linkDemoCoachingScenario } from "../../prisma/seed/training-roleplay-coaching";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";
import { returnScriptInput } from "../support/roleplay-script";

let inspectorCookie: string;
let agent: TestUser;
let agentCookie: string;
let otherAgentCookie: string;
let scenarioId: string;
let draftScenarioId: string;

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

async function createScenario(slug: string, published: boolean) {
  const script = returnScriptInput();
  const scenario = await db.scenario.create({
    data: { slug, title: script.title, summary: script.summary, status: published ? "published" : "draft" },
    select: { id: true },
  });
  const version = await db.scenarioVersion.create({
    data: {
      scenarioId: scenario.id,
      version: 1,
      status: published ? "published" : "draft",
      title: script.title,
      script: script as unknown as Prisma.InputJsonValue,
      contentHash: slug,
      publishedAt: published ? new Date() : null,
    },
    select: { id: true },
  });
  if (published) await db.scenario.update({ where: { id: scenario.id }, data: { publishedVersionId: version.id } });
  return scenario.id;
}

beforeAll(async () => {
  ({ cookie: inspectorCookie } = await signInAs("qa_inspector", { name: "吴俊杰" }));
  const team = await db.team.create({ data: { code: "AFT", name: "售后服务组" } });
  agent = await createTestUser({ name: "林晓", teamId: team.id });
  agentCookie = await sessionCookieFor(agent.id);
  const other = await createTestUser({ name: "周敏", teamId: team.id });
  otherAgentCookie = await sessionCookieFor(other.id);
  scenarioId = await createScenario("coaching-return", true);
  draftScenarioId = await createScenario("coaching-draft", false);
});

function createForm(overrides: Record<string, string | undefined> = {}) {
  return {
    agentId: agent.id,
    title: "退换货政策准确解答",
    notes: "先问候，再准确说明 7 天无理由退货和运费规则，最后确认顾客满意。",
    dueDate: inAWeek(),
    ...overrides,
  };
}

describe("a coaching task with a scenario", () => {
  it("offers only published scenarios and refuses anything else with a field error", async () => {
    const form = await callRoute(newLoader, buildRequest("/qa/coaching/new", { cookie: inspectorCookie }));
    const scenarios = (form.data as { scenarios: { id: string }[] }).scenarios.map((row) => row.id);
    expect(scenarios).toContain(scenarioId);
    expect(scenarios).not.toContain(draftScenarioId);
    for (const bad of [draftScenarioId, "missing"]) {
      const refused = await callRoute(
        newAction,
        buildRequest("/qa/coaching/new", { cookie: inspectorCookie, form: createForm({ scenarioId: bad }) }),
      );
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.data)).toContain("roleplay:coaching.scenarioUnknown");
    }
  });

  it("lets the agent practise from the task and shows the best result on both task pages", async () => {
    const created = await callRoute(
      newAction,
      buildRequest("/qa/coaching/new", { cookie: inspectorCookie, form: createForm({ scenarioId }) }),
    );
    expect(created.status).toBe(302);
    const taskId = created.location!.split("/").pop()!;
    expect((await db.coachingTask.findUniqueOrThrow({ where: { id: taskId } })).scenarioId).toBe(scenarioId);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "coaching.create", entityId: taskId } });
    expect(audit.after).toMatchObject({ scenarioId });

    const before = await callRoute(
      agentTaskLoader,
      buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie }),
      {
        taskId,
      },
    );
    expect((before.data as { practice: unknown }).practice).toMatchObject({
      scenario: { id: scenarioId, playable: true },
      sessions: 0,
      best: null,
    });
    // the task page never carries the script
    expect(JSON.stringify(before.data)).not.toContain("无理由|退货");

    const start = () =>
      callRoute(
        agentTaskAction,
        buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie, form: { intent: "practice" } }),
        { taskId },
      );
    const started = await start();
    expect(started.status).toBe(302);
    const sessionId = started.location!.split("/").pop()!;
    expect((await start()).location).toBe(started.location); // resumes
    const session = await db.rolePlaySession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { mode: true, coachingTaskId: true },
    });
    expect(session).toEqual({ mode: "practice", coachingTaskId: taskId });

    const notMine = await callRoute(
      agentTaskAction,
      buildRequest(`/agent/coaching/${taskId}`, { cookie: otherAgentCookie, form: { intent: "practice" } }),
      { taskId },
    );
    expect(notMine.status).toBe(404);

    let view = await loadPlayView(sessionId, { id: agent.id, permissions: permissionsFor(["agent"]) });
    for (const text of ["您好，很高兴为您服务", "支持7天无理由退货，可以退的", "好的，运费险会理赔给您"]) {
      const awaiting = new Date(view.session.awaitingSince!);
      view = await sendRolePlayReply({ sessionId, userId: agent.id, text, now: new Date(awaiting.getTime() + 5_000) });
    }
    expect(view.session.status).toBe("completed");

    const after = await callRoute(agentTaskLoader, buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie }), {
      taskId,
    });
    expect((after.data as { practice: unknown }).practice).toMatchObject({
      sessions: 1,
      inProgressSessionId: null,
      best: { sessionId, finalScore: view.result!.finalScore, passed: view.result!.passed },
    });
    const staff = await callRoute(
      staffTaskLoader,
      buildRequest(`/qa/coaching/${taskId}`, { cookie: inspectorCookie }),
      {
        taskId,
      },
    );
    expect((staff.data as { practice: unknown }).practice).toMatchObject({ sessions: 1, best: { sessionId } });
  });
});

describe("linkDemoCoachingScenario", () => {
  it("links the first open 情绪安抚 task to the angry-customer scenario once", async () => {
    expect(await linkDemoCoachingScenario()).toBe("coaching scenario: skipped (scenario not seeded)");
    const angry = await createScenario("angry-cannot-reach-service", true);
    const task = await db.coachingTask.create({
      data: { agentId: agent.id, title: "情绪安抚话术提升", notes: "先致歉", dueAt: new Date(Date.now() + 86_400_000) },
      select: { id: true },
    });
    expect(await linkDemoCoachingScenario()).toBe("coaching scenario: 1 task linked");
    expect((await db.coachingTask.findUniqueOrThrow({ where: { id: task.id } })).scenarioId).toBe(angry);
    expect(await linkDemoCoachingScenario()).toBe("coaching scenario: unchanged");
  });
});
