/**
 * Demo disputes (申诉) on reviews the seed has submitted, made through the dispute module so scores, audit entries
 * and notifications are exactly what the app would produce. Runs after the reviews seed. Idempotent: disputes made
 * here are audited with ipAddress "seed"; when one exists the function changes nothing.
 *
 * Scenarios (reviews picked deterministically: oldest submitted first, by id):
 * - A2003 (demo agent): one partly accepted dispute with the score updated, and one open dispute awaiting the
 *   inspector (filed a few hours ago when the newest review is still inside the window).
 * - another agent: rejected by the inspector, escalated, and decided by a QA lead (Q001 in the demo data).
 * - others: rejected; accepted in full; withdrawn; open and past its SLA; escalated and awaiting the QA lead.
 * - a few other reviews are acknowledged by their agents.
 * Times are backdated relative to each review (filed a day after submission, answered a day later), never later
 * than now.
 */
import { acknowledgeReview } from "~/modules/qa/agent-reviews.server";
import {
  decideDispute,
  DisputeError,
  escalateDispute,
  openDispute,
  withdrawDispute,
} from "~/modules/qa/disputes/dispute.server";
import { loadRubricVersion, type RubricVersionView } from "~/modules/qa/rubrics/rubric-version.server";
import { scaleBounds } from "~/modules/qa/scoring";
import { getQaSettings } from "~/modules/qa/settings.server";
import { db } from "~/utils/db.server";

const DEMO_AGENT = "A2003";
const DEMO_LEAD = "Q001";
const SEED_IP = "seed";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Reasons an agent would give, matched to the criterion by words in its name; the last one fits any criterion. */
const REASONS: [RegExp, string][] = [
  [/响应|等待|时效/, "当时同时接待 6 位顾客，第一条回复已在 1 分钟内发出，并告知顾客正在核实，请复核响应时间。"],
  [/开场|结束|用语|话术/, "会话开头已使用“亲，您好，很高兴为您服务”的标准问候，结束时也有礼貌结束语，请复核。"],
  [/态度|安抚|情绪|关怀/, "顾客情绪激动时我先致歉并安抚，第 3 条消息可以看到，之后才开始处理问题。"],
  [/准确|信息|政策|规则/, "告知顾客的退换货规则与当时店铺公告一致，信息没有错误。"],
  [/流程|受理|反馈|闭环|确认/, "已按受理→处理→反馈完成，并在当天下午回访确认顾客收到补发。"],
  [/推诿|首问|解决/, "顾客的问题我当场处理完毕，没有转给其他同事，也主动告知了物流单号。"],
  [/./, "会话中的处理符合培训要求，评分标准把握偏严，请质检员结合上下文复核。"],
];

function reasonFor(criterionName: string) {
  return REASONS.find(([pattern]) => pattern.test(criterionName))![1];
}
const ACCEPT_NOTE = "复核会话记录，坐席确已按规范操作，予以采纳并更正评分。";
const REJECT_NOTE = "规范要求主动告知处理时效并确认顾客诉求，会话中未体现，维持原评分。";
const PARTLY_NOTE = "问候语部分属实予以采纳；处理时效未主动告知，该项维持原评分。";
const ARBITRATION_NOTE = "结合会话上下文，坐席已完成安抚和解释，质检标准把握偏严，改判采纳。";
const ESCALATION_REASON = "质检员驳回的理由与会话内容不符，第 2、3 条消息已有相关说明，申请主管复核。";

type Candidate = Awaited<ReturnType<typeof loadCandidates>>[number];

async function loadCandidates() {
  return db.review.findMany({
    where: {
      kind: "regular",
      status: "submitted",
      agentId: { not: null },
      acknowledgedAt: null,
      disputes: { none: {} },
      scores: { some: {} },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      agentId: true,
      inspectorId: true,
      submittedAt: true,
      rubricVersionId: true,
      agent: { select: { externalId: true } },
      inspector: { select: { externalId: true } },
      scores: { select: { criterionId: true, value: true } },
    },
  });
}

/** Criteria an agent could argue up: not red lines, not bonus, rated below the top of the scale. */
function disputable(candidate: Candidate, rubric: RubricVersionView) {
  const values = new Map(candidate.scores.map((score) => [score.criterionId, score.value]));
  return rubric.criteria
    .filter((criterion) => !criterion.critical && !criterion.bonus)
    .flatMap((criterion) => {
      const value = values.get(criterion.id);
      if (value === undefined || value === null) return [];
      const { max } = scaleBounds(criterion.scale, criterion.maxPoints);
      return value < max ? [{ criterionId: criterion.id, name: criterion.name, current: value, top: max }] : [];
    })
    .sort((a, b) => a.current / a.top - b.current / b.top);
}

export async function seedQaDisputes(): Promise<string> {
  const existing = await db.auditLog.count({ where: { action: "dispute.create", ipAddress: SEED_IP } });
  if (existing > 0) return "qa disputes: already present";

  const now = Date.now();
  const { disputeWindowDays, disputeSlaDays } = await getQaSettings();
  const rubrics = new Map<string, RubricVersionView>();
  const rubricOf = async (versionId: string) => {
    if (!rubrics.has(versionId)) rubrics.set(versionId, (await loadRubricVersion(versionId))!);
    return rubrics.get(versionId)!;
  };

  const pool: (Candidate & { items: ReturnType<typeof disputable> })[] = [];
  for (const candidate of await loadCandidates()) {
    const items = disputable(candidate, await rubricOf(candidate.rubricVersionId));
    if (items.length >= 2) pool.push({ ...candidate, items });
  }
  const used = new Set<string>();
  const usedAgents = new Set<string>();
  const take = (predicate: (candidate: (typeof pool)[number]) => boolean, newest = false) => {
    const list = newest ? [...pool].reverse() : pool;
    const found = list.find((candidate) => !used.has(candidate.id) && predicate(candidate));
    if (found) {
      used.add(found.id);
      usedAgents.add(found.agentId!);
    }
    return found;
  };
  const isDemo = (candidate: Candidate) => candidate.agent?.externalId === DEMO_AGENT;
  const otherAgent = (candidate: Candidate) => !isDemo(candidate) && !usedAgents.has(candidate.agentId!);
  const clamp = (time: number) => new Date(Math.min(time, now - 5 * 60_000));
  const filedAt = (candidate: Candidate) => clamp(candidate.submittedAt!.getTime() + DAY);

  const file = async (candidate: (typeof pool)[number], count: number, at: Date) => {
    const result = await openDispute(
      {
        reviewId: candidate.id,
        items: candidate.items.slice(0, count).map((item) => ({
          criterionId: item.criterionId,
          reason: reasonFor(item.name),
          proposed: item.top,
        })),
      },
      { id: candidate.agentId!, ipAddress: SEED_IP },
      at,
    );
    if (!result.ok) throw new Error(`seed dispute on review ${candidate.id} was refused`);
    const items = await db.disputeItem.findMany({
      where: { disputeId: result.disputeId },
      orderBy: { criterion: { position: "asc" } },
      select: { id: true },
    });
    return { disputeId: result.disputeId, itemIds: items.map((item) => item.id) };
  };
  const answer = async (
    disputeId: string,
    handlerId: string,
    decisions: { itemId: string; accept: boolean }[],
    response: string,
    at: Date,
  ) => {
    const result = await decideDispute({ disputeId, decisions, response }, { id: handlerId, ipAddress: SEED_IP }, at);
    if (!result.ok) throw new Error(`seed decision on dispute ${disputeId} was refused`);
  };
  /** Escalates as the agent; null when nobody can arbitrate (no active QA lead or manager). */
  const escalate = async (disputeId: string, agentId: string, at: Date) => {
    try {
      const result = await escalateDispute(
        { disputeId, reason: ESCALATION_REASON },
        { id: agentId, ipAddress: SEED_IP },
        at,
      );
      return result.ok ? result.handlerId : null;
    } catch (error) {
      if (error instanceof DisputeError && error.code === "no-arbitrator") return null;
      throw error;
    }
  };
  const made: string[] = [];

  // A2003: partly accepted, score updated.
  const demoPartly = take(isDemo);
  if (demoPartly) {
    const at = filedAt(demoPartly);
    const { disputeId, itemIds } = await file(demoPartly, 2, at);
    await answer(
      disputeId,
      demoPartly.inspectorId,
      [
        { itemId: itemIds[0]!, accept: true },
        { itemId: itemIds[1]!, accept: false },
      ],
      PARTLY_NOTE,
      clamp(at.getTime() + DAY),
    );
    made.push("A2003 partly accepted");
  }

  // A2003: open, awaiting the inspector — filed a few hours ago when the window still allows it.
  const demoOpen = take(isDemo, true);
  if (demoOpen) {
    const recent = Math.max(now - 3 * HOUR, demoOpen.submittedAt!.getTime() + 30 * 60_000);
    const inWindow = recent <= demoOpen.submittedAt!.getTime() + disputeWindowDays * DAY;
    await file(demoOpen, 1, inWindow ? clamp(recent) : filedAt(demoOpen));
    made.push("A2003 open");
  }

  // Rejected, escalated and decided by a QA lead.
  const notByLead = (candidate: Candidate) => candidate.inspector.externalId !== DEMO_LEAD;
  const arbitrated = take((candidate) => otherAgent(candidate) && notByLead(candidate));
  if (arbitrated) {
    const at = filedAt(arbitrated);
    const { disputeId, itemIds } = await file(arbitrated, 1, at);
    await answer(
      disputeId,
      arbitrated.inspectorId,
      [{ itemId: itemIds[0]!, accept: false }],
      REJECT_NOTE,
      clamp(at.getTime() + DAY),
    );
    const arbitrator = await escalate(disputeId, arbitrated.agentId!, clamp(at.getTime() + 2 * DAY));
    if (arbitrator) {
      await answer(
        disputeId,
        arbitrator,
        [{ itemId: itemIds[0]!, accept: true }],
        ARBITRATION_NOTE,
        clamp(at.getTime() + 3 * DAY),
      );
      made.push("escalated and arbitrated");
    }
  }

  // Rejected by the inspector.
  const rejected = take(otherAgent);
  if (rejected) {
    const at = filedAt(rejected);
    const { disputeId, itemIds } = await file(rejected, 2, at);
    await answer(
      disputeId,
      rejected.inspectorId,
      itemIds.map((itemId) => ({ itemId, accept: false })),
      REJECT_NOTE,
      clamp(at.getTime() + DAY),
    );
    made.push("rejected");
  }

  // Open and past its SLA: filed long enough ago that the inspector's time ran out.
  const overdue = take(
    (candidate) => otherAgent(candidate) && filedAt(candidate).getTime() + disputeSlaDays * DAY < now - HOUR,
  );
  if (overdue) {
    await file(overdue, 1, filedAt(overdue));
    made.push("overdue");
  }

  // Accepted in full.
  const accepted = take(otherAgent);
  if (accepted) {
    const at = filedAt(accepted);
    const { disputeId, itemIds } = await file(accepted, 1, at);
    await answer(
      disputeId,
      accepted.inspectorId,
      [{ itemId: itemIds[0]!, accept: true }],
      ACCEPT_NOTE,
      clamp(at.getTime() + DAY),
    );
    made.push("accepted");
  }

  // Withdrawn by the agent.
  const withdrawn = take(otherAgent);
  if (withdrawn) {
    const at = filedAt(withdrawn);
    const { disputeId } = await file(withdrawn, 1, at);
    await withdrawDispute(
      { disputeId },
      { id: withdrawn.agentId!, ipAddress: SEED_IP },
      clamp(at.getTime() + 6 * HOUR),
    );
    made.push("withdrawn");
  }

  // Rejected and escalated, now waiting for the QA lead.
  // The newest review: filed two days ago and escalated yesterday, so the lead's deadline is still ahead (unless
  // the dispute window forces an earlier filing).
  const awaitingLead = take((candidate) => otherAgent(candidate) && notByLead(candidate), true);
  if (awaitingLead) {
    const submitted = awaitingLead.submittedAt!.getTime();
    const lastInWindow = submitted + disputeWindowDays * DAY - HOUR;
    const at = clamp(Math.max(submitted + HOUR, Math.min(now - 2 * DAY, lastInWindow)));
    const { disputeId, itemIds } = await file(awaitingLead, 1, at);
    await answer(
      disputeId,
      awaitingLead.inspectorId,
      [{ itemId: itemIds[0]!, accept: false }],
      REJECT_NOTE,
      clamp(at.getTime() + 12 * HOUR),
    );
    const arbitrator = await escalate(disputeId, awaitingLead.agentId!, clamp(at.getTime() + DAY));
    if (arbitrator) made.push("escalated, awaiting the QA lead");
  }

  // A few reviews read and acknowledged by their agents, one of them the demo agent's.
  let acknowledged = 0;
  const toAcknowledge = [
    take(isDemo),
    ...pool.filter((candidate) => !used.has(candidate.id) && !isDemo(candidate)).slice(0, 4),
  ];
  for (const candidate of toAcknowledge) {
    if (!candidate) continue;
    used.add(candidate.id);
    await acknowledgeReview(
      candidate.id,
      { id: candidate.agentId!, ipAddress: SEED_IP },
      clamp(candidate.submittedAt!.getTime() + 6 * HOUR),
    );
    acknowledged++;
  }

  if (made.length === 0) return "qa disputes: no submitted reviews to dispute (seed reviews first)";
  return `qa disputes: ${made.length} created (${made.join(", ")}); ${acknowledged} reviews acknowledged`;
}
