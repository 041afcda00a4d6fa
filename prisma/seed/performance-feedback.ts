/**
 * 360 reviews for the demo. Syncs content/feedback/templates.yaml (客服综合能力评估), then:
 * - a closed cycle 2026年第三季度360评估 (2026-07-01…09-30) for 售后服务组 and 投诉处理组: peers chosen by the
 *   leads, believable ratings and Chinese comments, closed through the module so the overall scores are the
 *   module's; a few people have only two peer responses, so their peer group is hidden in the report;
 * - an open cycle 2026年第四季度360评估 for everyone in 售后服务组 with about half the requests submitted; the demo
 *   agent A2003 still has her self review and a peer review to fill in, and her Q3 report waits to be acknowledged.
 * Ratings are derived from a hash of (cycle, subject, rater, competency), so every run produces the same data.
 * Idempotent: a cycle that already exists (by name) is left alone.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { closeCycle, createCycle, openCycle } from "~/modules/feedback/cycles.server";
import { setPeers } from "~/modules/feedback/peers.server";
import { submitRating } from "~/modules/feedback/requests.server";
import { DEFAULT_GROUP_WEIGHTS } from "~/modules/feedback/scoring";
import { syncFeedbackTemplates } from "~/modules/feedback/templates.server";
import { db } from "~/utils/db.server";

const TEMPLATES_FILE = path.resolve(import.meta.dirname, "../../content/feedback/templates.yaml");
const TEMPLATE_KEY = "cs-general";
const DEMO_AGENT = "A2003";
const CLOSED_CYCLE = "2026年第三季度360评估";
const OPEN_CYCLE = "2026年第四季度360评估";

type Group = "self" | "manager" | "peer" | "report" | "qa";

function unit(...parts: string[]) {
  return createHash("sha256").update(parts.join("|")).digest().readUInt32BE(0) / 0x1_0000_0000;
}

const BIAS: Record<Group, number> = { self: 0.45, manager: -0.1, peer: 0.1, report: 0.2, qa: -0.3 };

function score(cycle: string, subject: string, rater: string, group: Group, competency: number) {
  const level = 3.1 + unit("level", subject) * 1.4; // each person's standing: 3.1–4.5
  const strength = (unit("strength", subject, String(competency)) - 0.5) * 1.0;
  const noise = (unit(cycle, subject, rater, String(competency)) - 0.5) * 1.3;
  return Math.min(5, Math.max(1, Math.round(level + strength + noise + BIAS[group])));
}

const COMMENTS: Record<Group, string[]> = {
  self: [
    "本季度退换货政策掌握得比较扎实，但高峰期回复速度还需要提升。",
    "处理投诉时情绪控制有进步，下季度想多学习复杂售后场景的处理。",
    "跟进工单比较及时，希望在商品知识方面再系统学习一遍。",
    "和同事配合顺畅，自己在话术的简洁度上还有改进空间。",
  ],
  manager: [
    "专业知识扎实，价保和三包问题处理准确，可以多带新人。",
    "服务态度好，顾客表扬多；复杂投诉的升级判断还需更果断。",
    "本季度进步明显，质检得分稳定，建议加强跨部门沟通。",
    "工单跟进闭环做得好，偶尔回复偏长，建议精简话术。",
    "学习能力强，新政策上线后很快能准确解答，继续保持。",
  ],
  peer: [
    "遇到难处理的退款问题愿意帮忙，经常分享处理经验。",
    "交接班时信息记录清楚，配合起来很省心。",
    "沟通很有耐心，顾客情绪激动时也能稳住。",
    "对售后政策很熟悉，我有疑问时常请教他。",
    "高峰期主动补位，团队意识强。",
    "有时回复略慢，但处理结果很可靠。",
    "愿意分享案例，在组内周会上的经验分享很实用。",
  ],
  report: ["排班和分工合理，遇到疑难问题能及时给出指导。", "反馈及时具体，帮助我们提升了不少。"],
  qa: ["抽检会话中开场和致歉规范，偶有未按时回访的情况。", "话术规范，政策解释准确，红线意识强。"],
};

function comment(cycle: string, subject: string, rater: string, group: Group) {
  if (unit("comment?", cycle, subject, rater) > (group === "self" || group === "manager" ? 0.9 : 0.6)) return undefined;
  const pool = COMMENTS[group];
  return pool[Math.floor(unit("comment", cycle, subject, rater) * pool.length)];
}

async function chooseLeadPeers(cycleId: string, peersPerSubject: (externalId: string) => number, actorId: string) {
  const subjects = await db.feedbackSubject.findMany({
    where: { cycleId },
    select: { id: true, user: { select: { id: true, externalId: true, teamId: true } } },
  });
  for (const subject of subjects) {
    const colleagues = await db.user.findMany({
      where: {
        teamId: subject.user.teamId,
        status: "active",
        id: { not: subject.user.id },
        roles: { some: { role: "agent" } },
      },
      select: { id: true, externalId: true },
    });
    const ranked = colleagues
      .map((colleague) => ({
        ...colleague,
        order: unit("peer", cycleId, subject.user.externalId, colleague.externalId),
      }))
      .sort((a, b) => a.order - b.order);
    const count = Math.min(peersPerSubject(subject.user.externalId), ranked.length);
    const result = await setPeers(
      subject.id,
      ranked.slice(0, count).map((colleague) => colleague.id),
      { kind: "scope", scope: { all: true } },
      { id: actorId, ipAddress: "seed" },
    );
    if (!result.ok) throw new Error(`360 seed: peers of ${subject.user.externalId}: ${result.error}`);
  }
}

/** Submits the requests `keep` says yes to, with the hash-derived ratings and comments. */
async function submitSome(
  cycleId: string,
  keep: (request: { subject: string; rater: string; group: Group }) => boolean,
) {
  const competencies = await db.feedbackCycleCompetency.findMany({
    where: { cycleId },
    orderBy: { position: "asc" },
    select: { id: true, position: true },
  });
  const requests = await db.feedbackRequest.findMany({
    where: { subject: { cycleId }, status: "pending" },
    orderBy: { id: "asc" },
    select: {
      id: true,
      group: true,
      raterId: true,
      rater: { select: { externalId: true } },
      subject: { select: { user: { select: { externalId: true } } } },
    },
  });
  let submitted = 0;
  for (const request of requests) {
    const key = { subject: request.subject.user.externalId, rater: request.rater.externalId, group: request.group };
    if (!keep(key)) continue;
    const scores = Object.fromEntries(
      competencies.map((competency) => [
        competency.id,
        score(cycleId, key.subject, key.rater, key.group, competency.position),
      ]),
    );
    await submitRating(request.id, request.raterId, {
      scores,
      comment: comment(cycleId, key.subject, key.rater, key.group),
    });
    submitted += 1;
  }
  return submitted;
}

async function backdate(cycleId: string, openedAt: Date, closedAt: Date | null) {
  await db.feedbackCycle.update({ where: { id: cycleId }, data: { openedAt, ...(closedAt ? { closedAt } : {}) } });
  const requests = await db.feedbackRequest.findMany({
    where: { subject: { cycleId }, status: "submitted" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const span = (closedAt ?? new Date()).getTime() - openedAt.getTime();
  for (const request of requests) {
    const at = new Date(openedAt.getTime() + unit("submitted", request.id) * span * 0.9);
    await db.feedbackRequest.update({ where: { id: request.id }, data: { submittedAt: at, createdAt: openedAt } });
  }
}

export async function seedFeedback(): Promise<string> {
  const sync = await syncFeedbackTemplates(TEMPLATES_FILE);
  const template = await db.feedbackTemplate.findUniqueOrThrow({ where: { key: TEMPLATE_KEY }, select: { id: true } });
  const manager = await db.user.findFirst({
    where: { status: "active", roles: { some: { role: "manager" } } },
    orderBy: { externalId: "asc" },
    select: { id: true },
  });
  const teams = await db.team.findMany({
    where: { name: { in: ["售后服务组", "投诉处理组"] } },
    select: { id: true, name: true },
  });
  const afterSales = teams.find((team) => team.name === "售后服务组");
  if (!manager || !afterSales || teams.length < 2) return "360: no manager or teams to review, skipped";
  const actor = { id: manager.id, ipAddress: "seed" };
  const lines = [`360: templates +${sync.created} ~${sync.updated}`];

  const common = {
    templateId: template.id,
    subjects: "teams" as const,
    includeLeads: false,
    weights: DEFAULT_GROUP_WEIGHTS,
    minGroupResponses: 3,
    peerSelection: "lead" as const,
    allowComments: true,
  };

  if (!(await db.feedbackCycle.findFirst({ where: { name: CLOSED_CYCLE }, select: { id: true } }))) {
    const created = await createCycle(
      {
        ...common,
        name: CLOSED_CYCLE,
        periodStart: "2026-07-01",
        periodEnd: "2026-09-30",
        dueDate: "2026-10-20",
        teamIds: teams.map((team) => team.id),
        minPeers: 3,
        maxPeers: 5,
      },
      actor,
    );
    if (!created.ok) throw new Error(`360 seed: ${JSON.stringify(created.fieldErrors)}`);
    await chooseLeadPeers(created.id, () => 4, manager.id);
    await openCycle(created.id, actor, { notifyRaters: false });
    // Everyone answers except a few peers: for one subject in five only two peers answered (peer group hidden).
    const submitted = await submitSome(created.id, ({ subject, rater, group }) => {
      if (group !== "peer") return unit("skip", subject, rater) > 0.04;
      if (subject === DEMO_AGENT) return unit("peer-skip", subject, rater) > 0.25;
      const thin = unit("thin", subject) < 0.2;
      return unit("peer-skip", subject, rater) > (thin ? 0.5 : 0.15);
    });
    await closeCycle(created.id, actor);
    await backdate(created.id, new Date("2026-10-08T01:00:00Z"), new Date("2026-10-21T10:00:00Z"));
    lines.push(`360: ${CLOSED_CYCLE} closed with ${submitted} responses`);
  }

  if (!(await db.feedbackCycle.findFirst({ where: { name: OPEN_CYCLE }, select: { id: true } }))) {
    const created = await createCycle(
      {
        ...common,
        name: OPEN_CYCLE,
        periodStart: "2026-10-01",
        periodEnd: "2026-12-31",
        dueDate: "2026-12-18",
        teamIds: [afterSales.id],
        minPeers: 3,
        maxPeers: 5,
      },
      actor,
    );
    if (!created.ok) throw new Error(`360 seed: ${JSON.stringify(created.fieldErrors)}`);
    await chooseLeadPeers(created.id, (externalId) => 3 + Math.floor(unit("peers", externalId) * 2), manager.id);
    await openCycle(created.id, actor);
    const submitted = await submitSome(created.id, ({ subject, rater, group }) => {
      if (rater === DEMO_AGENT) return group === "peer" && unit("demo", subject) < 0.5 ? false : group !== "self";
      return unit("open-submit", subject, rater, group) < 0.5;
    });
    await backdate(created.id, new Date("2026-12-01T01:00:00Z"), null);
    lines.push(`360: ${OPEN_CYCLE} open with ${submitted} responses`);
  }
  return lines.join("\n");
}
