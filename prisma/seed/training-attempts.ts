/**
 * Demo exam history (考试记录), made through the attempt module itself (start → autosave → submit) with past
 * timestamps, so scores, per-category results, certificates, remediation and assignment closing are all real.
 * Runs after the exams and assignments seeds. Idempotent: an (exam, agent) pair that already has an attempt is
 * skipped; answers are chosen by a PRNG seeded per agent, so every run tells the same story:
 *
 * - 新人入职结业考试: agents who finished onboarding (hired 40+ days ago) passed it in the weeks after onboarding;
 *   every eighth failed the first time and passed a retake three days later; the four longest-serving agents sat it
 *   about 11.5 months ago, so their 上岗证 expires within a month (the renewal job picks them up).
 * - 售后政策专项测验: several AFT agents in the last ten days; the demo agent A2003 夏丽娟 failed first (80 needed),
 *   completed the remediation course 《售后政策》 and passed the retake; one colleague failed and still has to retrain.
 * - 投诉处理专员认证: three CMP agents submitted yesterday and the day before; their case answers wait in the grading
 *   queue.
 */
import { db } from "~/utils/db.server";
import { createRng, randomInt, type Rng } from "~/utils/prng";
import { recordCourseCompleted } from "~/modules/training/completion.server";
import { saveAnswer, startAttempt, submitAttempt } from "~/modules/training/exams/attempts.server";
import { saveMarks } from "~/modules/training/exams/grading.server";
import type { QuestionSnapshot } from "~/modules/training/exams/scoring";

const DAY = 86_400_000;
const MINUTE = 60_000;
const DEMO_AGENT = "A2003";
const ONBOARDED_AFTER_DAYS = 40;
const EXPIRING_COUNT = 4;
const EXPIRING_DAYS_AGO = 350;

type Agent = { id: string; externalId: string; name: string; hireDate: Date | null; teamCode: string | null };
/** grader: a trainer marks the short answers a few hours after submission; null leaves them in the queue. */
type Plan = { startAt: Date; wrongShare: number; grader?: string | null };
const GRADING_DELAY = 3 * 3_600_000;

const SHORT_ANSWERS: Record<string, string[]> = {
  "cmp-008": [
    "先向顾客致歉并表示高度重视，按重大投诉登记，记录12315工单信息。请顾客提供商品照片、序列号和激活时间，同时调取出库记录和供应商入库凭证核对。在承诺时限内答复：确认是翻新的按法律规定退一赔三；不是的就出示序列号和激活记录解释，可以安排官方检测。核实前不能说“肯定是翻新”或者“绝对不可能”，也不能说“你去投诉吧”，不能要求撤诉作为补偿条件。",
    "安抚顾客情绪，告诉他我们会认真核实。让顾客拍照发序列号，我这边找仓库查出库记录。如果真的是翻新机就按假一赔三处理。核实前不要承认是翻新机。",
  ],
  "cmp-023": [
    "对内：这是批量问题，马上上报组长和客服经理，建专项台账汇总订单号、批次号和故障照片，同步品控排查这个批次，必要时暂停销售，统一口径，处理完写投诉报告。对外：主动联系9位顾客，统一换新或退货，运费我们承担；发帖的顾客优先联系，真诚道歉解决问题，不要求删帖；评估是否通知同批次其他买家；最后逐一回访结案。",
    "先把9个投诉汇总上报主管，联系品控查一下加热管问题。对外给顾客换新，发帖的顾客私信道歉，请他看到处理结果后更新帖子。处理完回访。",
  ],
};
const GENERIC_SHORT =
  "先共情致歉，复述并确认顾客诉求，核实订单和证据后给出明确方案和时限，超出权限及时升级，处理完成后回访确认并结案。";

function correctAnswer(snapshot: QuestionSnapshot, rng: Rng, key: string | null): unknown {
  switch (snapshot.type) {
    case "single_choice":
      return (snapshot.answer as string[])[0];
    case "multiple_choice":
      return [...(snapshot.answer as string[])];
    case "true_false":
      return snapshot.answer;
    case "fill_blank":
      return (snapshot.answer as string[][]).map((accepted) => String(accepted[0]));
    case "short_answer": {
      const options = key ? SHORT_ANSWERS[key] : undefined;
      return options ? options[randomInt(rng, options.length)] : GENERIC_SHORT;
    }
  }
}

function wrongAnswer(snapshot: QuestionSnapshot, rng: Rng, key: string | null): unknown {
  const keys = snapshot.options.map((option) => option.key);
  switch (snapshot.type) {
    case "single_choice": {
      const others = keys.filter((option) => option !== (snapshot.answer as string[])[0]);
      return others[randomInt(rng, others.length)];
    }
    case "multiple_choice": {
      const right = snapshot.answer as string[];
      const wrong = keys.filter((option) => !right.includes(option));
      return randomInt(rng, 2) === 0 || wrong.length === 0 ? [right[0]] : [right[0], wrong[0]];
    }
    case "true_false":
      return !snapshot.answer;
    case "fill_blank":
      return (snapshot.answer as string[][]).map((accepted, index) => (index === 0 ? "不确定" : String(accepted[0])));
    case "short_answer":
      return correctAnswer(snapshot, rng, key);
  }
}

/** Sits an exam at a past moment: start, answer (wrongShare of the items wrong), submit. */
async function sit(examId: string, agent: Agent, plan: Plan, questionKeys: Map<string, string>) {
  const started = await startAttempt(examId, agent.id, plan.startAt);
  if (!started.ok) throw new Error(`seed: ${agent.externalId} cannot start ${examId}: ${started.reason}`);
  const items = await db.examAttemptItem.findMany({
    where: { attemptId: started.attemptId },
    orderBy: { position: "asc" },
    select: { position: true, snapshot: true, questionId: true },
  });
  const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { seed: true } });
  const rng = createRng(`seed-answers:${agent.externalId}:${examId}:${plan.startAt.toISOString()}`);
  const wrongCount = Math.round(items.length * plan.wrongShare);
  const order = items.map((item) => item.position);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = randomInt(rng, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const wrong = new Set(order.slice(0, wrongCount));
  let at = plan.startAt.getTime();
  for (const item of items) {
    at += (20 + randomInt(rng, 30)) * 1000;
    const snapshot = item.snapshot as unknown as QuestionSnapshot;
    const key = item.questionId ? (questionKeys.get(item.questionId) ?? null) : null;
    const answer = wrong.has(item.position) ? wrongAnswer(snapshot, rng, key) : correctAnswer(snapshot, rng, key);
    const saved = await saveAnswer(started.attemptId, agent.id, item.position, JSON.stringify(answer), new Date(at));
    if (!saved.ok)
      throw new Error(`seed: answer refused (${saved.reason}) for ${agent.externalId}, seed ${attempt.seed}`);
  }
  const submittedAt = new Date(at + 2 * MINUTE);
  const submitted = await submitAttempt(started.attemptId, agent.id, submittedAt);
  if (!submitted.ok) throw new Error(`seed: submit failed for ${agent.externalId}`);
  if (submitted.status === "pending_grading" && plan.grader) {
    const marks = items
      .filter((item) => (item.snapshot as unknown as QuestionSnapshot).type === "short_answer")
      .map((item) => {
        const points = (item.snapshot as unknown as QuestionSnapshot).points;
        const weak = wrong.has(item.position);
        return {
          position: item.position,
          score: weak ? Math.floor(points) / 2 : points,
          feedback: weak ? "要点不全：缺少核实依据和处理时限，请对照参考答案补充。" : "要点完整，表述专业。",
        };
      });
    const gradedAt = new Date(Math.min(submittedAt.getTime() + GRADING_DELAY, Date.now() - MINUTE));
    const graded = await saveMarks(started.attemptId, { id: plan.grader, ipAddress: "seed" }, marks, gradedAt);
    if (!graded.ok) throw new Error(`seed: grading refused (${graded.reason}) for ${agent.externalId}`);
  }
  return db.examAttempt.findUniqueOrThrow({
    where: { id: started.attemptId },
    select: { id: true, passed: true, gradedAt: true, status: true },
  });
}

/** The learner completed the course at `at` (a fresh completed round when the last one is not done). */
async function completeCourse(userId: string, courseId: string, at: Date) {
  const version = await db.courseVersion.findFirst({
    where: { courseId, status: "published" },
    select: { id: true },
  });
  if (!version) return;
  await db.$transaction(async (tx) => {
    const latest = await tx.courseEnrollment.findFirst({
      where: { userId, courseId },
      orderBy: { round: "desc" },
      select: { id: true, round: true, status: true },
    });
    if (latest && latest.status !== "completed") {
      await tx.courseEnrollment.update({
        where: { id: latest.id },
        data: {
          status: "completed",
          startedAt: new Date(at.getTime() - 2 * DAY),
          completedAt: at,
          timeSpentSeconds: 5400,
        },
      });
    } else {
      await tx.courseEnrollment.create({
        data: {
          userId,
          courseId,
          versionId: version.id,
          round: (latest?.round ?? 0) + 1,
          status: "completed",
          startedAt: new Date(at.getTime() - 2 * DAY),
          completedAt: at,
          timeSpentSeconds: 5400,
        },
      });
    }
    await recordCourseCompleted(tx, userId, courseId, at);
  });
}

async function hasAttempt(examId: string, userId: string) {
  return (await db.examAttempt.count({ where: { examId, userId } })) > 0;
}

/** A working-hours moment `daysAgo` days back (10:00 + a few minutes, UTC+8 office hours). */
function pastMoment(now: Date, daysAgo: number, minutes: number) {
  const day = new Date(now.getTime() - daysAgo * DAY);
  day.setUTCHours(2, minutes % 60, 0, 0);
  return day;
}

export async function seedExamAttempts(): Promise<string> {
  const exams = await db.exam.findMany({
    where: { slug: { in: ["onboarding-final", "after-sales-quiz", "complaint-certification"] }, status: "published" },
    select: { id: true, slug: true, remediationCourseId: true },
  });
  const bySlug = new Map(exams.map((exam) => [exam.slug, exam]));
  if (bySlug.size < 3) return "exam attempts: skipped (exams not seeded)";
  const questionKeys = new Map(
    (await db.question.findMany({ select: { id: true, key: true } })).map((question) => [question.id, question.key]),
  );
  const agents: Agent[] = (
    await db.user.findMany({
      where: { status: "active", roles: { some: { role: "agent" } } },
      orderBy: { externalId: "asc" },
      select: { id: true, externalId: true, name: true, hireDate: true, team: { select: { code: true } } },
    })
  ).map((user) => ({ ...user, teamCode: user.team?.code ?? null }));
  const trainer = await db.user.findFirst({
    where: { status: "active", roles: { some: { role: "trainer" } } },
    orderBy: { externalId: "asc" },
    select: { id: true },
  });
  const grader = trainer?.id ?? null;
  const now = new Date();
  let created = 0;
  let failedFirst = 0;

  // 新人入职结业考试
  const onboarding = bySlug.get("onboarding-final")!;
  const onboarded = agents
    .filter((agent) => agent.hireDate && now.getTime() - agent.hireDate.getTime() >= ONBOARDED_AFTER_DAYS * DAY)
    .sort((a, b) => a.hireDate!.getTime() - b.hireDate!.getTime() || a.externalId.localeCompare(b.externalId));
  for (const [index, agent] of onboarded.entries()) {
    if (await hasAttempt(onboarding.id, agent.id)) continue;
    const sinceHire = Math.floor((now.getTime() - agent.hireDate!.getTime()) / DAY);
    const daysAgo =
      index < EXPIRING_COUNT ? EXPIRING_DAYS_AGO - index : Math.min(sinceHire - 28, 320 - ((index * 37) % 290));
    const retake = index % 8 === 3 && index >= EXPIRING_COUNT;
    if (retake) {
      await sit(
        onboarding.id,
        agent,
        { startAt: pastMoment(now, daysAgo + 3, index), wrongShare: 0.4, grader },
        questionKeys,
      );
      created += 1;
      failedFirst += 1;
    }
    await sit(
      onboarding.id,
      agent,
      { startAt: pastMoment(now, daysAgo, index), wrongShare: 0.04, grader },
      questionKeys,
    );
    created += 1;
  }

  // 售后政策专项测验 (AFT)
  const quiz = bySlug.get("after-sales-quiz")!;
  const aft = agents.filter((agent) => agent.teamCode === "AFT");
  const demo = aft.find((agent) => agent.externalId === DEMO_AGENT);
  if (demo && !(await hasAttempt(quiz.id, demo.id))) {
    const first = await sit(quiz.id, demo, { startAt: pastMoment(now, 9, 5), wrongShare: 0.36, grader }, questionKeys);
    created += 1;
    if (first.passed === false && quiz.remediationCourseId) {
      await completeCourse(demo.id, quiz.remediationCourseId, pastMoment(now, 6, 40));
    }
    await sit(quiz.id, demo, { startAt: pastMoment(now, 3, 15), wrongShare: 0.07, grader }, questionKeys);
    created += 1;
  }
  const colleagues = aft.filter((agent) => agent.externalId !== DEMO_AGENT).slice(0, 6);
  for (const [index, agent] of colleagues.entries()) {
    if (await hasAttempt(quiz.id, agent.id)) continue;
    const wrongShare = index === 4 ? 0.43 : 0.07 * (index % 2);
    await sit(quiz.id, agent, { startAt: pastMoment(now, 2 + index, 20 + index), wrongShare, grader }, questionKeys);
    created += 1;
  }

  // 投诉处理专员认证 (CMP): waiting in the grading queue
  const certification = bySlug.get("complaint-certification")!;
  const cmp = agents.filter((agent) => agent.teamCode === "CMP").slice(0, 3);
  for (const [index, agent] of cmp.entries()) {
    if (await hasAttempt(certification.id, agent.id)) continue;
    await sit(
      certification.id,
      agent,
      { startAt: pastMoment(now, 1 + (index % 2), 30 + index * 7), wrongShare: 0.1 },
      questionKeys,
    );
    created += 1;
  }

  const pending = await db.examAttempt.count({ where: { status: "pending_grading" } });
  return `exam attempts: ${created} created (${failedFirst} onboarding retakes), ${pending} waiting for grading`;
}
