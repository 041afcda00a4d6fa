import { beforeAll, describe, expect, it } from "vitest";
import { configureJobs } from "~/modules/jobs/queue.server";
import { waitForJobRun } from "~/modules/jobs/runs.server";
import { candidateStrata, fetchPicked } from "~/modules/qa/sampling/candidates.server";
import { executeSamplingRun, previewRun, buildRunInputs } from "~/modules/qa/sampling/run.server";
import { enqueueDuePlans, slotKey } from "~/modules/qa/sampling/schedule.server";
import { SamplingFiltersSchema } from "~/modules/qa/sampling/schemas";
import { pickCandidates } from "~/modules/qa/sampling/strategies";
import { loader as indexLoader } from "~/routes/qa.sampling._index";
import { action as planAction, loader as planLoader } from "~/routes/qa.sampling.$planId";
import { action as newAction, loader as newLoader } from "~/routes/qa.sampling.new";
import { action as runAction, loader as runLoader } from "~/routes/qa.sampling.runs.$runId";
import { db, type Prisma } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

let lead: TestUser;
let leadCookie: string;
let inspectors: TestUser[];
let agents: TestUser[];
let teamId: string;
let otherTeamId: string;
let rubric: Awaited<ReturnType<typeof createTestRubric>>;
const DAY = 86_400_000;

beforeAll(async () => {
  // BullMQ mode would hand runs to a worker this file does not start.
  configureJobs({ mode: "inline" });
  ({ user: lead, cookie: leadCookie } = await signInAs(["qa_lead", "qa_inspector"], { name: "赵静怡" }));
  teamId = (await db.team.create({ data: { code: "AFT", name: "售后服务组" }, select: { id: true } })).id;
  otherTeamId = (await db.team.create({ data: { code: "PRE", name: "售前咨询组" }, select: { id: true } })).id;
  inspectors = [
    await createTestUser({ roles: ["qa_inspector"], externalId: "QT01", name: "吴俊杰" }),
    await createTestUser({ roles: ["qa_inspector"], externalId: "QT02", name: "陈思彤" }),
  ];
  agents = [];
  for (const code of ["AT01", "AT02", "AT03"]) {
    agents.push(await createTestUser({ roles: ["agent"], externalId: code, teamId }));
  }
  rubric = await createTestRubric({ name: "在线客服通用质检表" });
});

function post(path: string, form: Record<string, string | string[] | undefined>, cookie = leadCookie) {
  return buildRequest(path, { cookie, form });
}

type Filters = Partial<Prisma.InputJsonObject>;

async function createPlan(options: {
  filters?: Filters;
  strategy?: "random_percent" | "fixed_per_agent" | "stratified_equal" | "stratified_proportional" | "targeted";
  strategyParams?: Prisma.InputJsonObject;
  inspectorIds?: string[];
  cap?: number;
  cron?: string | null;
  lastRunAt?: Date | null;
}) {
  const filters = SamplingFiltersSchema.parse({ window: { kind: "relative", days: 30 }, ...options.filters });
  return db.samplingPlan.create({
    data: {
      name: `计划-${Math.random().toString(36).slice(2, 8)}`,
      rubricId: rubric.rubricId,
      filters: filters as unknown as Prisma.InputJsonValue,
      strategy: options.strategy ?? "targeted",
      strategyParams: options.strategyParams ?? {},
      perInspectorCap: options.cap ?? 50,
      dueInDays: 3,
      cron: options.cron ?? null,
      lastRunAt: options.lastRunAt ?? null,
      inspectors: { create: (options.inspectorIds ?? inspectors.map((user) => user.id)).map((userId) => ({ userId })) },
    },
    select: { id: true, name: true },
  });
}

async function createRunRow(planId: string, seed = "fixed-seed") {
  const plan = await db.samplingPlan.findUniqueOrThrow({ where: { id: planId } });
  return db.samplingRun.create({
    data: { planId, seed, trigger: "manual", inputs: buildRunInputs(plan, new Date()) as Prisma.InputJsonValue },
    select: { id: true },
  });
}

/** Conversations tagged with a marker so each test only samples its own. */
async function conversations(marker: string, specs: Parameters<typeof createTestConversation>[0][]) {
  const created = [];
  for (const spec of specs) {
    created.push(
      await createTestConversation({
        teamId,
        startedAt: new Date(Date.now() - 2 * DAY),
        ...spec,
        tags: [marker, ...(spec?.tags ?? [])],
      }),
    );
  }
  return created.map((conversation) => conversation.id);
}

describe("permissions", () => {
  it("answers 403 to agents and inspectors, and lets leads and managers in", async () => {
    const plan = await createPlan({});
    const run = await createRunRow(plan.id);
    for (const role of ["agent", "qa_inspector", "team_lead"] as const) {
      const { cookie } = await signInAs(role);
      expect((await callRoute(indexLoader, buildRequest("/qa/sampling", { cookie }))).status).toBe(403);
      expect((await callRoute(newLoader, buildRequest("/qa/sampling/new", { cookie }))).status).toBe(403);
      expect(
        (await callRoute(planLoader, buildRequest(`/qa/sampling/${plan.id}`, { cookie }), { planId: plan.id })).status,
      ).toBe(403);
      const runNow = await callRoute(planAction, post(`/qa/sampling/${plan.id}`, { intent: "run" }, cookie), {
        planId: plan.id,
      });
      expect(runNow.status).toBe(403);
      expect(
        (await callRoute(runLoader, buildRequest(`/qa/sampling/runs/${run.id}`, { cookie }), { runId: run.id })).status,
      ).toBe(403);
    }
    expect(await db.samplingRun.count({ where: { planId: plan.id } })).toBe(1);
    const { cookie: managerCookie } = await signInAs("manager");
    expect((await callRoute(indexLoader, buildRequest("/qa/sampling", { cookie: managerCookie }))).status).toBe(200);
    expect(
      (await callRoute(planLoader, buildRequest(`/qa/sampling/x`, { cookie: managerCookie }), { planId: "x" })).status,
    ).toBe(404);
  });
});

const validForm = () => ({
  name: "在线客服每周抽检",
  rubricId: rubric.rubricId,
  strategy: "random_percent",
  percent: "5",
  windowKind: "previous",
  windowUnit: "week",
  channels: ["chat"],
  teams: [teamId],
  tags: "物流，退款",
  csatMax: "3",
  inspectorIds: inspectors.map((user) => user.id),
  perInspectorCap: "40",
  dueInDays: "3",
  cron: "0 9 * * 1",
  active: "on",
});

describe("plan form", () => {
  it("reports each bad field", async () => {
    const result = await callRoute(
      newAction,
      post("/qa/sampling/new", {
        ...validForm(),
        percent: "150",
        perInspectorCap: "0",
        cron: "每周一",
        inspectorIds: undefined,
        csatMax: "9",
      }),
    );
    expect(result.status).toBe(400);
    const errors = (result.data as { error: Record<string, string[]> }).error;
    expect(errors.percent).toEqual(["qa-sampling:errors.percentRange"]);
    expect(errors.perInspectorCap).toEqual(["qa-sampling:errors.capRange"]);
    expect(errors.cron).toEqual(["qa-sampling:errors.cronInvalid"]);
    expect(errors.inspectorIds).toEqual(["qa-sampling:errors.inspectorsRequired"]);
    expect(errors.csatMax).toEqual(["qa-sampling:errors.csatRange"]);
  });

  it("refuses agents in the inspector pool, inactive rubrics and a reversed date range", async () => {
    const draft = await db.rubric.create({ data: { slug: "draft-form", name: "草稿质检表" }, select: { id: true } });
    const result = await callRoute(
      newAction,
      post("/qa/sampling/new", {
        ...validForm(),
        rubricId: draft.id,
        inspectorIds: [agents[0]!.id],
        windowKind: "absolute",
        windowFrom: "2026-03-10",
        windowTo: "2026-03-01",
      }),
    );
    expect(result.status).toBe(400);
    expect((result.data as { error: Record<string, string[]> }).error.windowTo).toEqual([
      "qa-sampling:errors.windowOrder",
    ]);
    const fixed = await callRoute(
      newAction,
      post("/qa/sampling/new", { ...validForm(), rubricId: draft.id, inspectorIds: [agents[0]!.id] }),
    );
    const errors = (fixed.data as { error: Record<string, string[]> }).error;
    expect(errors.rubricId).toEqual(["qa-sampling:errors.rubricInactive"]);
    expect(errors.inspectorIds).toEqual(["qa-sampling:errors.inspectorInvalid"]);
  });

  it("creates and updates a plan, audited, and lists it with its next run", async () => {
    const result = await callRoute(newAction, post("/qa/sampling/new", validForm()));
    expect(result.status).toBe(302);
    const planId = result.location!.split("/").pop()!;
    const plan = await db.samplingPlan.findUniqueOrThrow({
      where: { id: planId },
      select: { strategy: true, strategyParams: true, filters: true, cron: true, lastRunAt: true, inspectors: true },
    });
    expect(plan.strategy).toBe("random_percent");
    expect(plan.strategyParams).toEqual({ percent: 5 });
    expect(plan.filters).toMatchObject({
      teams: [teamId],
      channels: ["chat"],
      tags: ["物流", "退款"],
      csatMax: 3,
      window: { kind: "previous", unit: "week" },
    });
    expect(plan.lastRunAt).not.toBeNull(); // the schedule counts from creation
    expect(plan.inspectors).toHaveLength(2);
    expect(await db.auditLog.count({ where: { action: "sampling-plan.create", entityId: planId } })).toBe(1);

    const updated = await callRoute(
      planAction,
      post(`/qa/sampling/${planId}`, {
        ...validForm(),
        intent: "save",
        strategy: "stratified_proportional",
        total: "30",
      }),
      { planId },
    );
    expect(updated.status).toBe(302);
    const after = await db.samplingPlan.findUniqueOrThrow({
      where: { id: planId },
      select: { strategy: true, strategyParams: true },
    });
    expect(after).toEqual({ strategy: "stratified_proportional", strategyParams: { total: 30 } });
    expect(await db.auditLog.count({ where: { action: "sampling-plan.update", entityId: planId } })).toBe(1);

    const list = await callRoute(indexLoader, buildRequest("/qa/sampling", { cookie: leadCookie }));
    const row = (list.data as { rows: { id: string; nextRunAt: string | null }[] }).rows.find(
      (entry) => entry.id === planId,
    );
    expect(row?.nextRunAt).toBeTruthy();
  });
});

describe("running a plan", () => {
  it("creates assigned reviews for exactly the matching conversations, notifies and audits", async () => {
    const [a1, a2, a3] = agents.map((user) => user.id) as [string, string, string];
    const matching = await conversations("run-match", [
      { agentIds: [a1], complaint: true, csat: 1 },
      { agentIds: [a2], complaint: true, csat: 2 },
      { agentIds: [a3], complaint: true, csat: 2, channel: "phone" },
    ]);
    await conversations("run-match", [
      { agentIds: [a1], complaint: false, csat: 1 }, // not a complaint
      { agentIds: [a2], complaint: true, csat: 5 }, // CSAT too high
      { agentIds: [], complaint: true, csat: 1 }, // no primary agent
      { agentIds: [a3], complaint: true, csat: 1, startedAt: new Date(Date.now() - 60 * DAY) }, // outside the window
      { agentIds: [a1], complaint: true, csat: 1, teamId: otherTeamId }, // other team
    ]);
    const plan = await createPlan({
      filters: { tags: ["run-match"], complaintOnly: true, csatMax: 2, teams: [teamId] },
    });
    const run = await createRunRow(plan.id);

    const result = await executeSamplingRun(run.id);
    expect(result).toMatchObject({ candidateCount: 3, sampledCount: 3, assignedCount: 3, unassignedCount: 0 });
    const reviews = await db.review.findMany({
      where: { samplingRunId: run.id },
      select: {
        conversationId: true,
        agentId: true,
        inspectorId: true,
        status: true,
        kind: true,
        rubricVersionId: true,
        dueAt: true,
      },
    });
    expect(reviews.map((review) => review.conversationId).sort()).toEqual([...matching].sort());
    for (const review of reviews) {
      expect(review).toMatchObject({ status: "assigned", kind: "regular", rubricVersionId: rubric.versionId });
      expect(review.dueAt!.getTime()).toBeGreaterThan(Date.now() + 2.9 * DAY);
    }
    expect(new Set(reviews.map((review) => review.agentId))).toEqual(new Set([a1, a2, a3]));
    const stored = await db.samplingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored).toMatchObject({ status: "succeeded", candidateCount: 3, sampledCount: 3, assignedCount: 3 });
    const notes = await db.notification.findMany({
      where: { kind: "qa-reviews-assigned", params: { path: ["plan"], equals: plan.name } },
      select: { userId: true, params: true, link: true },
    });
    // Balanced: 2 and 1 over the two inspectors, one notification each.
    expect(notes.map((note) => (note.params as { count: number }).count).sort()).toEqual([1, 2]);
    expect(notes.every((note) => note.link === "/qa/queue")).toBe(true);
    expect(await db.auditLog.count({ where: { action: "sampling.run", entityId: run.id } })).toBe(1);
  });

  it("excludes conversations already reviewed for the agent, but not cancelled reviews", async () => {
    const [a1] = agents.map((user) => user.id) as [string];
    const [reviewed, cancelled, fresh] = await conversations("reviewed", [
      { agentIds: [a1] },
      { agentIds: [a1] },
      { agentIds: [a1] },
    ]);
    await createTestReview({
      conversationId: reviewed!,
      inspectorId: lead.id,
      rubricVersionId: rubric.versionId,
      agentId: a1,
      status: "submitted",
    });
    const old = await createTestReview({
      conversationId: cancelled!,
      inspectorId: lead.id,
      rubricVersionId: rubric.versionId,
      agentId: a1,
    });
    await db.review.update({ where: { id: old.id }, data: { status: "cancelled" } });
    const plan = await createPlan({ filters: { tags: ["reviewed"] } });
    const run = await createRunRow(plan.id);
    await executeSamplingRun(run.id);
    const picked = await db.review.findMany({ where: { samplingRunId: run.id }, select: { conversationId: true } });
    expect(picked.map((review) => review.conversationId).sort()).toEqual([cancelled!, fresh!].sort());
  });

  it("never assigns inspectors their own conversations, and respects the cap", async () => {
    // Fresh inspectors: the shared ones carry open reviews from the tests above.
    const pool = [await createTestUser({ roles: ["qa_inspector"] }), await createTestUser({ roles: ["qa_inspector"] })];
    const [i1, i2] = pool.map((user) => user.id) as [string, string];
    const [a1, a2] = agents.map((user) => user.id) as [string, string];
    const own = await conversations("own", [
      { agentIds: [i1] }, // i1 was the primary agent
      { agentIds: [a1, i2] }, // i2 took part as a second agent
    ]);
    const others = await conversations("own", [
      { agentIds: [a1] },
      { agentIds: [a2] },
      { agentIds: [a1] },
      { agentIds: [a2] },
    ]);
    // i2 already holds one open review: with a cap of 2 the pool can take 3 more (i1: 2, i2: 1).
    const [busy] = await conversations("busy", [{ agentIds: [a2] }]);
    await createTestReview({ conversationId: busy!, inspectorId: i2, rubricVersionId: rubric.versionId, agentId: a2 });
    const plan = await createPlan({ filters: { tags: ["own"] }, cap: 2, inspectorIds: [i1, i2] });
    const run = await createRunRow(plan.id);
    const result = await executeSamplingRun(run.id);
    expect(result).toMatchObject({ sampledCount: 6, assignedCount: 3, unassignedCount: 3 });
    const reviews = await db.review.findMany({
      where: { samplingRunId: run.id },
      select: { conversationId: true, inspectorId: true },
    });
    const byConversation = new Map(reviews.map((review) => [review.conversationId, review.inspectorId]));
    expect(byConversation.get(own[0]!)).not.toBe(i1);
    expect(byConversation.get(own[1]!)).not.toBe(i2);
    expect(reviews.filter((review) => review.inspectorId === i1)).toHaveLength(2);
    expect(reviews.filter((review) => review.inspectorId === i2)).toHaveLength(1);
    expect(others.length + own.length).toBe(6);
  });

  it("is idempotent: running the job again creates nothing", async () => {
    const [a1, a2] = agents.map((user) => user.id) as [string, string];
    await conversations("twice", [{ agentIds: [a1] }, { agentIds: [a2] }, { agentIds: [a1] }]);
    const plan = await createPlan({ filters: { tags: ["twice"] } });
    const run = await createRunRow(plan.id);
    await executeSamplingRun(run.id);
    expect(await executeSamplingRun(run.id)).toEqual({ runId: run.id, skipped: "finished" });
    // A retry after a crash that left the status behind still finds the reviews and stops.
    await db.samplingRun.update({ where: { id: run.id }, data: { status: "running" } });
    expect(await executeSamplingRun(run.id)).toEqual({ runId: run.id, skipped: "reviews-exist" });
    expect(await db.review.count({ where: { samplingRunId: run.id } })).toBe(3);
    expect(
      await db.notification.count({
        where: { kind: "qa-reviews-assigned", params: { path: ["plan"], equals: plan.name } },
      }),
    ).toBe(2);
  });
});

describe("reproducibility", () => {
  it("picks the same set for the same seed, matches the pure strategy, and differs for another seed", async () => {
    const ids = agents.map((user) => user.id);
    const specs = Array.from({ length: 24 }, (_, i) => ({ agentIds: [ids[i % 3]!] }));
    await conversations("repro", specs);
    const plan = await createPlan({
      filters: { tags: ["repro"] },
      strategy: "stratified_equal",
      strategyParams: { total: 7 },
    });
    const row = await db.samplingPlan.findUniqueOrThrow({ where: { id: plan.id } });
    const inputs = buildRunInputs(row, new Date());
    const one = await previewRun("seed-a", inputs);
    const two = await previewRun("seed-a", inputs);
    const other = await previewRun("seed-b", inputs);
    expect(one.sampledCount).toBe(7);
    expect(two.conversationIds).toEqual(one.conversationIds);
    expect(other.conversationIds).not.toEqual(one.conversationIds);

    // The SQL path (count, plan positions, fetch by rank) picks what the in-memory strategy picks.
    const query = {
      filters: inputs.filters,
      window: { from: new Date(inputs.window.from), to: new Date(inputs.window.to) },
    };
    const everything = await fetchPicked(query, { kind: "all" });
    expect((await candidateStrata(query)).reduce((sum, stratum) => sum + stratum.size, 0)).toBe(24);
    const expected = pickCandidates(everything, "stratified_equal", { total: 7 }, "seed-a").map((pick) => pick.id);
    expect(one.conversationIds).toEqual(expected);
    const percent = await previewRun("seed-a", {
      ...inputs,
      strategy: "random_percent",
      strategyParams: { percent: 25 },
    });
    expect(percent.conversationIds).toEqual(
      pickCandidates(everything, "random_percent", { percent: 25 }, "seed-a").map((pick) => pick.id),
    );
  });

  it("runs from the plan page, replays the run with its seed, and re-runs with the same seed", async () => {
    const ids = agents.map((user) => user.id);
    await conversations(
      "page",
      Array.from({ length: 12 }, (_, i) => ({ agentIds: [ids[i % 3]!] })),
    );
    const plan = await createPlan({
      filters: { tags: ["page"] },
      strategy: "fixed_per_agent",
      strategyParams: { perAgent: 2 },
    });

    const preview = await callRoute(planAction, post(`/qa/sampling/${plan.id}`, { intent: "preview", seed: "demo" }), {
      planId: plan.id,
    });
    expect(preview.data).toMatchObject({
      intent: "preview",
      preview: { seed: "demo", candidateCount: 12, sampledCount: 6, agentCount: 3 },
    });

    const started = await callRoute(planAction, post(`/qa/sampling/${plan.id}`, { intent: "run" }), {
      planId: plan.id,
    });
    expect(started.status).toBe(302);
    const runId = started.location!.split("/").pop()!;
    const run = await db.samplingRun.findUniqueOrThrow({
      where: { id: runId },
      select: { jobRunId: true, createdById: true },
    });
    expect(run.createdById).toBe(lead.id);
    expect((await waitForJobRun(run.jobRunId!)).status).toBe("succeeded");

    const page = await callRoute(runLoader, buildRequest(`/qa/sampling/runs/${runId}`, { cookie: leadCookie }), {
      runId,
    });
    const loaded = page.data as {
      run: { status: string; assignedCount: number };
      reviews: { inspector: unknown }[];
      reviewTotal: number;
    };
    expect(loaded.run).toMatchObject({ status: "succeeded", assignedCount: 6 });
    expect(loaded.reviewTotal).toBe(6);

    const replay = await callRoute(runAction, post(`/qa/sampling/runs/${runId}`, { intent: "preview" }), { runId });
    expect(replay.data).toMatchObject({ preview: { sampledCount: 6, matched: 6, reviewTotal: 6 } });

    const rerun = await callRoute(runAction, post(`/qa/sampling/runs/${runId}`, { intent: "rerun" }), { runId });
    expect(rerun.status).toBe(302);
    const secondId = rerun.location!.split("/").pop()!;
    const second = await db.samplingRun.findUniqueOrThrow({
      where: { id: secondId },
      select: { seed: true, inputs: true, trigger: true, jobRunId: true },
    });
    const first = await db.samplingRun.findUniqueOrThrow({
      where: { id: runId },
      select: { seed: true, inputs: true },
    });
    expect(second).toMatchObject({ seed: first.seed, inputs: first.inputs, trigger: "rerun" });
    await waitForJobRun(second.jobRunId!);
    // The second run samples from what is left: 12 − 6 already reviewed = 6 candidates, none picked twice.
    const again = await db.review.findMany({ where: { samplingRunId: secondId }, select: { conversationId: true } });
    const firstIds = new Set(
      (await db.review.findMany({ where: { samplingRunId: runId }, select: { conversationId: true } })).map(
        (r) => r.conversationId,
      ),
    );
    expect(again).toHaveLength(6);
    expect(again.some((review) => firstIds.has(review.conversationId))).toBe(false);
  });
});

describe("scheduled plans", () => {
  it("starts one run per plan and slot, however often the due-plans job fires", async () => {
    await conversations("scheduled", [{ agentIds: [agents[0]!.id] }]);
    const plan = await createPlan({
      filters: { tags: ["scheduled"] },
      cron: "0 9 * * 1",
      lastRunAt: new Date("2026-03-01T00:00:00Z"),
    });
    const now = new Date("2026-03-10T02:00:00Z"); // after Monday 2026-03-09 09:00 in Shanghai
    const results = await Promise.all([enqueueDuePlans(now), enqueueDuePlans(now)]);
    await enqueueDuePlans(new Date("2026-03-10T02:05:00Z"));
    expect(results.reduce((sum, result) => sum + result.started, 0)).toBe(1);
    const runs = await db.samplingRun.findMany({
      where: { planId: plan.id },
      select: { id: true, trigger: true, jobRunId: true, inputs: true },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "scheduled", inputs: { slot: "2026-03-09T01:00:00.000Z" } });
    const key = slotKey(plan.id, "2026-03-09T01:00:00.000Z");
    expect(await db.jobRun.count({ where: { idempotencyKey: key } })).toBe(1);
    expect((await db.samplingPlan.findUniqueOrThrow({ where: { id: plan.id } })).lastRunAt?.toISOString()).toBe(
      "2026-03-09T01:00:00.000Z",
    );
    await waitForJobRun(runs[0]!.jobRunId!);

    // The next slot (a week later) starts a second run.
    await enqueueDuePlans(new Date("2026-03-16T01:05:00Z"));
    expect(await db.samplingRun.count({ where: { planId: plan.id } })).toBe(2);
    const latest = await db.samplingRun.findFirstOrThrow({
      where: { planId: plan.id },
      orderBy: { createdAt: "desc" },
      select: { jobRunId: true },
    });
    await waitForJobRun(latest.jobRunId!);
  });

  it("ignores paused plans and plans without a schedule", async () => {
    const paused = await createPlan({ cron: "0 9 * * 1", lastRunAt: new Date("2026-03-01T00:00:00Z") });
    await db.samplingPlan.update({ where: { id: paused.id }, data: { active: false } });
    const manual = await createPlan({ cron: null });
    await enqueueDuePlans(new Date("2026-03-10T02:00:00Z"));
    expect(await db.samplingRun.count({ where: { planId: { in: [paused.id, manual.id] } } })).toBe(0);
  });
});
