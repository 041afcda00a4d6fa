/**
 * Demo ledger (奖惩台账) for the last two payroll months: bonuses proposed by team leads and approved by the
 * manager, a 通报批评 for a QA-confirmed red-line review (the review is the evidence), 绩效扣减 with a correction,
 * a rejected proposal, a decided appeal, an open appeal by an agent of 售后服务组 and a proposal still waiting.
 * Award bonuses come from published award cycles, not from here. Idempotent: an entry is found again by person,
 * payroll month, kind and reason; appeals and corrections by their entry.
 */
import { currentMonth, shiftPeriod } from "~/modules/kpi/periods";
import { appealDueAt, signedValues, type ProposableKind } from "~/modules/ledger/ledger-rules";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const DAY_MS = 86_400_000;

type SeedEntry = {
  key: string;
  person: string; // 工号
  proposer: string; // 工号
  kind: ProposableKind;
  month: "previous" | "current";
  amount: number;
  points: number;
  reason: string;
  evidence?: string;
  decision: "approved" | "rejected" | "proposed";
  note?: string;
  /** Days after the month began (previous month) or before now (current month). */
  day: number;
};

const ENTRIES: SeedEntry[] = [
  {
    key: "praise",
    person: "A1003",
    proposer: "L101",
    kind: "bonus",
    month: "previous",
    amount: 200,
    points: 2,
    reason: "好评奖励：大促期间收到 12 条客户指名好评，咨询转化率组内第一。",
    decision: "approved",
    day: 24,
  },
  {
    key: "holiday",
    person: "A2005",
    proposer: "L201",
    kind: "bonus",
    month: "previous",
    amount: 300,
    points: 0,
    reason: "节日加班补贴：大促当天自愿加班 4 小时，保障售后咨询不积压。",
    decision: "approved",
    day: 14,
  },
  {
    key: "overdue-callback",
    person: "A3002",
    proposer: "L301",
    kind: "performance_deduction",
    month: "previous",
    amount: 100,
    points: 3,
    reason: "投诉工单超过 48 小时未回访客户，导致平台介入处理。",
    decision: "approved",
    day: 18,
  },
  {
    key: "script",
    person: "A1007",
    proposer: "L101",
    kind: "bonus",
    month: "previous",
    amount: 150,
    points: 1,
    reason: "主动整理年货节活动话术并分享给全组。",
    decision: "rejected",
    note: "话术整理属于岗位职责，可在月度评优“团队协作”中体现，本次不单独奖励。",
    day: 20,
  },
  {
    key: "callback-records",
    person: "A4003",
    proposer: "L401",
    kind: "performance_deduction",
    month: "previous",
    amount: 80,
    points: 2,
    reason: "回访记录未按规范填写，连续 3 次缺少满意度字段。",
    decision: "approved",
    day: 21,
  },
  {
    key: "address-change",
    person: "A2003",
    proposer: "L201",
    kind: "performance_deduction",
    month: "current",
    amount: 150,
    points: 3,
    reason: "未核实身份即按聊天要求修改收货地址，造成一单错发（损失 268 元）。",
    evidence: "https://kf.youpin.example/tickets/AFT-20261202-0417",
    decision: "approved",
    day: 4,
  },
  {
    key: "thanks-letter",
    person: "A2001",
    proposer: "L201",
    kind: "bonus",
    month: "current",
    amount: 100,
    points: 1,
    reason: "好评奖励：客户来信感谢耐心处理破损换货，并追加好评。",
    decision: "proposed",
    day: 1,
  },
];

const MANAGER = "M001";

export async function seedLedger(now = new Date()): Promise<string> {
  const thisMonth = currentMonth(now, env().APP_TIME_ZONE);
  const months = { current: thisMonth.start, previous: shiftPeriod(thisMonth, -1).start };
  const codes = [...new Set([...ENTRIES.flatMap((entry) => [entry.person, entry.proposer]), MANAGER])];
  const people = await db.user.findMany({
    where: { externalId: { in: codes } },
    select: { id: true, externalId: true, teamId: true },
  });
  const byCode = new Map(people.map((person) => [person.externalId, person]));
  const manager = byCode.get(MANAGER);
  if (!manager) return "Ledger: skipped (no manager M001)";

  let created = 0;
  const ids = new Map<string, string>();
  const when = (entry: { month: "previous" | "current"; day: number }) =>
    entry.month === "previous"
      ? new Date(new Date(`${months.previous}T02:00:00.000Z`).getTime() + entry.day * DAY_MS)
      : new Date(Math.max(now.getTime() - entry.day * DAY_MS, new Date(`${months.current}T01:00:00.000Z`).getTime()));

  async function ensureEntry(entry: SeedEntry) {
    const person = byCode.get(entry.person);
    const proposer = byCode.get(entry.proposer);
    if (!person || !proposer) return;
    const periodStart = new Date(`${months[entry.month]}T00:00:00.000Z`);
    const existing = await db.ledgerEntry.findFirst({
      where: { userId: person.id, periodStart, kind: entry.kind, reason: entry.reason },
      select: { id: true },
    });
    if (existing) {
      ids.set(entry.key, existing.id);
      return;
    }
    const proposedAt = when(entry);
    const values = signedValues(entry.kind, entry);
    const decided = entry.decision !== "proposed";
    const row = await db.ledgerEntry.create({
      data: {
        userId: person.id,
        kind: entry.kind,
        periodStart,
        amount: values.amount,
        points: values.points,
        reason: entry.reason,
        evidenceUrl: entry.evidence ?? null,
        status: entry.decision,
        proposedById: proposer.id,
        approvedById: decided ? manager!.id : null,
        decidedAt: decided ? new Date(proposedAt.getTime() + DAY_MS / 4) : null,
        decisionNote: entry.note ?? null,
        createdAt: proposedAt,
      },
      select: { id: true },
    });
    ids.set(entry.key, row.id);
    created += 1;
  }

  for (const entry of ENTRIES) await ensureEntry(entry);
  await ensureRedLineCriticism();

  // A correction: half of the callback deduction was the dispatch system's delay.
  const overdue = ids.get("overdue-callback");
  if (overdue && (await db.ledgerEntry.count({ where: { correctsId: overdue } })) === 0) {
    const original = await db.ledgerEntry.findUniqueOrThrow({
      where: { id: overdue },
      select: { userId: true, decidedAt: true },
    });
    await db.ledgerEntry.create({
      data: {
        userId: original.userId,
        kind: "correction",
        periodStart: new Date(`${months.previous}T00:00:00.000Z`),
        amount: 50,
        points: 1,
        reason: "经核实其中 24 小时为系统派单延迟，扣减减半。",
        status: "approved",
        proposedById: manager.id,
        approvedById: manager.id,
        decidedAt: new Date(original.decidedAt!.getTime() + 3 * DAY_MS),
        createdAt: new Date(original.decidedAt!.getTime() + 3 * DAY_MS),
        correctsId: overdue,
      },
    });
    created += 1;
  }

  // A decided appeal (rejected with a response) and an open one waiting for the manager.
  let appeals = 0;
  const decided = ids.get("callback-records");
  if (decided && (await db.ledgerAppeal.count({ where: { entryId: decided } })) === 0) {
    const entry = await db.ledgerEntry.findUniqueOrThrow({
      where: { id: decided },
      select: { userId: true, decidedAt: true },
    });
    const filedAt = new Date(entry.decidedAt!.getTime() + 2 * DAY_MS);
    await db.ledgerAppeal.create({
      data: {
        entryId: decided,
        agentId: entry.userId,
        reason: "那几天回访系统的满意度字段无法保存，我有截图。",
        status: "rejected",
        dueAt: appealDueAt(filedAt),
        handlerId: manager.id,
        decidedById: manager.id,
        decidedAt: new Date(filedAt.getTime() + 2 * DAY_MS),
        response: "已向 IT 核实，该时段字段保存正常；抽查的三条记录确实缺少满意度。维持扣减。",
        createdAt: filedAt,
      },
    });
    appeals += 1;
  }
  const open = ids.get("address-change");
  if (open && (await db.ledgerAppeal.count({ where: { entryId: open } })) === 0) {
    const entry = await db.ledgerEntry.findUniqueOrThrow({
      where: { id: open },
      select: { userId: true, decidedAt: true },
    });
    const filedAt = new Date(Math.min(entry.decidedAt!.getTime() + DAY_MS, now.getTime()));
    await db.ledgerAppeal.create({
      data: {
        entryId: open,
        agentId: entry.userId,
        reason: "客户在平台聊天中提供了订单号和手机号后四位，我按流程核对过；错发是仓库按旧地址发货，附聊天记录。",
        status: "open",
        dueAt: appealDueAt(filedAt),
        createdAt: filedAt,
      },
    });
    appeals += 1;
  }
  return `Ledger: ${created} entries and ${appeals} appeals created`;

  /** 通报批评 for the most recent confirmed red-line (critical) review of the previous month, with it as evidence. */
  async function ensureRedLineCriticism() {
    const from = new Date(`${months.previous}T00:00:00.000Z`);
    const review = await db.review.findFirst({
      where: {
        kind: "regular",
        status: "submitted",
        criticalFailed: true,
        agentId: { not: null },
        submittedAt: { lt: now },
        disputes: { none: { status: { in: ["open", "escalated", "accepted"] } } },
      },
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        agentId: true,
        agent: { select: { externalId: true, team: { select: { lead: { select: { id: true } } } } } },
      },
    });
    if (!review?.agentId) return;
    const proposerId = review.agent?.team?.lead?.id ?? manager!.id;
    const evidenceUrl = `/qa/reviews/${review.id}`;
    const existing = await db.ledgerEntry.findFirst({
      where: { kind: "public_criticism", evidenceUrl },
      select: { id: true },
    });
    if (existing) return;
    const proposedAt = new Date(`${months.previous}T02:00:00.000Z`);
    const values = signedValues("public_criticism", { amount: 0, points: 5 });
    await db.ledgerEntry.create({
      data: {
        userId: review.agentId,
        kind: "public_criticism",
        periodStart: from,
        amount: values.amount,
        points: values.points,
        reason: "通报批评：质检确认触碰服务红线（致命项不合格），全组复盘红线话术。",
        evidenceUrl,
        status: "approved",
        proposedById: proposerId === manager!.id ? null : proposerId,
        approvedById: manager!.id,
        decidedAt: new Date(proposedAt.getTime() + 12 * DAY_MS),
        createdAt: new Date(proposedAt.getTime() + 11 * DAY_MS),
      },
    });
    created += 1;
  }
}
