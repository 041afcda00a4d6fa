/**
 * Demo review results (runs after rubrics, conversations and sampling: sampling assigns reviews to Q001/Q002/Q003).
 * Each assigned review from the seed's sampling runs gets a fixed fate from a hash of its conversation id:
 * about 70% are scored and submitted through the workbench's own submit (so scores, audit entries and the agents'
 * notifications are what the product would write), a few become drafts, the rest stay in the queues, some of them
 * overdue. Ratings are believable and deterministic: mostly good, some criteria failed with a comment, two or three
 * red-line failures, one or two comments pinned to messages. submittedAt is then spread over the weeks after each
 * conversation. Idempotent: only reviews still assigned are touched, a submitted review is never submitted again,
 * and a review's fate does not depend on the others, so a second run changes nothing.
 */
import { permissionsFor } from "~/modules/identity/permissions";
import { addPinnedComment, saveDraft, submitReview } from "~/modules/qa/reviews/grading.server";
import type { ReviewDraft } from "~/modules/qa/reviews/review-form";
import {
  loadRubricVersion,
  type RubricCriterionView,
  type RubricVersionView,
} from "~/modules/qa/rubrics/rubric-version.server";
import { criterionFraction, FAIL_BELOW, scaleBounds, scoreReview } from "~/modules/qa/scoring";
import { db, type Prisma } from "~/utils/db.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SUBMIT_BELOW = 70; // fate buckets 0–99
const DRAFT_BELOW = 76;
const OVERDUE_BELOW = 86;

/** Reviews the seed's sampling runs created: runs and plans without a creator, never the scheduled ones. */
const SEEDED_REVIEWS: Prisma.ReviewWhereInput = {
  kind: "regular",
  status: "assigned",
  samplingRun: { createdById: null, trigger: { not: "scheduled" }, plan: { createdById: null } },
};

function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** mulberry32: a small seeded generator, so every run draws the same ratings for the same conversation. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], draw: number) => items[Math.floor(draw * items.length) % items.length]!;

const FAIL_COMMENTS: Record<string, string[]> = {
  "first-response": [
    "客户进线后近 2 分钟才首次回复，超过 30 秒首响要求。",
    "首次响应偏慢，高峰期也应先发送欢迎语稳住客户。",
  ],
  "answer-speed": ["振铃超过 4 声才接起，需提高接听及时性。"],
  "response-interval": [
    "过程中有两次间隔超过 3 分钟未回复，客户连续追问。",
    "查询期间长时间无回应，建议每 1 分钟同步一次进度。",
  ],
  "wait-notice": ["查询订单前未告知客户需要等待，客户误以为掉线。"],
  "greeting-closing": ["缺少结束语，未询问客户是否还有其他问题。", "开场未使用标准问候语，直接进入问题处理。"],
  opening: ["开场白未报工号，也未使用标准问候语。"],
  "language-standard": [
    "多次使用“不知道”“没办法”等否定句式，应换成积极表达。",
    "回复中出现口语化表达“行吧”，不符合服务用语规范。",
  ],
  attitude: ["语气生硬，客户表达不满后未及时调整沟通方式。", "回复略显敷衍，缺少对客户诉求的回应。"],
  "voice-tone": ["语速偏快，客户两次请求重复说明。"],
  "needs-identification": [
    "未确认客户的具体诉求就给出方案，导致来回沟通。",
    "没有先问清订单号和商品型号，先听后答做得不够。",
  ],
  "info-accuracy": ["七天无理由退货的运费规则解释有误，需对照最新政策。", "告知的预计到货时间与物流信息不符。"],
  "policy-accuracy": ["价保规则解释不准确，承诺了超出政策范围的补偿。"],
  solution: ["只给出了通用回复，没有针对客户的实际问题给出解决方案。", "问题未解决即结束会话，客户需再次进线。"],
  "process-adherence": ["未按“受理→处理→反馈”流程登记工单，后续无法跟进。", "退款申请未走审批流程即口头答应客户。"],
  "no-buck-passing": ["以“这个不归我们管”推给物流，违反首问负责制。", "让客户自行联系其他部门，没有内部转交跟进。"],
  "closing-loop": ["承诺回电但未约定时间，未形成闭环。", "处理完成后没有与客户确认结果是否满意。"],
  "emotion-soothing": ["客户情绪激动时直接解释规则，未先安抚情绪。", "缺少共情表达，客户多次表示不满。"],
  "apology-acknowledge": ["未对给客户造成的不便表示歉意。"],
  "complaint-recording": ["投诉要点登记不完整，缺少订单号和问题发生时间。"],
  "complaint-classification": ["客户已提及要向平台投诉，未按重大投诉升级。"],
  "solution-fairness": ["补偿方案与同类投诉标准不一致，缺乏依据。"],
  "expectation-setting": ["未告知处理时效，客户不清楚何时能有结果。"],
  "follow-up": ["约定 24 小时内回复，实际超时未跟进。"],
  "identity-verification": ["修改收货地址前未核实来电人身份。"],
  "active-listening": ["客户描述问题时多次打断，未复述确认关键信息。"],
  "hold-etiquette": ["静音等待超过 1 分钟未回线告知进度。"],
  "transfer-handling": ["转接前未向客户说明原因，也未交接已了解的信息。"],
  closing: ["客户未挂机前先行挂断。"],
  "privacy-leak": ["在会话中完整发送了客户手机号和收货地址，属于泄露客户信息，触犯红线。"],
  "abusive-language": ["回复中出现讽刺客户的用语，违反文明用语红线。"],
  "false-promise": ["承诺“保证明天一定到货”，超出平台规则可承诺范围，触犯红线。"],
  "escalation-concealed": ["客户明确表示要投诉至 12315，未如实上报，触犯红线。"],
};

const GOOD_COMMENTS = [
  "处理专业，话术规范，值得组内分享。",
  "主动告知后续进度，客户体验很好。",
  "共情表达自然，客户情绪明显缓和。",
];

const SUMMARIES = {
  excellent: [
    "整体服务规范、热情，问题一次解决，继续保持。",
    "响应及时、信息准确，是一通高质量的会话。",
    "服务流程完整，客户满意度高，可作为优秀案例。",
  ],
  good: [
    "整体服务良好，个别环节仍有提升空间，请关注扣分项。",
    "处理结果正确，沟通细节还可以更到位。",
    "服务态度好，建议加强过程中的进度同步。",
  ],
  failing: [
    "本次服务未达合格线，请对照扣分项逐条改进，组长将安排辅导。",
    "多个环节不符合服务规范，建议复习相关课程后再上线接待。",
  ],
  redLine: ["本次会话触犯服务红线，整单计 0 分，请务必重视并参加专项辅导。"],
} as const;

const PINNED_TEXTS = [
  "此处未核实订单信息就直接答复，建议先查询订单状态再回复客户。",
  "客户已经第二次追问，这里应先致歉并说明处理进度。",
];

/** Response times as the transcript shows them. */
interface Timing {
  firstResponseSeconds: number | null;
  longestWaitSeconds: number | null;
}

/**
 * The responsiveness criteria follow the figures the workbench shows, by the rubrics' own guidance
 * (first response ≤ 30 s / 60 s / 120 s; longest wait ≤ 60 s / 3 min / 5 min), so a slow reply never gets full marks.
 */
function timedFraction(key: string, timing: Timing): number | null {
  const bucket = (seconds: number | null, limits: [number, number, number]) => {
    if (seconds === null) return null;
    const index = limits.findIndex((limit) => seconds <= limit);
    return index === -1 ? 0 : 1 - index / 3;
  };
  if (key === "first-response") return bucket(timing.firstResponseSeconds, [30, 60, 120]);
  if (key === "response-interval") return bucket(timing.longestWaitSeconds, [60, 180, 300]);
  return null;
}

function rate(
  criterion: RubricCriterionView,
  draw: () => number,
  quality: number,
  redLine: boolean,
  timing: Timing,
): number | null {
  const { min, max } = scaleBounds(criterion.scale, criterion.maxPoints);
  const timed = criterion.bonus || criterion.critical ? null : timedFraction(criterion.key, timing);
  if (timed !== null) {
    draw(); // keep the draw sequence of the other criteria stable
    return Math.round(min + timed * (max - min));
  }
  if (criterion.bonus) {
    const roll = draw();
    if (roll < 0.25) return max;
    return criterion.allowNa ? null : min;
  }
  if (criterion.critical) return redLine ? min : max;
  if (criterion.allowNa && draw() < 0.2) return null;
  if (criterion.scale === "binary") return draw() < (quality > 0.6 ? 0.95 : 0.6) ? max : min;
  const fraction = Math.min(1, Math.max(0, quality + (draw() - 0.5) * 0.25));
  return Math.round(min + fraction * (max - min));
}

function buildDraft(
  rubric: RubricVersionView,
  seed: number,
  redLine: boolean,
  timing: Timing,
): { draft: ReviewDraft; failed: RubricCriterionView[] } {
  const draw = random(seed);
  // One review in eight is a weak conversation; the rest range from fair to excellent.
  const quality = draw() < 0.12 ? 0.3 + draw() * 0.25 : 0.8 + draw() * 0.2;
  const criticals = rubric.criteria.filter((criterion) => criterion.critical);
  const breached = redLine && criticals.length > 0 ? criticals[seed % criticals.length]! : null;
  const draft: ReviewDraft = { ratings: {}, comments: {}, summary: "" };
  const failed: RubricCriterionView[] = [];
  for (const criterion of rubric.criteria) {
    const value = rate(criterion, draw, quality, criterion === breached, timing);
    draft.ratings[criterion.id] = value;
    if (value === null || criterion.bonus) continue;
    if (criterionFraction(criterion, value) < FAIL_BELOW) {
      failed.push(criterion);
      draft.comments[criterion.id] = pick(
        FAIL_COMMENTS[criterion.key] ?? [`${criterion.name}未达到评分标准，请对照标准改进。`],
        draw(),
      );
    } else if (draw() < 0.06) {
      draft.comments[criterion.id] = pick(GOOD_COMMENTS, draw());
    }
  }
  return { draft, failed };
}

function summaryFor(score: number, passMark: number, criticalFailed: boolean, seed: number) {
  const pool = criticalFailed
    ? SUMMARIES.redLine
    : score < passMark
      ? SUMMARIES.failing
      : score >= 95
        ? SUMMARIES.excellent
        : SUMMARIES.good;
  return pool[seed % pool.length]!;
}

/** When the review was done: hours to days after the conversation, never in the future. */
function submittedAtFor(startedAt: Date, seed: number, now: number): Date {
  const candidate = startedAt.getTime() + 6 * HOUR + (seed % (5 * 24)) * HOUR;
  const latest = now - HOUR;
  if (candidate <= latest) return new Date(candidate);
  return new Date(startedAt.getTime() + Math.max(60_000, (latest - startedAt.getTime()) / 2));
}

export async function seedQaReviews(): Promise<string> {
  const assigned = await db.review.findMany({
    where: SEEDED_REVIEWS,
    orderBy: { id: "asc" },
    select: {
      id: true,
      inspectorId: true,
      rubricVersionId: true,
      dueAt: true,
      conversation: {
        select: {
          id: true,
          externalId: true,
          startedAt: true,
          firstResponseSeconds: true,
          longestWaitSeconds: true,
          messages: { where: { sender: "agent" }, orderBy: { seq: "asc" }, take: 1, select: { id: true } },
        },
      },
    },
  });
  if (assigned.length === 0) return "reviews: nothing assigned by the seed's sampling runs is left to score";

  const fate = (externalId: string) => hash(`fate:${externalId}`) % 100;
  const toSubmit = assigned
    .filter((review) => fate(review.conversation.externalId) < SUBMIT_BELOW)
    .sort((a, b) => a.conversation.externalId.localeCompare(b.conversation.externalId));
  // Red lines are rare: the two or three submitted reviews with the lowest red-line draw breach one.
  const redLineCount = toSubmit.length >= 12 ? 3 : toSubmit.length >= 4 ? 2 : 0;
  const redLines = new Set(
    [...toSubmit]
      .sort((a, b) => hash(`red:${a.conversation.externalId}`) - hash(`red:${b.conversation.externalId}`))
      .slice(0, redLineCount)
      .map((review) => review.id),
  );

  const rubrics = new Map<string, RubricVersionView>();
  const rubricOf = async (versionId: string) => {
    if (!rubrics.has(versionId)) {
      const rubric = await loadRubricVersion(versionId);
      if (!rubric) throw new Error(`seed reviews: rubric version ${versionId} is missing`);
      rubrics.set(versionId, rubric);
    }
    return rubrics.get(versionId)!;
  };
  const inspectorPermissions = permissionsFor(["qa_inspector"]);
  const now = Date.now();
  let submitted = 0;
  let pinned = 0;
  let drafts = 0;
  let overdue = 0;

  for (const review of assigned) {
    const externalId = review.conversation.externalId;
    const bucket = fate(externalId);
    const seed = hash(`ratings:${externalId}`);
    const actor = { id: review.inspectorId, permissions: inspectorPermissions };
    const rubric = await rubricOf(review.rubricVersionId);
    const { draft, failed } = buildDraft(rubric, seed, redLines.has(review.id), review.conversation);

    if (bucket < SUBMIT_BELOW) {
      const firstAgentMessage = review.conversation.messages[0];
      if (pinned < PINNED_TEXTS.length && failed.length > 0 && !redLines.has(review.id) && firstAgentMessage) {
        const added = await addPinnedComment(actor, review.id, firstAgentMessage.id.toString(), PINNED_TEXTS[pinned]!);
        if (added.ok) pinned++;
      }
      const gradingSeconds = 120 + (seed % 481);
      const submittedAt = submittedAtFor(review.conversation.startedAt, seed, now);
      // Same rule as submit, to word the summary for the score it will get.
      const expected = scoreReview(rubric.criteria, draft.ratings);
      draft.summary = summaryFor(expected.score, rubric.passMark, expected.criticalFailed, seed);
      const outcome = await submitReview(actor, review.id, draft, gradingSeconds, { ipAddress: "seed", submittedAt });
      if (!outcome.ok) throw new Error(`seed reviews: could not submit review ${review.id}: ${outcome.error}`);
      const createdAt = new Date(
        Math.max(review.conversation.startedAt.getTime() + HOUR, submittedAt.getTime() - 2 * DAY),
      );
      await db.$transaction([
        db.review.update({
          where: { id: review.id },
          data: {
            createdAt,
            startedAt: new Date(submittedAt.getTime() - gradingSeconds * 1000),
            dueAt: new Date(createdAt.getTime() + 3 * DAY),
          },
        }),
        db.reviewComment.updateMany({ where: { reviewId: review.id }, data: { createdAt: submittedAt } }),
        db.notification.updateMany({
          where: { kind: "qa-review-submitted", link: `/agent/reviews/${review.id}` },
          data: { createdAt: submittedAt },
        }),
      ]);
      submitted++;
    } else if (bucket < DRAFT_BELOW) {
      // Half-scored: the first criteria rated, the rest waiting, as an inspector would leave it.
      const half = Math.ceil(rubric.criteria.length / 2);
      const partial: ReviewDraft = {
        ratings: Object.fromEntries(rubric.criteria.slice(0, half).map((c) => [c.id, draft.ratings[c.id] ?? null])),
        comments: Object.fromEntries(
          Object.entries(draft.comments).filter(([id]) => rubric.criteria.slice(0, half).some((c) => c.id === id)),
        ),
        summary: "",
      };
      const saved = await saveDraft(actor, review.id, partial, 60 + (seed % 120));
      if (!saved.ok) throw new Error(`seed reviews: could not save a draft for ${review.id}: ${saved.error}`);
      drafts++;
    } else if (bucket < OVERDUE_BELOW && review.dueAt && review.dueAt.getTime() > now) {
      await db.review.update({
        where: { id: review.id },
        data: { dueAt: new Date(now - DAY - (seed % 48) * HOUR) },
      });
      overdue++;
    }
  }

  return `reviews: ${submitted} submitted (${redLines.size} with a red line), ${drafts} drafts, ${overdue} made overdue, ${pinned} pinned comments; ${assigned.length - submitted - drafts} left in the queues`;
}
