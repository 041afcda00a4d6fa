/**
 * Demo coaching tasks (辅导), opened from reviews the seed submitted with failed criteria. Runs after the
 * reviews and disputes seeds. Idempotent: a task is matched by agent + title; existing ones are left alone.
 *
 * About eight tasks with a mix of states: open (the demo agent A2003 among them), open and overdue,
 * completed and waiting for the follow-up, closed as improved / not improved after a later review. Times are
 * backdated relative to the source review and never later than now. Tasks are created by the source review's
 * inspector or by the agent's team lead, like in real use.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db } from "~/utils/db.server";

const DEMO_AGENT = "A2003";
const SEED_IP = "seed";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TARGET_TASKS = 8;
const KB = "https://kb.youpin.example/articles";

type Theme = { match: RegExp; title: string; notes: string; resourceTitle: string; resourceUrl: string };

const THEMES: Theme[] = [
  {
    match: /情绪|安抚|致歉|态度/,
    title: "情绪安抚话术提升",
    notes:
      "顾客情绪激动时先共情再处理：第一句先致歉并确认情绪（“非常理解您的心情”），复述顾客诉求，再给出明确的处理方案和时限。避免直接解释规则或与顾客争辩。学习后在情景演练中完成“质量问题投诉要求退款加赔偿”场景。",
    resourceTitle: "《投诉处理原则与话术》",
    resourceUrl: `${KB}/complaint-handling-phrasing`,
  },
  {
    match: /准确|政策|信息/,
    title: "退换货政策准确解答",
    notes:
      "解答退换货问题前先核对商品类目和签收时间：7天无理由需商品完好、不影响二次销售，定制类和生鲜类商品不适用；质量问题退货运费由店铺承担。不确定时先查知识库再答复，不要凭印象承诺。",
    resourceTitle: "《7天无理由退换货政策详解》",
    resourceUrl: `${KB}/7-day-return-policy`,
  },
  {
    match: /用语|开场|结束|语言|文明/,
    title: "服务用语规范提升",
    notes:
      "开场使用标准问候语并报工号，结束前确认是否还有其他问题并致谢。避免使用“不知道”“没办法”“你自己看”等禁用语，改用“我帮您核实一下”“我们可以这样处理”。",
    resourceTitle: "《服务用语规范与禁用语清单》",
    resourceUrl: `${KB}/service-language`,
  },
  {
    match: /推诿|首问/,
    title: "落实首问负责制",
    notes:
      "首次接待的问题由本人跟进到底：需要其他部门协助时由自己发起工单并告知顾客处理进度，不要让顾客“去找物流”“去问售后”。每次转交都要说明原因和预计回复时间。",
    resourceTitle: "《首问负责制与跨部门协同流程》",
    resourceUrl: `${KB}/first-contact-ownership`,
  },
  {
    match: /响应|等待|时效/,
    title: "响应时效提升",
    notes:
      "首次响应控制在 30 秒内；需要查询时先告知顾客预计等待时间，超过 1 分钟要主动回复进度。高峰期善用快捷短语，但不得用自动回复代替人工解答。",
    resourceTitle: "《在线客服响应时效标准》",
    resourceUrl: `${KB}/response-time-standards`,
  },
  {
    match: /闭环|流程|反馈|解决|确认/,
    title: "问题闭环与反馈规范",
    notes:
      "按“受理→处理→反馈”完成每一个问题：处理完成后主动告知结果，确认顾客问题已解决，必要时约定回访时间。未当场解决的问题要登记跟进单，不能只回复“已反馈”。",
    resourceTitle: "《问题闭环与回访规范》",
    resourceUrl: `${KB}/closing-the-loop`,
  },
  {
    match: /客户信息|隐私|泄露|合规|承诺/,
    title: "客户信息保护与红线意识",
    notes:
      "任何情况下不得在会话中完整展示顾客手机号、地址、身份证号；核实身份只确认后四位。不得做出超出平台规则的承诺。本次触碰红线，需完成学习并通过红线知识测验。",
    resourceTitle: "《客户信息保护与隐私合规》",
    resourceUrl: `${KB}/customer-privacy`,
  },
];

type State = "open" | "overdue" | "completed" | "improved" | "not_improved";
/** The demo agent first (one open, one closed as improved when possible), then a spread of states. */
const DEMO_STATES: State[] = ["open", "improved"];
const OTHER_STATES: State[] = ["overdue", "completed", "improved", "open", "not_improved", "overdue"];

const AGENT_NOTES = [
  "已学习知识库文章并整理了常用话术卡片，在情景演练中练习了 3 次，之后接待会先共情再处理。",
  "已对照政策逐条复习，整理了易错点清单贴在工位，遇到不确定的问题先查知识库再答复。",
  "已完成学习，和组长做了一次模拟对练，接下来会严格按流程执行并主动反馈结果。",
];

function themeFor(criteria: { key: string; name: string }[]): Theme & { criterionKeys: string[] } {
  for (const theme of THEMES) {
    const matched = criteria.filter((criterion) => theme.match.test(criterion.name));
    if (matched.length > 0) return { ...theme, criterionKeys: matched.map((criterion) => criterion.key) };
  }
  const first = criteria[0]!;
  return {
    match: /./,
    title: `${first.name}专项提升`,
    notes: `针对“${first.name}”失分，对照评分标准复盘本次会话，写下改进做法，并在下一次接待中落实。`,
    resourceTitle: "《客服服务规范手册》",
    resourceUrl: `${KB}/service-handbook`,
    criterionKeys: [first.key],
  };
}

async function failedReviews() {
  const reviews = await db.review.findMany({
    where: { kind: "regular", status: "submitted", agentId: { not: null }, scores: { some: { failed: true } } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      agentId: true,
      inspectorId: true,
      submittedAt: true,
      agent: { select: { externalId: true, name: true, team: { select: { leadId: true } } } },
      scores: {
        where: { failed: true },
        select: { criterion: { select: { key: true, name: true, position: true, bonus: true } } },
      },
    },
  });
  return reviews.filter((review) => review.submittedAt !== null);
}

type SourceReview = Awaited<ReturnType<typeof failedReviews>>[number];

async function laterReview(agentId: string, after: Date) {
  return db.review.findFirst({
    where: { agentId, kind: "regular", status: "submitted", submittedAt: { gt: after } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, submittedAt: true },
  });
}

async function createTask(review: SourceReview, state: State, index: number, now: Date): Promise<boolean> {
  const criteria = review.scores
    .map((score) => score.criterion)
    .filter((criterion) => !criterion.bonus)
    .sort((a, b) => a.position - b.position);
  if (criteria.length === 0) return false;
  const theme = themeFor(criteria);
  const agentId = review.agentId!;
  const existing = await db.coachingTask.findFirst({ where: { agentId, title: theme.title }, select: { id: true } });
  if (existing) return false;

  const submittedAt = review.submittedAt!.getTime();
  const createdById = index % 2 === 0 ? review.inspectorId : (review.agent?.team?.leadId ?? review.inspectorId);
  let createdAt = new Date(Math.min(submittedAt + 4 * HOUR, now.getTime() - HOUR));
  let dueAt = new Date(createdAt.getTime() + 7 * DAY);
  let status: "open" | "completed" | "closed" = "open";
  let outcome: string | null = null;
  let completedAt: Date | null = null;
  let closedAt: Date | null = null;
  let followUpReviewId: string | null = null;
  const agentNote = (at: Date | null) => (at ? AGENT_NOTES[index % AGENT_NOTES.length]! : null);

  if (state === "overdue") {
    // Due a couple of days ago; a source review too recent for that becomes an ordinary open task.
    const due = now.getTime() - 2 * DAY;
    if (createdAt.getTime() < due - DAY) dueAt = new Date(due);
  } else if (state === "completed") {
    completedAt = new Date(Math.min(createdAt.getTime() + 3 * DAY, now.getTime() - HOUR / 2));
  } else if (state === "improved" || state === "not_improved") {
    const later = await laterReview(agentId, new Date(submittedAt));
    if (later?.submittedAt) {
      const span = later.submittedAt.getTime() - submittedAt;
      createdAt = new Date(submittedAt + span / 3);
      completedAt = new Date(submittedAt + (2 * span) / 3);
      dueAt = new Date(createdAt.getTime() + 7 * DAY);
      closedAt = new Date(Math.min(later.submittedAt.getTime() + 2 * HOUR, now.getTime()));
      status = "closed";
      outcome = state;
      followUpReviewId = later.id;
    } else {
      completedAt = new Date(Math.min(createdAt.getTime() + 2 * DAY, now.getTime() - HOUR / 2));
    }
  }
  if (completedAt && status === "open") status = "completed";

  await db.$transaction(async (tx) => {
    const task = await tx.coachingTask.create({
      data: {
        agentId,
        createdById,
        sourceReviewId: review.id,
        criterionKeys: theme.criterionKeys,
        title: theme.title,
        notes: theme.notes,
        resourceTitle: theme.resourceTitle,
        resourceUrl: theme.resourceUrl,
        dueAt,
        status,
        outcome,
        followUpRequired: true,
        agentNote: agentNote(completedAt),
        completedAt,
        closedAt,
        followUpReviewId,
        createdAt,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: createdById,
        action: "coaching.create",
        entityType: "CoachingTask",
        entityId: task.id,
        after: { agentId, sourceReviewId: review.id, criterionKeys: theme.criterionKeys, title: theme.title },
        ipAddress: SEED_IP,
      },
      tx,
    );
    if (status === "open") {
      await notify(
        {
          userId: agentId,
          kind: "coaching-assigned",
          params: { title: theme.title, due: dueAt.toISOString().slice(0, 10) },
          link: `/agent/coaching/${task.id}`,
        },
        tx,
      );
    }
  });
  return true;
}

export async function seedQaCoaching(): Promise<string> {
  const now = new Date();
  const reviews = await failedReviews();
  if (reviews.length === 0) return "coaching: no failed reviews to coach from";
  const demo = reviews.filter((review) => review.agent?.externalId === DEMO_AGENT);
  const others = reviews.filter((review) => review.agent?.externalId !== DEMO_AGENT);
  let created = 0;
  let planned = 0;

  // The demo agent: the newest failed review becomes the open task, the oldest the closed one.
  const demoPicks: [SourceReview | undefined, State][] = [
    [demo[demo.length - 1], DEMO_STATES[0]!],
    [demo.length > 1 ? demo[0] : undefined, DEMO_STATES[1]!],
  ];
  for (const [review, state] of demoPicks) {
    if (!review) continue;
    planned += 1;
    if (await createTask(review, state, planned, now)) created += 1;
  }

  // Other agents, one task each, oldest reviews for the states that need time behind them.
  const seenAgents = new Set<string>();
  let stateIndex = 0;
  for (const review of others) {
    if (planned >= TARGET_TASKS || stateIndex >= OTHER_STATES.length) break;
    if (seenAgents.has(review.agentId!)) continue;
    seenAgents.add(review.agentId!);
    planned += 1;
    if (await createTask(review, OTHER_STATES[stateIndex]!, planned, now)) created += 1;
    stateIndex += 1;
  }
  const total = await db.coachingTask.count();
  return `coaching: ${created} tasks created (${total} in total)`;
}
