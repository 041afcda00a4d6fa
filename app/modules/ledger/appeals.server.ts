/**
 * Appeals (申诉) of approved penalties, the same pattern as QA disputes: the agent files within the window, a
 * manager accepts (a correction entry reverses the penalty fully or partly) or rejects with a response, the agent
 * may withdraw while it is open. Every step is audited; the agent is notified of the decision.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db, type Prisma } from "~/utils/db.server";
import { LedgerError, monthOf, ownEntryLink, writeCorrection, type Actor } from "./entries.server";
import {
  appealDeadline,
  appealDueAt,
  appealRefusal,
  netOf,
  reversalError,
  reversalOf,
  toFen,
  type AppealStatus,
  type Money,
} from "./ledger-rules";

type Tx = Prisma.TransactionClient;

export const appealLink = (appealId: string) => `/ledger/appeals/${appealId}`;

const APPEAL_REFUSAL_STATUS = {
  "not-own-entry": 404,
  "not-penalty": 409,
  "not-approved": 409,
  "window-closed": 409,
  "appeal-open": 409,
  "already-appealed": 409,
  "nothing-left": 409,
} as const;

async function lockEntry(tx: Tx, entryId: string) {
  await tx.$queryRaw`SELECT "id" FROM "LedgerEntry" WHERE "id" = ${entryId} FOR UPDATE`;
}
async function lockAppeal(tx: Tx, appealId: string) {
  await tx.$queryRaw`SELECT "id" FROM "LedgerAppeal" WHERE "id" = ${appealId} FOR UPDATE`;
}

async function entryFacts(tx: Tx, entryId: string) {
  const entry = await tx.ledgerEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      userId: true,
      kind: true,
      status: true,
      decidedAt: true,
      amount: true,
      points: true,
      reason: true,
      corrections: { select: { amount: true, points: true, status: true } },
      appeals: { select: { status: true } },
      user: { select: { name: true } },
    },
  });
  if (!entry) return null;
  const net = netOf(
    { amount: toFen(Number(entry.amount)), points: entry.points },
    entry.corrections.map((row) => ({ amount: toFen(Number(row.amount)), points: row.points, status: row.status })),
  );
  return { ...entry, net, appealStatuses: entry.appeals.map((appeal) => appeal.status as AppealStatus) };
}

/** Managers who answer appeals. */
async function appealDeciders(tx: Tx) {
  const rows = await tx.user.findMany({
    where: { status: "active", roles: { some: { role: "manager" } } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function openAppeal(entryId: string, actor: Actor, reason: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    await lockEntry(tx, entryId);
    const entry = await entryFacts(tx, entryId);
    // Proposals and rejections are invisible to the agent, so they are "not found" here as well.
    if (!entry || entry.userId !== actor.id || entry.status !== "approved") throw new LedgerError(404, "not-found");
    const refusal = appealRefusal({ entry, net: entry.net, appeals: entry.appealStatuses, agentId: actor.id, now });
    if (refusal) throw new LedgerError(APPEAL_REFUSAL_STATUS[refusal], refusal);
    const dueAt = appealDueAt(now);
    const appeal = await tx.ledgerAppeal.create({
      data: { entryId, agentId: actor.id, reason, status: "open", dueAt, createdAt: now },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "ledger.appeal.create",
        entityType: "LedgerAppeal",
        entityId: appeal.id,
        ipAddress: actor.ipAddress,
        after: { entryId, reason, dueAt: dueAt.toISOString(), net: entry.net },
      },
      tx,
    );
    const deciders = await appealDeciders(tx);
    await notify(
      deciders.map((userId) => ({
        userId,
        kind: "ledger-appeal-opened",
        params: { agent: entry.user.name, reason: entry.reason },
        link: appealLink(appeal.id),
      })),
      tx,
    );
    return { appealId: appeal.id };
  });
}

export async function withdrawAppeal(appealId: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    await lockAppeal(tx, appealId);
    const appeal = await tx.ledgerAppeal.findUnique({
      where: { id: appealId },
      select: { id: true, agentId: true, status: true, entryId: true },
    });
    if (!appeal || appeal.agentId !== actor.id) throw new LedgerError(404, "not-found");
    if (appeal.status !== "open") throw new LedgerError(409, "not-open");
    await tx.ledgerAppeal.update({ where: { id: appealId }, data: { status: "withdrawn", decidedAt: new Date() } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "ledger.appeal.withdraw",
        entityType: "LedgerAppeal",
        entityId: appealId,
        ipAddress: actor.ipAddress,
        before: { status: "open" },
        after: { status: "withdrawn" },
      },
      tx,
    );
    return { entryId: appeal.entryId };
  });
}

export type AppealDecision =
  { accept: true; response: string; amount: number; points: number } | { accept: false; response: string };

/** The current month in the organisation's calendar is where a reversal is paid out. */
export async function decideAppeal(appealId: string, actor: Actor, decision: AppealDecision, payrollMonth: string) {
  return db.$transaction(async (tx) => {
    await lockAppeal(tx, appealId);
    const appeal = await tx.ledgerAppeal.findUnique({
      where: { id: appealId },
      select: { id: true, status: true, entryId: true, agentId: true },
    });
    if (!appeal) throw new LedgerError(404, "not-found");
    if (appeal.status !== "open") throw new LedgerError(409, "not-open");
    if (appeal.agentId === actor.id) throw new LedgerError(403, "not-appellant");
    await lockEntry(tx, appeal.entryId);
    const entry = await entryFacts(tx, appeal.entryId);
    if (!entry) throw new LedgerError(404, "not-found");
    const now = new Date();

    let correctionId: string | null = null;
    let reversal: Money | null = null;
    if (decision.accept) {
      const problem = reversalError(entry.net, decision);
      if (problem) throw new LedgerError(400, problem);
      reversal = reversalOf(entry.net, decision);
      const written = await writeCorrection(tx, {
        originalId: entry.id,
        adjustment: reversal,
        month: payrollMonth,
        reason: decision.response,
        actor,
        via: "appeal",
      });
      correctionId = written.correctionId;
    }
    const status: AppealStatus = decision.accept ? "accepted" : "rejected";
    await tx.ledgerAppeal.update({
      where: { id: appealId },
      data: {
        status,
        response: decision.response,
        decidedById: actor.id,
        handlerId: actor.id,
        decidedAt: now,
        correctionEntryId: correctionId,
      },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: decision.accept ? "ledger.appeal.accept" : "ledger.appeal.reject",
        entityType: "LedgerAppeal",
        entityId: appealId,
        ipAddress: actor.ipAddress,
        before: { status: "open", net: entry.net },
        after: { status, response: decision.response, reversal, correctionId },
      },
      tx,
    );
    await notify(
      {
        userId: appeal.agentId,
        kind: decision.accept ? "ledger-appeal-accepted" : "ledger-appeal-rejected",
        params: { reason: entry.reason, response: decision.response, amount: reversal?.amount ?? 0 },
        link: ownEntryLink(entry.id),
      },
      tx,
    );
    return { status, correctionId };
  });
}

export type AppealFilter = "open" | "decided" | "all";

export async function listAppeals(filter: AppealFilter, page: number, pageSize: number) {
  const where: Prisma.LedgerAppealWhereInput =
    filter === "open" ? { status: "open" } : filter === "decided" ? { status: { not: "open" } } : {};
  const [rows, total, open] = await Promise.all([
    db.ledgerAppeal.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        reason: true,
        createdAt: true,
        dueAt: true,
        decidedAt: true,
        agent: { select: { name: true, externalId: true, team: { select: { name: true } } } },
        entry: { select: { id: true, kind: true, amount: true, points: true, periodStart: true, reason: true } },
      },
    }),
    db.ledgerAppeal.count({ where }),
    db.ledgerAppeal.count({ where: { status: "open" } }),
  ]);
  return {
    rows: rows.map((row) => ({
      ...row,
      entry: { ...row.entry, amount: toFen(Number(row.entry.amount)), month: monthOf(row.entry.periodStart) },
    })),
    total,
    open,
  };
}

export async function getAppeal(appealId: string) {
  const appeal = await db.ledgerAppeal.findUnique({
    where: { id: appealId },
    select: {
      id: true,
      status: true,
      reason: true,
      response: true,
      createdAt: true,
      dueAt: true,
      decidedAt: true,
      decidedById: true,
      correctionEntryId: true,
      agentId: true,
      entryId: true,
      agent: { select: { name: true, externalId: true, team: { select: { name: true } } } },
    },
  });
  if (!appeal) return null;
  const decidedBy = appeal.decidedById
    ? await db.user.findUnique({ where: { id: appeal.decidedById }, select: { name: true } })
    : null;
  return { ...appeal, decidedByName: decidedBy?.name ?? null };
}

/** The appeal facts an agent's entry page needs: can they file, until when. */
export function appealWindow(entry: { decidedAt: Date | null }) {
  return entry.decidedAt ? appealDeadline(entry.decidedAt) : null;
}
