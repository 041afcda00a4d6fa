/**
 * Demo coaching tasks (辅导), opened from reviews the seed submitted with failed criteria. Runs after the
 * reviews and disputes seeds. Idempotent: a task is matched by agent + title; existing ones are left alone.
 *
 * About eight tasks with a mix of states: open (the demo agent A2003 among them), open and overdue,
 * completed and waiting for the follow-up, closed as improved / not improved after a later review. Times are
 * backdated relative to the source review and never later than now. Tasks are created by the source review's
 * inspector or by the agent's team lead, like in real use.
 *
 * Each task points at a published knowledge-base article (by slug) that explains the topic; the knowledge base is
 * seeded before the QA steps. When an article is missing (e.g. a test database without the knowledge base) the
 * task simply has no article. Tasks an older version of this seed linked to made-up kb.youpin.example URLs are
 * moved to the article on the next run.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db } from "~/utils/db.server";

const DEMO_AGENT = "A2003";
const SEED_IP = "seed";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TARGET_TASKS = 8;
/** The made-up links an older version of this seed stored in resourceUrl. */
const LEGACY_RESOURCE_PREFIX = "https://kb.youpin.example/";

type Theme = { match: RegExp; title: string; notes: string; articleSlug: string | null };

const THEMES: Theme[] = [
  {
    match: /情绪|安抚|致歉|态度/,
    title: "情绪安抚话术提升",
    notes:
      "顾客情绪激动时先共情再处理：第一句先致歉并确认情绪（“非常理解您的心情”），复述顾客诉求，再给出明确的处理方案和时限。避免直接解释规则或与顾客争辩。学习后在情景演练中完成“质量问题投诉要求退款加赔偿”场景。",
    articleSlug: "case-quality-defect",
  },
  {
    match: /准确|政策|信息/,
    title: "退换货政策准确解答",
    notes:
      "解答退换货问题前先核对商品类目和签收时间：7天无理由需商品完好、不影响二次销售，定制类和生鲜类商品不适用；质量问题退货运费由店铺承担。不确定时先查知识库再答复，不要凭印象承诺。",
    articleSlug: "policy-7-day-return",
  },
  {
    match: /用语|开场|结束|语言|文明/,
    title: "服务用语规范提升",
    notes:
      "开场使用标准问候语并报工号，结束前确认是否还有其他问题并致谢。避免使用“不知道”“没办法”“你自己看”等禁用语，改用“我帮您核实一下”“我们可以这样处理”。",
    articleSlug: "case-custom-goods",
  },
  {
    match: /推诿|首问/,
    title: "落实首问负责制",
    notes:
      "首次接待的问题由本人跟进到底：需要其他部门协助时由自己发起工单并告知顾客处理进度，不要让顾客“去找物流”“去问售后”。每次转交都要说明原因和预计回复时间。",
    articleSlug: "faq-logistics-delay",
  },
  {
    match: /响应|等待|时效/,
    title: "响应时效提升",
    notes:
      "首次响应控制在 30 秒内；需要查询时先告知顾客预计等待时间，超过 1 分钟要主动回复进度。高峰期善用快捷短语，但不得用自动回复代替人工解答。",
    articleSlug: "case-cannot-reach",
  },
  {
    match: /闭环|流程|反馈|解决|确认/,
    title: "问题闭环与反馈规范",
    notes:
      "按“受理→处理→反馈”完成每一个问题：处理完成后主动告知结果，确认顾客问题已解决，必要时约定回访时间。未当场解决的问题要登记跟进单，不能只回复“已反馈”。",
    articleSlug: "policy-complaint-levels",
  },
  {
    match: /客户信息|隐私|泄露|合规|承诺/,
    title: "客户信息保护与红线意识",
    notes:
      "任何情况下不得在会话中完整展示顾客手机号、地址、身份证号；核实身份只确认后四位。不得做出超出平台规则的承诺。本次触碰红线，需完成学习并通过红线知识测验。",
    articleSlug: "policy-privacy",
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
    articleSlug: null,
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

/** Published knowledge-base articles by slug, for the slugs the themes name (missing ones are simply absent). */
async function articleIdsBySlug(): Promise<Map<string, string>> {
  const slugs = THEMES.map((theme) => theme.articleSlug).filter((slug): slug is string => slug !== null);
  const articles = await db.kbArticle.findMany({
    where: { slug: { in: slugs }, status: "published" },
    select: { id: true, slug: true },
  });
  return new Map(articles.map((article) => [article.slug, article.id]));
}

/** Tasks an older version of this seed created with a made-up resource link get the theme's article instead. */
async function replaceLegacyLinks(articleIds: Map<string, string>): Promise<void> {
  for (const theme of THEMES) {
    await db.coachingTask.updateMany({
      where: { title: theme.title, resourceUrl: { startsWith: LEGACY_RESOURCE_PREFIX } },
      data: { articleId: articleIdFor(theme, articleIds), resourceTitle: null, resourceUrl: null },
    });
  }
  await db.coachingTask.updateMany({
    where: { resourceUrl: { startsWith: LEGACY_RESOURCE_PREFIX } },
    data: { resourceTitle: null, resourceUrl: null },
  });
}

function articleIdFor(theme: Pick<Theme, "articleSlug">, articleIds: Map<string, string>): string | null {
  return theme.articleSlug ? (articleIds.get(theme.articleSlug) ?? null) : null;
}

async function createTask(
  review: SourceReview,
  state: State,
  index: number,
  now: Date,
  articleIds: Map<string, string>,
): Promise<boolean> {
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
        articleId: articleIdFor(theme, articleIds),
        resourceTitle: null,
        resourceUrl: null,
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
  const articleIds = await articleIdsBySlug();
  await replaceLegacyLinks(articleIds);
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
    if (await createTask(review, state, planned, now, articleIds)) created += 1;
  }

  // Other agents, one task each, oldest reviews for the states that need time behind them.
  const seenAgents = new Set<string>();
  let stateIndex = 0;
  for (const review of others) {
    if (planned >= TARGET_TASKS || stateIndex >= OTHER_STATES.length) break;
    if (seenAgents.has(review.agentId!)) continue;
    seenAgents.add(review.agentId!);
    planned += 1;
    if (await createTask(review, OTHER_STATES[stateIndex]!, planned, now, articleIds)) created += 1;
    stateIndex += 1;
  }
  const total = await db.coachingTask.count();
  return `coaching: ${created} tasks created (${total} in total)`;
}
