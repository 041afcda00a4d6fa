/** Sampling plans: list, load, save (validated against the database, audited). */
import { recordAudit } from "~/modules/audit/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { nextRuns } from "./cron";
import {
  filtersFromForm,
  SamplingFiltersSchema,
  strategyParamsFromForm,
  StrategyParamsSchema,
  type PlanFormValue,
} from "./schemas";

type Actor = { id: string; ipAddress?: string | null };

export async function listPlans({ page, pageSize }: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    db.samplingPlan.findMany({
      orderBy: [{ active: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        strategy: true,
        cron: true,
        active: true,
        rubric: { select: { name: true } },
        _count: { select: { inspectors: true } },
        runs: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { id: true, createdAt: true, status: true, assignedCount: true },
        },
      },
    }),
    db.samplingPlan.count(),
  ]);
  const timeZone = env().APP_TIME_ZONE;
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      strategy: row.strategy,
      cron: row.cron,
      active: row.active,
      rubricName: row.rubric.name,
      inspectorCount: row._count.inspectors,
      lastRun: row.runs[0] ? { ...row.runs[0], createdAt: row.runs[0].createdAt.toISOString() } : null,
      nextRunAt: row.active && row.cron ? (nextRuns(row.cron, timeZone, 1)[0]?.toISOString() ?? null) : null,
    })),
  };
}

export async function getPlan(planId: string) {
  const plan = await db.samplingPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      name: true,
      description: true,
      rubricId: true,
      strategy: true,
      strategyParams: true,
      filters: true,
      cron: true,
      active: true,
      perInspectorCap: true,
      dueInDays: true,
      lastRunAt: true,
      inspectors: { select: { userId: true } },
    },
  });
  if (!plan) return null;
  return {
    ...plan,
    strategyParams: StrategyParamsSchema.parse(plan.strategyParams),
    filters: SamplingFiltersSchema.parse(plan.filters),
    inspectorIds: plan.inspectors.map((inspector) => inspector.userId),
  };
}
export type LoadedPlan = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

export async function listPlanRuns(planId: string, { page, pageSize }: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    db.samplingRun.findMany({
      where: { planId },
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        createdAt: true,
        trigger: true,
        status: true,
        seed: true,
        candidateCount: true,
        sampledCount: true,
        assignedCount: true,
        unassignedCount: true,
      },
    }),
    db.samplingRun.count({ where: { planId } }),
  ]);
  return { total, rows: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
}

/** Choices for the plan form: active rubrics, the inspector pool candidates, teams and agents. */
export async function planFormOptions() {
  const [rubrics, inspectors, teams, agents] = await Promise.all([
    db.rubric.findMany({ where: { status: "active" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { status: "active", roles: { some: { role: { in: ["qa_inspector", "qa_lead"] } } } },
      orderBy: { externalId: "asc" },
      select: { id: true, name: true, externalId: true },
    }),
    db.team.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { status: "active", roles: { some: { role: "agent" } } },
      orderBy: { externalId: "asc" },
      select: { id: true, name: true, externalId: true },
    }),
  ]);
  return { rubrics, inspectors, teams, agents };
}

type SaveResult =
  { ok: true; planId: string } | { ok: false; fieldErrors: Record<string, string[]>; formErrors?: string[] };

/** Checks the references the form cannot: active rubric, eligible inspectors, existing teams and agents. */
async function validateReferences(value: PlanFormValue): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const rubric = await db.rubric.findUnique({ where: { id: value.rubricId }, select: { status: true } });
  if (!rubric || rubric.status !== "active") errors.rubricId = ["qa-sampling:errors.rubricInactive"];
  const inspectors = await db.user.count({
    where: {
      id: { in: value.inspectorIds },
      status: "active",
      roles: { some: { role: { in: ["qa_inspector", "qa_lead"] } } },
    },
  });
  if (inspectors !== new Set(value.inspectorIds).size) errors.inspectorIds = ["qa-sampling:errors.inspectorInvalid"];
  if (value.teams.length && (await db.team.count({ where: { id: { in: value.teams } } })) !== new Set(value.teams).size)
    errors.teams = ["validation:invalidChoice"];
  if (
    value.agents.length &&
    (await db.user.count({ where: { id: { in: value.agents } } })) !== new Set(value.agents).size
  )
    errors.agents = ["validation:invalidChoice"];
  return errors;
}

function planData(value: PlanFormValue) {
  return {
    name: value.name,
    description: value.description || null,
    rubricId: value.rubricId,
    strategy: value.strategy,
    strategyParams: strategyParamsFromForm(value) as Prisma.InputJsonValue,
    filters: filtersFromForm(value) as Prisma.InputJsonValue,
    cron: value.cron || null,
    active: value.active,
    perInspectorCap: value.perInspectorCap,
    dueInDays: value.dueInDays,
  };
}

export async function createPlan(value: PlanFormValue, actor: Actor): Promise<SaveResult> {
  const fieldErrors = await validateReferences(value);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const data = planData(value);
  const plan = await db.$transaction(async (tx) => {
    const created = await tx.samplingPlan.create({
      // The schedule counts from now: a new plan never fires for slots before it existed.
      data: { ...data, createdById: actor.id, lastRunAt: data.cron ? new Date() : null },
      select: { id: true },
    });
    await tx.samplingPlanInspector.createMany({
      data: [...new Set(value.inspectorIds)].map((userId) => ({ planId: created.id, userId })),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "sampling-plan.create",
        entityType: "sampling-plan",
        entityId: created.id,
        after: { ...data, inspectorIds: value.inspectorIds },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return created;
  });
  return { ok: true, planId: plan.id };
}

export async function updatePlan(planId: string, value: PlanFormValue, actor: Actor): Promise<SaveResult> {
  const before = await getPlan(planId);
  if (!before) return { ok: false, fieldErrors: {}, formErrors: ["qa-sampling:errors.planMissing"] };
  const fieldErrors = await validateReferences(value);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const data = planData(value);
  const scheduleChanged = data.cron !== before.cron || (data.active && !before.active);
  await db.$transaction(async (tx) => {
    await tx.samplingPlan.update({
      where: { id: planId },
      // A new or re-enabled schedule counts from now, so it does not fire for slots that passed meanwhile.
      data: { ...data, ...(scheduleChanged ? { lastRunAt: data.cron ? new Date() : null } : {}) },
    });
    await tx.samplingPlanInspector.deleteMany({ where: { planId } });
    await tx.samplingPlanInspector.createMany({
      data: [...new Set(value.inspectorIds)].map((userId) => ({ planId, userId })),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "sampling-plan.update",
        entityType: "sampling-plan",
        entityId: planId,
        before: {
          name: before.name,
          rubricId: before.rubricId,
          strategy: before.strategy,
          strategyParams: before.strategyParams,
          filters: before.filters,
          cron: before.cron,
          active: before.active,
          perInspectorCap: before.perInspectorCap,
          dueInDays: before.dueInDays,
          inspectorIds: before.inspectorIds,
        },
        after: { ...data, inspectorIds: value.inspectorIds },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
  return { ok: true, planId };
}

/** One run with its reviews (paginated) for the run page. */
export async function getRunDetail(runId: string, { page, pageSize }: { page: number; pageSize: number }) {
  const run = await db.samplingRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      seed: true,
      inputs: true,
      trigger: true,
      status: true,
      error: true,
      candidateCount: true,
      sampledCount: true,
      assignedCount: true,
      unassignedCount: true,
      createdAt: true,
      finishedAt: true,
      createdById: true,
      plan: { select: { id: true, name: true, rubric: { select: { name: true } } } },
    },
  });
  if (!run) return null;
  const [reviews, reviewTotal, createdBy] = await Promise.all([
    db.review.findMany({
      where: { samplingRunId: runId },
      orderBy: [{ conversation: { startedAt: "desc" } }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        dueAt: true,
        score: true,
        conversation: { select: { id: true, externalId: true, channel: true, startedAt: true, csat: true } },
        agent: { select: { name: true, externalId: true } },
        inspector: { select: { name: true, externalId: true } },
      },
    }),
    db.review.count({ where: { samplingRunId: runId } }),
    run.createdById ? db.user.findUnique({ where: { id: run.createdById }, select: { name: true } }) : null,
  ]);
  return { run, reviews, reviewTotal, createdByName: createdBy?.name ?? null };
}
