/**
 * Manual grading of short answers. The queue lists submitted attempts waiting for a person, oldest first. Marks
 * are 0…points in steps of 0.5; when the last short answer has a mark the attempt becomes final (graded), its totals
 * are recomputed, the learner is notified and what follows a graded attempt runs — all in one transaction.
 * A final attempt refuses further marks (409).
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db, Prisma } from "~/utils/db.server";
import { finaliseAttempt } from "./attempts.server";
import { isScenarioSnapshot } from "./roleplay-items";
import { validManualScore, type QuestionSnapshot } from "./scoring";
import { reviewItem } from "./views";

export async function gradingQueue(page: number, pageSize: number) {
  const where: Prisma.ExamAttemptWhereInput = { status: "pending_grading" };
  const [total, rows] = await Promise.all([
    db.examAttempt.count({ where }),
    db.examAttempt.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        number: true,
        submittedAt: true,
        submittedBy: true,
        exam: { select: { id: true, title: true } },
        user: { select: { name: true, externalId: true, team: { select: { name: true } } } },
      },
    }),
  ]);
  const ids = rows.map((row) => row.id);
  // Role-play items are scored in the role-play review queue: counted apart so the queue can say so.
  const waiting = ids.length
    ? await db.$queryRaw<{ attemptId: string; waiting: number; rolePlay: number }[]>`
        SELECT "attemptId",
               (COUNT(*) FILTER (WHERE "snapshot"->>'type' IS DISTINCT FROM 'scenario'))::int AS "waiting",
               (COUNT(*) FILTER (WHERE "snapshot"->>'type' = 'scenario'))::int AS "rolePlay"
        FROM "ExamAttemptItem"
        WHERE "attemptId" IN (${Prisma.join(ids)}) AND "score" IS NULL GROUP BY "attemptId"`
    : [];
  const waitingBy = new Map(waiting.map((row) => [row.attemptId, row]));
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      number: row.number,
      submittedAt: row.submittedAt,
      submittedBy: row.submittedBy,
      exam: row.exam,
      learner: { name: row.user.name, externalId: row.user.externalId, team: row.user.team?.name ?? null },
      waiting: waitingBy.get(row.id)?.waiting ?? 0,
      waitingRolePlay: waitingBy.get(row.id)?.rolePlay ?? 0,
    })),
  };
}

export async function attemptForGrading(attemptId: string) {
  const attempt = await db.examAttempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      number: true,
      status: true,
      userId: true,
      submittedAt: true,
      gradedAt: true,
      score: true,
      maxScore: true,
      percent: true,
      passed: true,
      exam: { select: { id: true, title: true, passPercent: true } },
      user: { select: { name: true, externalId: true, team: { select: { name: true } } } },
      items: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          snapshot: true,
          answer: true,
          score: true,
          maxScore: true,
          feedback: true,
          gradedAt: true,
          gradedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!attempt || attempt.status === "in_progress") return null;
  const waitingRolePlay = attempt.items.filter(
    (item) => isScenarioSnapshot(item.snapshot) && item.score === null,
  ).length;
  const items = attempt.items
    .filter((item) => !isScenarioSnapshot(item.snapshot))
    .map((item) => ({
      ...reviewItem(
        { ...item, score: item.score === null ? null : Number(item.score), maxScore: Number(item.maxScore) },
        "staff",
      ),
      manual: (item.snapshot as QuestionSnapshot).type === "short_answer",
      gradedBy: item.gradedBy?.name ?? null,
      gradedAt: item.gradedAt,
    }));
  const autoTotal = items.filter((item) => !item.manual).reduce((sum, item) => sum + (item.score ?? 0), 0);
  return {
    waitingRolePlay,
    attempt: {
      id: attempt.id,
      number: attempt.number,
      status: attempt.status,
      userId: attempt.userId,
      submittedAt: attempt.submittedAt,
      gradedAt: attempt.gradedAt,
      score: attempt.score === null ? null : Number(attempt.score),
      maxScore: Number(attempt.maxScore),
      percent: attempt.percent === null ? null : Number(attempt.percent),
      passed: attempt.passed,
      autoTotal: Math.round(autoTotal * 100) / 100,
    },
    exam: { ...attempt.exam, passPercent: Number(attempt.exam.passPercent) },
    learner: { name: attempt.user.name, externalId: attempt.user.externalId, team: attempt.user.team?.name ?? null },
    items,
  };
}

export type Mark = { position: number; score: number | null; feedback: string | null };
export type GradeResult =
  | { ok: true; final: boolean; percent: number | null; passed: boolean | null }
  | { ok: false; status: 404 | 409 | 400 | 403; reason: string; positions?: number[] };

export async function saveMarks(
  attemptId: string,
  grader: { id: string; ipAddress?: string | null },
  marks: Mark[],
  now = new Date(),
): Promise<GradeResult> {
  return db.$transaction(
    async (tx): Promise<GradeResult> => {
      const locked = await tx.$queryRaw<{ id: string; status: string; userId: string }[]>`
        SELECT "id", "status"::text AS "status", "userId" FROM "ExamAttempt" WHERE "id" = ${attemptId} FOR UPDATE`;
      const attempt = locked[0];
      if (!attempt || attempt.status === "in_progress") return { ok: false, status: 404, reason: "not-found" };
      if (attempt.status === "graded") return { ok: false, status: 409, reason: "final" };
      if (attempt.userId === grader.id) return { ok: false, status: 403, reason: "own-attempt" };
      const items = await tx.examAttemptItem.findMany({
        where: { attemptId },
        select: { id: true, position: true, snapshot: true, score: true, maxScore: true, feedback: true },
      });
      const manual = new Map(
        items
          .filter((item) => (item.snapshot as unknown as QuestionSnapshot).type === "short_answer")
          .map((item) => [item.position, item]),
      );
      const invalid = marks.filter((mark) => {
        const item = manual.get(mark.position);
        return !item || (mark.score !== null && !validManualScore(mark.score, Number(item.maxScore)));
      });
      if (invalid.length > 0) {
        return { ok: false, status: 400, reason: "invalid-mark", positions: invalid.map((mark) => mark.position) };
      }
      const changes: { position: number; before: number | null; after: number | null }[] = [];
      for (const mark of marks) {
        const item = manual.get(mark.position)!;
        const before = item.score === null ? null : Number(item.score);
        if (mark.score === null && before === null && (mark.feedback ?? null) === item.feedback) continue;
        await tx.examAttemptItem.update({
          where: { id: item.id },
          data: {
            manualScore: mark.score,
            score: mark.score,
            feedback: mark.feedback,
            gradedById: mark.score === null ? null : grader.id,
            gradedAt: mark.score === null ? null : now,
          },
        });
        item.score = mark.score === null ? null : new Prisma.Decimal(mark.score);
        changes.push({ position: mark.position, before, after: mark.score });
      }
      // A role-play item still waiting for its review keeps the attempt open: settling its session finalises it.
      const complete =
        [...manual.values()].every((item) => item.score !== null) &&
        (await tx.examAttemptItem.count({ where: { attemptId, score: null } })) === 0;
      if (!complete) {
        if (changes.length > 0) {
          await recordAudit(
            {
              actorId: grader.id,
              action: "exam.attempt.mark",
              entityType: "ExamAttempt",
              entityId: attemptId,
              after: { marks: changes },
              ipAddress: grader.ipAddress ?? null,
            },
            tx,
          );
        }
        return { ok: true, final: false, percent: null, passed: null };
      }
      const totals = await finaliseAttempt(tx, attemptId, now, grader.id, grader.ipAddress ?? null);
      const exam = await tx.examAttempt.findUniqueOrThrow({
        where: { id: attemptId },
        select: { exam: { select: { title: true } } },
      });
      await notify(
        {
          userId: attempt.userId,
          kind: "training-attempt-graded",
          params: { exam: exam.exam.title, percent: totals.percent },
          link: `/learn/attempts/${attemptId}/result`,
        },
        tx,
      );
      return { ok: true, final: true, percent: totals.percent, passed: totals.passed };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
