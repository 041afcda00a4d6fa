/**
 * Role-play sessions agents played in the demo, made through the session API itself (start → reply by reply →
 * end, the rubric review submitted through the review module) with past timestamps, so transcripts, timings,
 * reports, the rubric queue and scores are all real. Runs after the scenarios. Idempotent: an agent who already has a
 * session of a scenario is skipped.
 *
 * - A2003 夏丽娟 (售后服务组) practised 愤怒顾客：“找不到客服” six days ago, explained the queue rules and told the
 *   customer to queue again (red line 推诿: failed at once); she retried the next day, handled it well, and trainer
 *   T001 scored the transcript with the complaint rubric — passed.
 * - A2006 段超 (售后服务组) passed 7天无理由退货与运费规则 with one slow reply; A2009 杨雅琪 lost the customer in
 *   物流三天不更新 (vague, slow replies until the customer ran out of patience).
 * - A3003 贾芳 and A3006 谢静 (投诉处理组) finished 电饭煲质量问题 (no greeting, one slow reply) and 假货质疑与曝光威胁
 *   (one slow reply) yesterday: both transcripts wait in the rubric queue.
 */
import { loadRubricVersion } from "~/modules/qa/rubrics/rubric-version.server";
import { scaleBounds } from "~/modules/qa/scoring";
import { submitRolePlayReview } from "~/modules/roleplay/reviews.server";
import { loadPlayView, sendRolePlayReply, startRolePlaySession } from "~/modules/roleplay/sessions.server";
import { permissionsFor } from "~/modules/identity/permissions";
import { db } from "~/utils/db.server";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A reply typed `after` seconds after the customer's last bubble appeared. */
type Reply = { text: string; after: number };

type Play = {
  agent: string;
  scenario: string;
  /** Days and hours before the seed runs. */
  daysAgo: number;
  hour: number;
  replies: Reply[];
  /** Trainer who scores the transcript with the rubric, and the ratings that differ from full marks. */
  review?: { reviewer: string; afterHours: number; ratings: Record<string, number>; summary: string };
};

const PLAYS: Play[] = [
  {
    agent: "A2003",
    scenario: "angry-cannot-reach-service",
    daysAgo: 6,
    hour: 14,
    replies: [
      { text: "您好，请问有什么可以帮您？", after: 12 },
      { text: "晚上是非人工时段，咨询量大我们都是按顺序处理的，您可以重新排队，人工会尽快接待。", after: 25 },
    ],
  },
  {
    agent: "A2003",
    scenario: "angry-cannot-reach-service",
    daysAgo: 5,
    hour: 10,
    replies: [
      {
        text: "您好孙先生，真的非常抱歉让您久等了，昨晚机器人绕圈、排队又没人回，换成我也会生气。请问手表遇到了什么问题？",
        after: 28,
      },
      { text: "订单签收是第 3 天。麻烦您先用干布擦拭一下表背的充电触点，再换一个充电头试试。", after: 22 },
      { text: "签收在 7 天内，性能故障按三包可以直接给您换货，我帮您预约免费上门取件。", after: 30 },
      {
        text: "您的投诉我已经按重大投诉登记，投诉处理组 1 小时内会联系您；我的工号是 2003，今天 18 点前我会主动联系您同步换货进度，不用您再排队。",
        after: 41,
      },
      { text: "仓库签收旧表当天就发出新机，一般 2 到 3 天送到。您看这样可以吗？", after: 19 },
      { text: "感谢您的耐心，祝您生活愉快，再见！", after: 9 },
    ],
    review: {
      reviewer: "T001",
      afterHours: 20,
      // Bonus items are for going beyond the script (a goodwill gesture, feeding the root cause back): not earned here.
      ratings: { "emotion-soothing": 4, "expectation-setting": 2, "complaint-recovery": 0, "root-cause-feedback": 0 },
      summary:
        "第二次练习进步明显：第一句就为等待致歉并复述了顾客的经历，首问负责到位。换货时效可以说得更具体（几点前取件）。",
    },
  },
  {
    agent: "A2006",
    scenario: "seven-day-return",
    daysAgo: 4,
    hour: 15,
    replies: [
      { text: "您好，欢迎光临，请问您的订单号是多少？", after: 14 },
      { text: "查到了，这笔订单签收还在7天内，配件齐全不影响二次销售，支持7天无理由退货，可以为您办理。", after: 38 },
      { text: "您的订单有运费险，寄回运费会由保险理赔给您，不用自己掏钱。", after: 96 },
      { text: "您在App提交退货申请后7天内寄出即可，仓库验货后1-3个工作日原路退回。", after: 33 },
      { text: "您看这样可以吗？感谢您的耐心，祝您生活愉快！", after: 11 },
    ],
  },
  {
    agent: "A2009",
    scenario: "logistics-delay",
    daysAgo: 3,
    hour: 11,
    replies: [
      { text: "您好，请稍等。", after: 20 },
      { text: "我看一下。", after: 118 },
      { text: "系统显示还在运输中，请您再等等。", after: 64 },
    ],
  },
  {
    agent: "A3003",
    scenario: "quality-defect-refund",
    daysAgo: 1,
    hour: 9,
    replies: [
      { text: "非常抱歉给您带来不好的体验，麻烦提供一下订单号，我马上为您核实。", after: 16 },
      { text: "看到您的订单了，按键无反应属于质量问题，可以为您办理退货退款。", after: 35 },
      {
        text: "理解您请假的损失。退一赔三需要核实认定，我不能承诺；我先给您发一张20元无门槛券，再向组长申请额外补偿。",
        after: 52,
      },
      { text: "明白，我再向主管申请提高补偿金额，今天18点前给您答复。", after: 105 },
      { text: "退款审核通过后原路退回信用卡，一般1-3个工作日到账。您看这样可以吗？", after: 24 },
      { text: "好的，感谢您的理解，祝您生活愉快。", after: 8 },
    ],
  },
  {
    agent: "A3006",
    scenario: "crisis-counterfeit-rumour",
    daysAgo: 1,
    hour: 16,
    replies: [
      { text: "您好，非常理解您的担心，麻烦提供一下手表的序列号，我马上为您核验。", after: 15 },
      { text: "已核验，系统显示这个序列号是品牌正品，核验截图已经发给您。", after: 72 },
      { text: "品牌9月批次做了包装升级，新版包装的字体有调整，官网公告里有说明。", after: 37 },
      { text: "如经核实有问题，我们会按法律规定承担责任；如果您还是不放心，也可以为您办理退货退款。", after: 40 },
      { text: "进货凭证和质检报告我已提交投诉处理组，专员30分钟内联系您给正式答复。", after: 29 },
      { text: "感谢您的理解，您看这样可以吗？", after: 10 },
    ],
  },
];

async function alreadyPlayed(userId: string, scenarioId: string) {
  const count = await db.rolePlaySession.count({
    where: { userId, mode: { not: "test" }, scenarioVersion: { scenarioId } },
  });
  return count > 0;
}

async function submitSeedReview(sessionId: string, review: NonNullable<Play["review"]>, at: Date) {
  const [reviewer, pending] = await Promise.all([
    db.user.findUnique({ where: { externalId: review.reviewer }, select: { id: true } }),
    db.rolePlayReview.findUnique({ where: { sessionId }, select: { id: true, rubricVersionId: true } }),
  ]);
  if (!reviewer || !pending) return false;
  const rubric = await loadRubricVersion(pending.rubricVersionId);
  if (!rubric) return false;
  const ratings = Object.fromEntries(
    rubric.criteria.map((criterion) => [
      criterion.key,
      review.ratings[criterion.key] ?? scaleBounds(criterion.scale, criterion.maxPoints).max,
    ]),
  );
  const result = await submitRolePlayReview({
    reviewId: pending.id,
    reviewerId: reviewer.id,
    ratings,
    summary: review.summary,
    now: at,
  });
  return result.ok;
}

async function play(plan: Play, now: Date): Promise<string | null> {
  const [agent, scenario] = await Promise.all([
    db.user.findUnique({ where: { externalId: plan.agent }, select: { id: true } }),
    db.scenario.findUnique({ where: { slug: plan.scenario }, select: { id: true, publishedVersionId: true } }),
  ]);
  if (!agent || !scenario?.publishedVersionId) return null;
  const startAt = new Date(now.getTime() - plan.daysAgo * DAY);
  startAt.setUTCHours(plan.hour - 8, 0, 0, 0); // Beijing time
  const viewer = { id: agent.id, permissions: permissionsFor(["agent"]) };
  const { sessionId } = await startRolePlaySession({
    userId: agent.id,
    scenarioId: scenario.id,
    mode: "practice",
    now: startAt,
  });
  let view = await loadPlayView(sessionId, viewer);
  for (const reply of plan.replies) {
    if (view.session.status !== "in_progress" || !view.session.awaitingSince) break;
    const sentAt = new Date(new Date(view.session.awaitingSince).getTime() + reply.after * 1000);
    view = await sendRolePlayReply({ sessionId, userId: agent.id, text: reply.text, now: sentAt });
  }
  let reviewed = false;
  if (plan.review && view.session.status === "pending_review") {
    const endedAt = new Date(view.session.endedAt ?? startAt);
    reviewed = await submitSeedReview(
      sessionId,
      plan.review,
      new Date(endedAt.getTime() + plan.review.afterHours * HOUR),
    );
  }
  return `${plan.agent} ${plan.scenario}: ${view.session.outcome ?? view.session.status}${reviewed ? ", scored" : ""}`;
}

export async function seedRolePlaySessions(now: Date = new Date()): Promise<string> {
  // Plays of the same agent and scenario are one story (a failure, then the retry): played together or not at all.
  const stories = new Map<string, Play[]>();
  for (const plan of PLAYS) {
    const key = `${plan.agent} ${plan.scenario}`;
    stories.set(key, [...(stories.get(key) ?? []), plan]);
  }
  const played: string[] = [];
  let skipped = 0;
  for (const plans of stories.values()) {
    const first = plans[0]!;
    const [agent, scenario] = await Promise.all([
      db.user.findUnique({ where: { externalId: first.agent }, select: { id: true } }),
      db.scenario.findUnique({ where: { slug: first.scenario }, select: { id: true } }),
    ]);
    if (!agent || !scenario || (await alreadyPlayed(agent.id, scenario.id))) {
      skipped += 1;
      continue;
    }
    for (const plan of plans) {
      const line = await play(plan, now);
      if (line) played.push(line);
    }
  }
  if (played.length === 0)
    return `Role-play sessions: nothing to do (${skipped} stories already played or unavailable)`;
  return `Role-play sessions: ${played.length} played (${played.join("; ")})`;
}
