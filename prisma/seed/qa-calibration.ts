/**
 * Demo calibration sessions on the chat rubric (needs the rubrics and conversations seeded first). Idempotent by
 * title: an existing session is left as it is.
 * - "11月第3周 在线客服校准": released; Q001 (benchmark), Q002 and Q003 scored the same 3 chat conversations.
 *   Q002 reads a little lenient, Q003 a little strict, so alignment, leniency and alpha have something to show.
 * - "11月第4周 在线客服校准": open, due in 3 days; Q001 has submitted, Q002 and Q003 have not.
 */
import { loadRubricVersion, type RubricCriterionView } from "~/modules/qa/rubrics/rubric-version.server";
import { toLocalDateTimeInput } from "~/modules/qa/calibration/schema";
import { scaleBounds, scoreReview } from "~/modules/qa/scoring";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const RUBRIC_SLUG = "chat-general";
const RELEASED_TITLE = "11月第3周 在线客服校准";
const OPEN_TITLE = "11月第4周 在线客服校准";
const DAY = 86_400_000;

/** How well each calibrated conversation went, as a fraction of the scale the benchmark would give. */
const CONVERSATION_QUALITY = [0.9, 0.62, 0.38];

type Rater = "benchmark" | "lenient" | "strict";

/** Benchmark value per criterion and conversation: the conversation's quality, nudged per criterion. */
function benchmarkValue(criterion: RubricCriterionView, index: number, conversation: number): number | null {
  const { min, max } = scaleBounds(criterion.scale, criterion.maxPoints);
  // Red lines pass in every demo conversation: a zeroed review would swamp the comparison.
  if (criterion.critical) return max;
  if (criterion.allowNa && conversation === 0) return null;
  const nudge = ((index * 7 + conversation * 3) % 5) / 10 - 0.2;
  const fraction = Math.min(1, Math.max(0, CONVERSATION_QUALITY[conversation]! + nudge));
  return Math.round(min + fraction * (max - min));
}

/** The other graders depart from the benchmark by a step on some criteria: upwards (lenient) or downwards (strict). */
function raterValue(criterion: RubricCriterionView, index: number, conversation: number, rater: Rater) {
  const reference = benchmarkValue(criterion, index, conversation);
  if (rater === "benchmark" || criterion.critical) return reference;
  const { min, max } = scaleBounds(criterion.scale, criterion.maxPoints);
  if (reference === null) {
    // The strict grader rates "wait notice" as a fail where the benchmark saw nothing to notify.
    return rater === "strict" ? min : null;
  }
  const step = criterion.scale === "points" ? Math.max(1, Math.round((max - min) / 4)) : 1;
  const departs = rater === "lenient" ? (index + conversation) % 4 === 0 : (index + 2 * conversation) % 4 === 1;
  if (!departs) return reference;
  const moved = rater === "lenient" ? reference + step : reference - step;
  return Math.min(max, Math.max(min, moved));
}

type Tx = Prisma.TransactionClient;

async function writeReview(
  tx: Tx,
  input: {
    sessionId: string;
    conversationId: string;
    inspectorId: string;
    versionId: string;
    deadline: Date;
    criteria: RubricCriterionView[];
    submitted: { at: Date; rater: Rater; conversation: number; gradingSeconds: number } | null;
  },
) {
  const base = {
    kind: "calibration" as const,
    conversationId: input.conversationId,
    inspectorId: input.inspectorId,
    agentId: null,
    rubricVersionId: input.versionId,
    calibrationSessionId: input.sessionId,
    dueAt: input.deadline,
  };
  if (!input.submitted) {
    await tx.review.create({ data: { ...base, status: "assigned" } });
    return;
  }
  const { rater, conversation } = input.submitted;
  const ratings = Object.fromEntries(
    input.criteria.map((criterion, index) => [criterion.id, raterValue(criterion, index, conversation, rater)]),
  );
  const result = scoreReview(input.criteria, ratings);
  const version = await tx.rubricVersion.findUniqueOrThrow({
    where: { id: input.versionId },
    select: { passMark: true },
  });
  await tx.review.create({
    data: {
      ...base,
      status: "submitted",
      startedAt: new Date(input.submitted.at.getTime() - input.submitted.gradingSeconds * 1000),
      submittedAt: input.submitted.at,
      gradingSeconds: input.submitted.gradingSeconds,
      score: result.score,
      passed: result.score >= version.passMark,
      criticalFailed: result.criticalFailed,
      scores: {
        create: result.criteria.map((entry) => ({
          criterionId: entry.criterionId,
          value: entry.value,
          score: entry.score,
          failed: entry.failed,
        })),
      },
    },
  });
}

export async function seedQaCalibration(): Promise<string> {
  const existing = await db.calibrationSession.findMany({
    where: { title: { in: [RELEASED_TITLE, OPEN_TITLE] } },
    select: { title: true },
  });
  const have = new Set(existing.map((session) => session.title));
  if (have.size === 2) return "calibration: demo sessions already present";

  const rubric = await db.rubric.findUnique({
    where: { slug: RUBRIC_SLUG },
    select: { versions: { orderBy: { version: "desc" }, take: 1, select: { id: true } } },
  });
  const versionId = rubric?.versions[0]?.id;
  const version = versionId ? await loadRubricVersion(versionId) : null;
  if (!version) throw new Error(`seed calibration: rubric ${RUBRIC_SLUG} is missing; seed the rubrics first`);

  const people = await db.user.findMany({
    where: { externalId: { in: ["Q001", "Q002", "Q003"] } },
    select: { id: true, externalId: true },
  });
  const id = (externalId: string) => {
    const person = people.find((entry) => entry.externalId === externalId);
    if (!person) throw new Error(`seed calibration: user ${externalId} is missing from content/org/users.csv`);
    return person.id;
  };
  const raters: { userId: string; rater: Rater }[] = [
    { userId: id("Q001"), rater: "benchmark" },
    { userId: id("Q002"), rater: "lenient" },
    { userId: id("Q003"), rater: "strict" },
  ];

  const chats = await db.conversation.findMany({
    where: { channel: "chat", messageCount: { gte: 4 } },
    orderBy: [{ startedAt: "asc" }, { externalId: "asc" }],
    take: 6,
    select: { id: true },
  });
  if (chats.length < 3)
    throw new Error("seed calibration: needs at least 3 chat conversations; seed conversations first");
  const releasedConversations = chats.slice(0, 3).map((chat) => chat.id);
  const openConversations = (chats.length >= 6 ? chats.slice(3, 6) : chats.slice(0, 3)).map((chat) => chat.id);

  const now = Date.now();
  const created: string[] = [];

  if (!have.has(RELEASED_TITLE)) {
    const deadline = new Date(now - 5 * DAY);
    await db.$transaction(async (tx) => {
      const session = await tx.calibrationSession.create({
        data: {
          title: RELEASED_TITLE,
          rubricVersionId: version.id,
          benchmarkUserId: id("Q001"),
          deadline,
          status: "released",
          releasedAt: new Date(deadline.getTime() - 6 * 3_600_000),
          createdById: id("Q001"),
          createdAt: new Date(deadline.getTime() - 3 * DAY),
          conversations: {
            create: releasedConversations.map((conversationId, position) => ({ conversationId, position })),
          },
          participants: {
            create: raters.map(({ userId }, index) => ({
              userId,
              submittedAt: new Date(deadline.getTime() - (30 - index * 6) * 3_600_000),
            })),
          },
        },
        select: { id: true },
      });
      for (const [raterIndex, { userId, rater }] of raters.entries()) {
        for (const [conversation, conversationId] of releasedConversations.entries()) {
          await writeReview(tx, {
            sessionId: session.id,
            conversationId,
            inspectorId: userId,
            versionId: version.id,
            deadline,
            criteria: version.criteria,
            submitted: {
              at: new Date(deadline.getTime() - (32 - raterIndex * 6 - conversation) * 3_600_000),
              rater,
              conversation,
              gradingSeconds: 420 + raterIndex * 95 + conversation * 60,
            },
          });
        }
      }
      await tx.notification.createMany({
        data: raters.map(({ userId }) => ({
          userId,
          kind: "calibration-released",
          params: { title: RELEASED_TITLE },
          link: `/qa/calibration/${session.id}`,
          readAt: new Date(deadline.getTime()),
        })),
      });
    });
    created.push(RELEASED_TITLE);
  }

  if (!have.has(OPEN_TITLE)) {
    const deadline = new Date(now + 3 * DAY);
    await db.$transaction(async (tx) => {
      const session = await tx.calibrationSession.create({
        data: {
          title: OPEN_TITLE,
          rubricVersionId: version.id,
          benchmarkUserId: id("Q001"),
          deadline,
          createdById: id("Q001"),
          createdAt: new Date(now - DAY),
          conversations: {
            create: openConversations.map((conversationId, position) => ({ conversationId, position })),
          },
          participants: {
            create: raters.map(({ userId, rater }) => ({
              userId,
              submittedAt: rater === "benchmark" ? new Date(now - 4 * 3_600_000) : null,
            })),
          },
        },
        select: { id: true },
      });
      for (const { userId, rater } of raters) {
        for (const [conversation, conversationId] of openConversations.entries()) {
          await writeReview(tx, {
            sessionId: session.id,
            conversationId,
            inspectorId: userId,
            versionId: version.id,
            deadline,
            criteria: version.criteria,
            submitted:
              rater === "benchmark"
                ? { at: new Date(now - (6 - conversation) * 3_600_000), rater, conversation, gradingSeconds: 480 }
                : null,
          });
        }
      }
      await tx.notification.createMany({
        data: raters
          .filter(({ rater }) => rater !== "benchmark")
          .map(({ userId }) => ({
            userId,
            kind: "calibration-invited",
            params: {
              title: OPEN_TITLE,
              count: openConversations.length,
              deadline: toLocalDateTimeInput(deadline, env().APP_TIME_ZONE).replace("T", " "),
            },
            link: `/qa/calibration/${session.id}`,
          })),
      });
    });
    created.push(OPEN_TITLE);
  }

  return `calibration: created ${created.map((title) => `“${title}”`).join(", ")}`;
}
