import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, Prisma } from "~/utils/db.server";
import type { JobMode, JsonValue } from "./registry";

/** JobRun bookkeeping (the durable record of every run in both modes) and admin listing. */

import { JOB_RUN_STATUSES } from "./statuses";

export { JOB_RUN_STATUSES, type JobRunStatus } from "./statuses";

export interface JobOutcome {
  runId: string;
  status: "succeeded" | "failed";
  attempts: number;
  result: unknown;
  error: string | null;
}

function jsonInput(value: JsonValue | undefined): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === undefined || value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function newRunId(): string {
  return randomUUID();
}

export async function createJobRun(input: {
  id: string;
  name: string;
  payload: JsonValue;
  mode: JobMode;
  maxAttempts: number;
  idempotencyKey?: string;
  queueJobId?: string;
  scheduled?: boolean;
}) {
  return db.jobRun.create({
    data: {
      id: input.id,
      name: input.name,
      payload: jsonInput(input.payload),
      mode: input.mode,
      status: "queued",
      maxAttempts: input.maxAttempts,
      idempotencyKey: input.idempotencyKey ?? null,
      queueJobId: input.queueJobId ?? null,
      scheduled: input.scheduled ?? false,
    },
    select: runStateSelect,
  });
}

const runStateSelect = {
  id: true,
  name: true,
  mode: true,
  status: true,
  payload: true,
  attempts: true,
  maxAttempts: true,
  scheduled: true,
  queueJobId: true,
} as const;

export type JobRunState = Prisma.JobRunGetPayload<{ select: typeof runStateSelect }>;

export async function findJobRunByIdempotencyKey(idempotencyKey: string): Promise<JobRunState | null> {
  return db.jobRun.findUnique({ where: { idempotencyKey }, select: runStateSelect });
}

export async function deleteJobRun(id: string): Promise<void> {
  await db.jobRun.deleteMany({ where: { id } });
}

/**
 * Redis mode: the worker makes sure a row exists for the BullMQ job it picked up.
 * Enqueued runs already have one (queueJobId = run id); scheduler-created jobs get theirs here.
 */
export async function upsertQueuedJobRun(input: {
  queueJobId: string;
  runId?: string;
  name: string;
  payload: JsonValue;
  maxAttempts: number;
  scheduled: boolean;
  queuedAt: Date;
}): Promise<JobRunState> {
  const create = {
    id: input.runId ?? newRunId(),
    name: input.name,
    payload: jsonInput(input.payload),
    mode: "bullmq",
    status: "queued" as const,
    maxAttempts: input.maxAttempts,
    queueJobId: input.queueJobId,
    scheduled: input.scheduled,
    queuedAt: input.queuedAt,
  };
  try {
    return await db.jobRun.upsert({
      where: { queueJobId: input.queueJobId },
      create,
      update: {},
      select: runStateSelect,
    });
  } catch (error) {
    // Two workers racing on the same job id (stalled job re-picked): the loser reads the winner's row.
    if (!isUniqueViolation(error)) throw error;
    return db.jobRun.findUniqueOrThrow({ where: { queueJobId: input.queueJobId }, select: runStateSelect });
  }
}

export async function markJobRunRunning(id: string, attempt: number, maxAttempts: number, startedAt: Date) {
  await db.jobRun.update({
    where: { id },
    data: { status: "running", attempts: attempt, maxAttempts, startedAt, finishedAt: null, durationMs: null },
  });
}

export async function markJobRunSucceeded(id: string, result: JsonValue | undefined, startedAt: Date) {
  const finishedAt = new Date();
  await db.jobRun.update({
    where: { id },
    data: {
      status: "succeeded",
      result: result === undefined ? Prisma.DbNull : jsonInput(result),
      error: null,
      finishedAt,
      durationMs: finishedAt.getTime() - startedAt.getTime(),
    },
  });
}

export async function markJobRunRetrying(id: string, error: string) {
  await db.jobRun.update({ where: { id }, data: { status: "retrying", error } });
}

export async function markJobRunFailed(id: string, error: string, startedAt?: Date | null) {
  const finishedAt = new Date();
  await db.jobRun.update({
    where: { id },
    data: {
      status: "failed",
      error,
      finishedAt,
      durationMs: startedAt ? finishedAt.getTime() - startedAt.getTime() : null,
    },
  });
}

/** Polls until the run is succeeded or failed (Redis mode, or a run started by another process). */
export async function waitForJobRun(
  id: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<JobOutcome> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.jobRun.findUnique({
      where: { id },
      select: { status: true, attempts: true, result: true, error: true },
    });
    if (!run) throw new Error(`Job run ${id} does not exist`);
    if (run.status === "succeeded" || run.status === "failed") {
      return { runId: id, status: run.status, attempts: run.attempts, result: run.result, error: run.error };
    }
    if (Date.now() >= deadline) {
      throw new Error(`Job run ${id} still ${run.status} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// ---------------------------------------------------------------------------------------------
// Admin listing

export const JobRunListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(25).default(25),
  name: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined),
  status: z.enum(JOB_RUN_STATUSES).optional().catch(undefined),
});
export type JobRunListQuery = z.input<typeof JobRunListQuerySchema>;

const jobRunListSelect = {
  id: true,
  name: true,
  mode: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  scheduled: true,
  idempotencyKey: true,
  error: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
} as const;

export type JobRunListRow = Prisma.JobRunGetPayload<{ select: typeof jobRunListSelect }>;

/** Newest first; filter by exact job name and/or status. Out-of-range inputs fall back to defaults. */
export async function listJobRuns(query: JobRunListQuery = {}): Promise<{
  rows: JobRunListRow[];
  total: number;
  page: number;
  pageSize: number;
}> {
  const { page, pageSize, name, status } = JobRunListQuerySchema.parse(query);
  const where: Prisma.JobRunWhereInput = { ...(name ? { name } : {}), ...(status ? { status } : {}) };
  const [rows, total] = await Promise.all([
    db.jobRun.findMany({
      where,
      select: jobRunListSelect,
      orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.jobRun.count({ where }),
  ]);
  return { rows, total, page, pageSize };
}

const jobRunDetailSelect = { ...jobRunListSelect, payload: true, result: true, queueJobId: true } as const;
export type JobRunDetail = Prisma.JobRunGetPayload<{ select: typeof jobRunDetailSelect }>;

export async function getJobRun(id: string): Promise<JobRunDetail | null> {
  return db.jobRun.findUnique({ where: { id }, select: jobRunDetailSelect });
}
