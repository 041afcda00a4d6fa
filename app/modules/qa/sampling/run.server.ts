/**
 * Sampling runs: create (manual, scheduled, re-run), execute as the `qa.sampling-run` job, preview.
 * A run snapshots its inputs (filters, strategy, rubric, the resolved window) and seed, so replaying it
 * picks the same conversations.
 */
import { randomInt as cryptoInt } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueue } from "~/modules/jobs/queue.server";
import { PermanentJobError } from "~/modules/jobs/registry";
import { notify } from "~/modules/notifications/notifications.server";
import { currentRubricVersionId } from "~/modules/qa/rubrics/rubric-version.server";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { assignBalanced } from "./assignment";
import { sampleCandidates, type CandidateQuery } from "./candidates.server";
import { newSeed } from "~/utils/prng";
import { RunInputsSchema, SamplingFiltersSchema, StrategyParamsSchema, type RunInputs } from "./schemas";
import type { Strategy } from "./strategies";
import { resolveWindow } from "./window";

export const SAMPLING_RUN_JOB = "qa.sampling-run";
const OPEN_REVIEW_STATUSES = ["assigned", "draft"] as const;
const CHUNK = 1000;

export type RunTrigger = "manual" | "scheduled" | "rerun";

type PlanForInputs = { rubricId: string; strategy: Strategy; strategyParams: unknown; filters: unknown };

/** The run's inputs: the plan's filters and strategy as they are now, with the window resolved at `at`. */
export function buildRunInputs(plan: PlanForInputs, at: Date, slot?: Date): RunInputs {
  const filters = SamplingFiltersSchema.parse(plan.filters);
  const window = resolveWindow(filters.window, at, env().APP_TIME_ZONE);
  return {
    rubricId: plan.rubricId,
    strategy: plan.strategy,
    strategyParams: StrategyParamsSchema.parse(plan.strategyParams),
    filters,
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    ...(slot ? { slot: slot.toISOString() } : {}),
  };
}

export function randomSeed(): string {
  return newSeed(() => cryptoInt(0, 2 ** 32) / 2 ** 32);
}

function candidateQuery(inputs: RunInputs, asOf?: Date): CandidateQuery {
  return {
    filters: inputs.filters,
    window: { from: new Date(inputs.window.from), to: new Date(inputs.window.to) },
    asOf,
  };
}

/** Creates the run row and queues its job. Returns the run id. */
export async function startRun(options: {
  planId: string;
  trigger: RunTrigger;
  createdById: string | null;
  seed?: string;
  inputs?: RunInputs;
  now?: Date;
}): Promise<string> {
  const plan = await db.samplingPlan.findUniqueOrThrow({
    where: { id: options.planId },
    select: { rubricId: true, strategy: true, strategyParams: true, filters: true },
  });
  const run = await db.samplingRun.create({
    data: {
      planId: options.planId,
      seed: options.seed ?? randomSeed(),
      inputs: (options.inputs ?? buildRunInputs(plan, options.now ?? new Date())) as Prisma.InputJsonValue,
      trigger: options.trigger,
      createdById: options.createdById,
    },
    select: { id: true },
  });
  await enqueueRun(run.id, `sampling-run:${run.id}`);
  return run.id;
}

export async function enqueueRun(runId: string, idempotencyKey: string, scheduled = false) {
  const handle = await enqueue(SAMPLING_RUN_JOB, { runId }, { idempotencyKey, scheduled });
  await db.samplingRun.update({ where: { id: runId }, data: { jobRunId: handle.runId } });
  return handle;
}

export type PreviewResult = {
  candidateCount: number;
  sampledCount: number;
  agentCount: number;
  conversationIds: string[];
  sample: { id: string; externalId: string; agentName: string; startedAt: string }[];
};

const PREVIEW_SAMPLE = 20;

/** A dry run: what these inputs and seed would pick now (or as of `asOf`), without writing anything. */
export async function previewRun(
  seed: string,
  inputs: RunInputs,
  options: { asOf?: Date } = {},
): Promise<PreviewResult> {
  const outcome = await sampleCandidates(
    candidateQuery(inputs, options.asOf),
    inputs.strategy,
    inputs.strategyParams,
    seed,
  );
  const firstIds = outcome.picked.slice(0, PREVIEW_SAMPLE).map((pick) => pick.id);
  const rows = await db.conversation.findMany({
    where: { id: { in: firstIds } },
    select: { id: true, externalId: true, startedAt: true, primaryAgent: { select: { name: true, externalId: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    candidateCount: outcome.candidateCount,
    sampledCount: outcome.picked.length,
    agentCount: new Set(outcome.picked.map((pick) => pick.agentId)).size,
    conversationIds: outcome.picked.map((pick) => pick.id),
    sample: firstIds.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const agent = row.primaryAgent;
      return [
        {
          id,
          externalId: row.externalId,
          agentName: agent ? `${agent.name}（${agent.externalId}）` : "",
          startedAt: row.startedAt.toISOString(),
        },
      ];
    }),
  };
}

export function parseRunInputs(value: unknown): RunInputs {
  return RunInputsSchema.parse(value);
}

async function agentsOf(conversationIds: string[]): Promise<Map<string, string[]>> {
  const agents = new Map<string, string[]>();
  for (let i = 0; i < conversationIds.length; i += CHUNK) {
    const rows = await db.conversationAgent.findMany({
      where: { conversationId: { in: conversationIds.slice(i, i + CHUNK) } },
      select: { conversationId: true, userId: true },
    });
    for (const row of rows) agents.set(row.conversationId, [...(agents.get(row.conversationId) ?? []), row.userId]);
  }
  return agents;
}

async function openLoads(inspectorIds: string[]): Promise<Map<string, number>> {
  const rows = await db.review.groupBy({
    by: ["inspectorId"],
    where: { inspectorId: { in: inspectorIds }, status: { in: [...OPEN_REVIEW_STATUSES] } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.inspectorId, row._count._all]));
}

export type RunResult = {
  runId: string;
  skipped?: "finished" | "reviews-exist";
  candidateCount?: number;
  sampledCount?: number;
  assignedCount?: number;
  unassignedCount?: number;
};

/**
 * The `qa.sampling-run` job. Idempotent: a run that finished, or already has reviews, is left alone; the
 * reviews, counts, notifications and audit entry commit together, under a row lock on the run, so a
 * retry or a second worker cannot create them twice.
 */
export async function executeSamplingRun(runId: string, now: () => Date = () => new Date()): Promise<RunResult> {
  const run = await db.samplingRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      seed: true,
      inputs: true,
      status: true,
      createdById: true,
      plan: {
        select: {
          id: true,
          name: true,
          perInspectorCap: true,
          dueInDays: true,
          inspectors: { where: { user: { status: "active" } }, select: { userId: true } },
        },
      },
    },
  });
  if (!run) throw new PermanentJobError(`sampling run ${runId} does not exist`);
  if (run.status === "succeeded") return { runId, skipped: "finished" };
  if ((await db.review.count({ where: { samplingRunId: runId } })) > 0) {
    await db.samplingRun.update({
      where: { id: runId },
      data: { status: "succeeded", finishedAt: run.status === "running" ? now() : undefined },
    });
    return { runId, skipped: "reviews-exist" };
  }
  await db.samplingRun.update({ where: { id: runId }, data: { status: "running", error: null } });

  try {
    const inputs = parseRunInputs(run.inputs);
    const rubricVersionId = await currentRubricVersionId(inputs.rubricId);
    if (!rubricVersionId) throw new PermanentJobError("the plan's rubric has no version");
    const outcome = await sampleCandidates(candidateQuery(inputs), inputs.strategy, inputs.strategyParams, run.seed);
    const pickedIds = outcome.picked.map((pick) => pick.id);
    const agents = await agentsOf(pickedIds);
    const inspectorIds = run.plan.inspectors.map((inspector) => inspector.userId);
    const loads = await openLoads(inspectorIds);
    const assignment = assignBalanced(
      outcome.picked.map((pick) => ({ id: pick.id, agentIds: [pick.agentId, ...(agents.get(pick.id) ?? [])] })),
      inspectorIds.map((id) => ({ id, load: loads.get(id) ?? 0 })),
      run.plan.perInspectorCap,
    );
    const agentOf = new Map(outcome.picked.map((pick) => [pick.id, pick.agentId]));
    const createdAt = now();
    const dueAt = new Date(createdAt.getTime() + run.plan.dueInDays * 86_400_000);

    const result = await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "SamplingRun" WHERE id = ${runId} FOR UPDATE`;
        if ((await tx.review.count({ where: { samplingRunId: runId } })) > 0) return null;
        // Another plan may have reviewed one of these since the candidate query: never review twice.
        const taken = new Set<string>();
        for (let i = 0; i < pickedIds.length; i += CHUNK) {
          const rows = await tx.review.findMany({
            where: {
              conversationId: { in: pickedIds.slice(i, i + CHUNK) },
              kind: "regular",
              status: { not: "cancelled" },
            },
            select: { conversationId: true, agentId: true },
          });
          for (const row of rows) if (row.agentId === agentOf.get(row.conversationId)) taken.add(row.conversationId);
        }
        const assignments = assignment.assignments.filter((entry) => !taken.has(entry.itemId));
        for (let i = 0; i < assignments.length; i += CHUNK) {
          await tx.review.createMany({
            data: assignments.slice(i, i + CHUNK).map((entry) => ({
              kind: "regular" as const,
              status: "assigned" as const,
              conversationId: entry.itemId,
              agentId: agentOf.get(entry.itemId)!,
              inspectorId: entry.inspectorId,
              rubricVersionId,
              samplingRunId: runId,
              dueAt,
              createdAt,
            })),
          });
        }
        const counts = {
          candidateCount: outcome.candidateCount,
          sampledCount: outcome.picked.length - taken.size,
          assignedCount: assignments.length,
          unassignedCount: assignment.unassigned.filter((id) => !taken.has(id)).length,
        };
        await tx.samplingRun.update({
          where: { id: runId },
          data: { ...counts, status: "succeeded", finishedAt: now(), error: null },
        });
        const perInspector = new Map<string, number>();
        for (const entry of assignments)
          perInspector.set(entry.inspectorId, (perInspector.get(entry.inspectorId) ?? 0) + 1);
        await notify(
          [...perInspector].map(([userId, count]) => ({
            userId,
            kind: "qa-reviews-assigned",
            params: { count, plan: run.plan.name },
            link: "/qa/queue",
          })),
          tx,
        );
        await recordAudit(
          {
            actorId: run.createdById,
            action: "sampling.run",
            entityType: "sampling-run",
            entityId: runId,
            after: { planId: run.plan.id, seed: run.seed, ...counts, perInspector: Object.fromEntries(perInspector) },
          },
          tx,
        );
        return counts;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (!result) return { runId, skipped: "reviews-exist" };
    return { runId, ...result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.samplingRun.update({
      where: { id: runId },
      data: { status: "failed", error: message.slice(0, 1000), finishedAt: now() },
    });
    throw error;
  }
}
