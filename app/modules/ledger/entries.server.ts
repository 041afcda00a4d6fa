/**
 * Ledger (奖惩台账) entries: proposing, approving or rejecting, correcting, listing with per-person totals.
 * Rules live in ledger-rules.ts; every write is one transaction with its audit row and notification.
 * Nothing here deletes or edits an approved entry: corrections are new entries.
 */
import { data } from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { notify } from "~/modules/notifications/notifications.server";
import { currentMonth } from "~/modules/kpi/periods";
import { db, Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { ProposeInput } from "./ledger-forms";
import {
  correctionError,
  decisionRefusal,
  netOf,
  signedValues,
  toFen,
  type LedgerKind,
  type LedgerStatus,
  type Money,
} from "./ledger-rules";

type Tx = Prisma.TransactionClient;

export type Actor = { id: string; ipAddress?: string | null };

/** Whose entries someone may see or act on: every person (teamIds null) or the people of the teams they lead. */
export type LedgerScope = { teamIds: string[] | null; selfId: string };

export function ledgerScope(
  user: { id: string; permissions: ReadonlySet<Permission>; ledTeamIds: string[] },
  action: "read" | "propose",
): LedgerScope | null {
  const level = accessLevel(user.permissions, action, "ledger");
  if (level === "any") return { teamIds: null, selfId: user.id };
  if (level === "team") return { teamIds: user.ledTeamIds, selfId: user.id };
  return null;
}

export function personInScope(scope: LedgerScope | null, person: { teamId: string | null }): boolean {
  if (!scope) return false;
  if (scope.teamIds === null) return true;
  return person.teamId !== null && scope.teamIds.includes(person.teamId);
}

function peopleWhere(scope: LedgerScope): Prisma.UserWhereInput {
  return scope.teamIds === null ? {} : { teamId: { in: scope.teamIds } };
}

export type LedgerErrorCode =
  | "not-found"
  | "person-out-of-scope"
  | "own-entry"
  | "inactive-person"
  | "not-proposed"
  | "own-proposal"
  | "not-approved"
  | "is-correction"
  | "no-change"
  | "crosses-zero"
  | "not-own-entry"
  | "not-penalty"
  | "window-closed"
  | "appeal-open"
  | "already-appealed"
  | "nothing-left"
  | "not-open"
  | "not-appellant"
  | "amount-too-large"
  | "points-too-large"
  | "nothing-reversed";

/** An expected failure with its HTTP status; routes turn it into a response carrying the code. */
export class LedgerError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: LedgerErrorCode,
  ) {
    super(code);
    this.name = "LedgerError";
  }
}

const STATUS_TEXT = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict" } as const;

/** Runs a ledger action; expected failures become 400/403/404/409 responses whose message is the code. */
export async function orHttpError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LedgerError) {
      throw data({ message: error.code }, { status: error.status, statusText: STATUS_TEXT[error.status] });
    }
    throw error;
  }
}

export type Refused = { ok: false; status: 400 | 409; message: string };

/**
 * Runs a ledger action for a form: 400/409 refusals come back as a catalogue key (ledger:refusals.<code>) to show
 * above the form with that status; 403/404 are thrown as responses.
 */
export async function refusalAsFormError<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | Refused> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof LedgerError && (error.status === 400 || error.status === 409)) {
      return { ok: false, status: error.status, message: `ledger:refusals.${error.code}` };
    }
    if (error instanceof LedgerError) {
      throw data({ message: error.code }, { status: error.status, statusText: STATUS_TEXT[error.status] });
    }
    throw error;
  }
}

export const entryLink = (entryId: string) => `/ledger/${entryId}`;
export const ownEntryLink = (entryId: string) => `/performance/ledger/${entryId}`;

export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00.000Z`);
}
export const monthOf = (date: Date) => date.toISOString().slice(0, 7);

const moneyOf = (row: { amount: Prisma.Decimal | number; points: number }): Money => ({
  amount: toFen(Number(row.amount)),
  points: row.points,
});

async function lockEntry(tx: Tx, entryId: string) {
  await tx.$queryRaw`SELECT "id" FROM "LedgerEntry" WHERE "id" = ${entryId} FOR UPDATE`;
}

// ─── Proposing ───────────────────────────────────────────────────────────────────────────────────────

export async function proposeEntry(scope: LedgerScope, actor: Actor, input: ProposeInput) {
  const person = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, teamId: true, status: true },
  });
  if (!person) throw new LedgerError(404, "not-found");
  if (person.id === actor.id) throw new LedgerError(403, "own-entry");
  if (!personInScope(scope, person)) throw new LedgerError(403, "person-out-of-scope");
  if (person.status !== "active") throw new LedgerError(409, "inactive-person");
  const values = signedValues(input.kind, input);
  const evidenceUrl = input.evidenceUrl?.trim() || null;

  return db.$transaction(async (tx) => {
    const entry = await tx.ledgerEntry.create({
      data: {
        userId: person.id,
        kind: input.kind,
        periodStart: monthStart(input.month),
        amount: values.amount,
        points: values.points,
        reason: input.reason,
        evidenceUrl,
        status: "proposed",
        proposedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "ledger.entry.propose",
        entityType: "LedgerEntry",
        entityId: entry.id,
        ipAddress: actor.ipAddress,
        after: {
          userId: person.id,
          kind: input.kind,
          month: input.month,
          ...values,
          reason: input.reason,
          evidenceUrl,
        },
      },
      tx,
    );
    return { entryId: entry.id };
  });
}

// ─── Deciding ────────────────────────────────────────────────────────────────────────────────────────

export async function decideEntry(entryId: string, actor: Actor, decision: { approve: boolean; note: string | null }) {
  return db.$transaction(async (tx) => {
    await lockEntry(tx, entryId);
    const entry = await tx.ledgerEntry.findUnique({
      where: { id: entryId },
      select: {
        id: true,
        userId: true,
        kind: true,
        status: true,
        proposedById: true,
        amount: true,
        points: true,
        reason: true,
        periodStart: true,
      },
    });
    if (!entry) throw new LedgerError(404, "not-found");
    const refusal = decisionRefusal(entry, actor.id);
    if (refusal) throw new LedgerError(refusal === "own-proposal" ? 403 : 409, refusal);
    const status: LedgerStatus = decision.approve ? "approved" : "rejected";
    const now = new Date();
    await tx.ledgerEntry.update({
      where: { id: entryId },
      data: { status, approvedById: actor.id, decidedAt: now, decisionNote: decision.note || null },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: decision.approve ? "ledger.entry.approve" : "ledger.entry.reject",
        entityType: "LedgerEntry",
        entityId: entryId,
        ipAddress: actor.ipAddress,
        before: { status: entry.status },
        after: { status, note: decision.note || null },
      },
      tx,
    );
    const money = moneyOf(entry);
    if (decision.approve) {
      await notify(
        {
          userId: entry.userId,
          kind: "ledger-entry-approved",
          params: {
            reason: entry.reason,
            amount: money.amount,
            points: money.points,
            month: monthOf(entry.periodStart),
          },
          link: ownEntryLink(entryId),
        },
        tx,
      );
    } else if (entry.proposedById) {
      await notify(
        {
          userId: entry.proposedById,
          kind: "ledger-entry-rejected",
          params: { reason: entry.reason, note: decision.note ?? "" },
          link: entryLink(entryId),
        },
        tx,
      );
    }
    return { status };
  });
}

// ─── Corrections ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes an approved correction of `originalId` inside the caller's transaction (the caller locked the original).
 * Used by manual corrections and by accepted appeals.
 */
export async function writeCorrection(
  tx: Tx,
  input: {
    originalId: string;
    adjustment: Money;
    month: string;
    reason: string;
    actor: Actor;
    via: "manual" | "appeal";
  },
) {
  const original = await tx.ledgerEntry.findUnique({
    where: { id: input.originalId },
    select: {
      id: true,
      userId: true,
      kind: true,
      status: true,
      amount: true,
      points: true,
      corrections: { select: { amount: true, points: true, status: true } },
    },
  });
  if (!original) throw new LedgerError(404, "not-found");
  const net = netOf(
    moneyOf(original),
    original.corrections.map((row) => ({ ...moneyOf(row), status: row.status })),
  );
  const problem = correctionError({ ...original, ...moneyOf(original) }, net, input.adjustment);
  if (problem) throw new LedgerError(problem === "no-change" ? 400 : 409, problem);
  const now = new Date();
  const correction = await tx.ledgerEntry.create({
    data: {
      userId: original.userId,
      kind: "correction",
      periodStart: monthStart(input.month),
      amount: toFen(input.adjustment.amount),
      points: input.adjustment.points,
      reason: input.reason,
      status: "approved",
      proposedById: input.actor.id,
      approvedById: input.actor.id,
      decidedAt: now,
      correctsId: original.id,
    },
    select: { id: true },
  });
  const after = { amount: toFen(net.amount + input.adjustment.amount), points: net.points + input.adjustment.points };
  await recordAudit(
    {
      actorId: input.actor.id,
      action: "ledger.entry.correct",
      entityType: "LedgerEntry",
      entityId: original.id,
      ipAddress: input.actor.ipAddress,
      before: { net },
      after: {
        net: after,
        correctionId: correction.id,
        adjustment: input.adjustment,
        reason: input.reason,
        via: input.via,
      },
    },
    tx,
  );
  await notify(
    {
      userId: original.userId,
      kind: "ledger-entry-corrected",
      params: { amount: toFen(input.adjustment.amount), points: input.adjustment.points, reason: input.reason },
      link: ownEntryLink(original.id),
    },
    tx,
  );
  return { correctionId: correction.id, net: after };
}

export async function correctEntry(
  entryId: string,
  actor: Actor,
  input: { amount: number; points: number; month: string; reason: string },
) {
  return db.$transaction(async (tx) => {
    await lockEntry(tx, entryId);
    return writeCorrection(tx, {
      originalId: entryId,
      adjustment: { amount: input.amount, points: input.points },
      month: input.month,
      reason: input.reason,
      actor,
      via: "manual",
    });
  });
}

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────────────

export type LedgerFilter = {
  month: string | null;
  teamId: string | null;
  kind: LedgerKind | null;
  status: LedgerStatus | null;
  userId: string | null;
  /** A name fragment or a 工号. */
  person: string | null;
};

function personWhere(person: string | null): Prisma.UserWhereInput {
  const term = person?.trim();
  if (!term) return {};
  return { OR: [{ name: { contains: term } }, { externalId: term.toUpperCase() }] };
}

function entryWhere(scope: LedgerScope, filter: LedgerFilter): Prisma.LedgerEntryWhereInput {
  return {
    ...(filter.month ? { periodStart: monthStart(filter.month) } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.userId ? { userId: filter.userId } : {}),
    user: { ...peopleWhere(scope), ...(filter.teamId ? { teamId: filter.teamId } : {}), ...personWhere(filter.person) },
  };
}

/** Approved corrections per original entry, summed in SQL. */
async function correctionSums(entryIds: string[]) {
  if (entryIds.length === 0) return new Map<string, Money>();
  const sums = await db.ledgerEntry.groupBy({
    by: ["correctsId"],
    where: { correctsId: { in: entryIds }, status: "approved" },
    _sum: { amount: true, points: true },
  });
  return new Map(
    sums.map((row) => [
      row.correctsId!,
      { amount: toFen(Number(row._sum.amount ?? 0)), points: row._sum.points ?? 0 } satisfies Money,
    ]),
  );
}

function withNet<T extends { id: string; amount: Prisma.Decimal; points: number; kind: LedgerKind }>(
  rows: T[],
  sums: Map<string, Money>,
) {
  return rows.map((row) => {
    const own = moneyOf(row);
    const corrected = sums.get(row.id);
    return {
      ...row,
      amount: own.amount,
      net:
        row.kind === "correction"
          ? null
          : corrected
            ? { amount: toFen(own.amount + corrected.amount), points: own.points + corrected.points }
            : own,
    };
  });
}

export async function listEntries(scope: LedgerScope, filter: LedgerFilter, page: number, pageSize: number) {
  const where = entryWhere(scope, filter);
  const [rows, total] = await Promise.all([
    db.ledgerEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        periodStart: true,
        amount: true,
        points: true,
        reason: true,
        status: true,
        createdAt: true,
        correctsId: true,
        user: { select: { id: true, name: true, externalId: true, team: { select: { name: true } } } },
        proposedBy: { select: { name: true } },
        approvedBy: { select: { name: true } },
        appeals: { where: { status: "open" }, select: { id: true } },
      },
    }),
    db.ledgerEntry.count({ where }),
  ]);
  const sums = await correctionSums(rows.map((row) => row.id));
  return {
    rows: withNet(rows, sums).map(({ appeals, ...row }) => ({ ...row, openAppeal: appeals.length > 0 })),
    total,
  };
}

export type PersonTotal = {
  userId: string;
  name: string;
  externalId: string;
  team: string | null;
  month: string;
  bonus: number;
  deduction: number;
  amount: number;
  points: number;
  entries: number;
};

/**
 * Approved totals per person and payroll month (corrections count in the month they are booked), aggregated in
 * SQL, for the same filter as the list (status is always "approved" here).
 */
export async function personTotals(scope: LedgerScope, filter: LedgerFilter, page: number, pageSize: number) {
  if (scope.teamIds !== null && scope.teamIds.length === 0) {
    return { rows: [] as PersonTotal[], total: 0, sum: { amount: 0, points: 0 } };
  }
  const conditions: Prisma.Sql[] = [Prisma.sql`e."status" = 'approved'`];
  if (filter.month) conditions.push(Prisma.sql`e."periodStart" = ${monthStart(filter.month)}::date`);
  if (filter.kind) conditions.push(Prisma.sql`e."kind"::text = ${filter.kind}`);
  if (filter.userId) conditions.push(Prisma.sql`e."userId" = ${filter.userId}`);
  if (filter.teamId) conditions.push(Prisma.sql`u."teamId" = ${filter.teamId}`);
  const person = filter.person?.trim();
  if (person) {
    conditions.push(Prisma.sql`(u."name" LIKE ${`%${person}%`} OR u."externalId" = ${person.toUpperCase()})`);
  }
  if (scope.teamIds !== null) conditions.push(Prisma.sql`u."teamId" IN (${Prisma.join(scope.teamIds)})`);
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`FROM "LedgerEntry" e JOIN "User" u ON u."id" = e."userId" LEFT JOIN "Team" t ON t."id" = u."teamId"`;

  const [rows, summary] = await Promise.all([
    db.$queryRaw<
      {
        userId: string;
        name: string;
        externalId: string;
        team: string | null;
        periodStart: Date;
        bonus: Prisma.Decimal | null;
        deduction: Prisma.Decimal | null;
        amount: Prisma.Decimal | null;
        points: bigint | number | null;
        entries: bigint | number;
      }[]
    >`SELECT u."id" AS "userId", u."name", u."externalId", t."name" AS "team", e."periodStart",
        SUM(CASE WHEN e."amount" > 0 THEN e."amount" ELSE 0 END) AS "bonus",
        SUM(CASE WHEN e."amount" < 0 THEN e."amount" ELSE 0 END) AS "deduction",
        SUM(e."amount") AS "amount", SUM(e."points") AS "points", COUNT(*) AS "entries"
      ${from} WHERE ${where}
      GROUP BY u."id", u."name", u."externalId", t."name", e."periodStart"
      ORDER BY e."periodStart" DESC, u."externalId" ASC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ groups: bigint | number; amount: Prisma.Decimal | null; points: bigint | number | null }[]>`
      SELECT COUNT(DISTINCT (e."userId", e."periodStart")) AS "groups", SUM(e."amount") AS "amount",
        SUM(e."points") AS "points"
      ${from} WHERE ${where}`,
  ]);
  const head = summary[0];
  return {
    rows: rows.map((row): PersonTotal => ({
      userId: row.userId,
      name: row.name,
      externalId: row.externalId,
      team: row.team,
      month: monthOf(new Date(row.periodStart)),
      bonus: toFen(Number(row.bonus ?? 0)),
      deduction: toFen(Number(row.deduction ?? 0)),
      amount: toFen(Number(row.amount ?? 0)),
      points: Number(row.points ?? 0),
      entries: Number(row.entries),
    })),
    total: Number(head?.groups ?? 0),
    sum: { amount: toFen(Number(head?.amount ?? 0)), points: Number(head?.points ?? 0) },
  };
}

const entryDetailSelect = {
  id: true,
  kind: true,
  periodStart: true,
  amount: true,
  points: true,
  reason: true,
  evidenceUrl: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  decisionNote: true,
  awardCandidateId: true,
  proposedById: true,
  user: { select: { id: true, name: true, externalId: true, teamId: true, team: { select: { name: true } } } },
  proposedBy: { select: { name: true } },
  approvedBy: { select: { name: true } },
  corrects: { select: { id: true, kind: true, reason: true, amount: true, points: true, periodStart: true } },
  corrections: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      amount: true,
      points: true,
      reason: true,
      status: true,
      periodStart: true,
      createdAt: true,
      proposedBy: { select: { name: true } },
    },
  },
  appeals: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      reason: true,
      response: true,
      createdAt: true,
      decidedAt: true,
      dueAt: true,
      correctionEntryId: true,
      agent: { select: { name: true } },
    },
  },
} satisfies Prisma.LedgerEntrySelect;

/** One entry with its corrections, appeals and net, or null. */
export async function getEntry(entryId: string) {
  const entry = await db.ledgerEntry.findUnique({ where: { id: entryId }, select: entryDetailSelect });
  if (!entry) return null;
  const corrections = entry.corrections.map((row) => ({ ...row, amount: moneyOf(row).amount }));
  return {
    ...entry,
    amount: moneyOf(entry).amount,
    corrects: entry.corrects ? { ...entry.corrects, amount: moneyOf(entry.corrects).amount } : null,
    corrections,
    net: netOf(moneyOf(entry), corrections),
  };
}
export type EntryDetail = NonNullable<Awaited<ReturnType<typeof getEntry>>>;

/** Active people the proposer may act on (never themselves), by name or 工号. */
export async function searchPeople(scope: LedgerScope, query: string, take = 20) {
  const term = query.trim();
  return db.user.findMany({
    where: {
      ...peopleWhere(scope),
      status: "active",
      id: { not: scope.selfId },
      ...(term ? { OR: [{ name: { contains: term } }, { externalId: { startsWith: term.toUpperCase() } }] } : {}),
    },
    orderBy: { externalId: "asc" },
    take,
    select: { id: true, name: true, externalId: true, team: { select: { name: true } } },
  });
}

/** One person the proposer may act on, or null. */
export function findPersonInScope(scope: LedgerScope, userId: string) {
  return db.user.findFirst({
    where: { ...peopleWhere(scope), id: userId, status: "active", NOT: { id: scope.selfId } },
    select: { id: true, name: true, externalId: true, team: { select: { name: true } } },
  });
}

/** Teams for the filter: the lead's own, or all. */
export function scopeTeams(scope: LedgerScope) {
  return db.team.findMany({
    where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

// ─── An agent's own ledger ───────────────────────────────────────────────────────────────────────────

/** Approved totals per payroll month of one person, newest first (proposals and rejections are not theirs yet). */
export async function ownMonthTotals(userId: string, take = 12) {
  const rows = await db.ledgerEntry.groupBy({
    by: ["periodStart"],
    where: { userId, status: "approved" },
    _sum: { amount: true, points: true },
    _count: { _all: true },
    orderBy: { periodStart: "desc" },
    take,
  });
  return rows.map((row) => ({
    month: monthOf(row.periodStart),
    amount: toFen(Number(row._sum.amount ?? 0)),
    points: row._sum.points ?? 0,
    entries: row._count._all,
  }));
}

export async function listOwnEntries(userId: string, month: string | null, page: number, pageSize: number) {
  const where: Prisma.LedgerEntryWhereInput = {
    userId,
    status: "approved",
    ...(month ? { periodStart: monthStart(month) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.ledgerEntry.findMany({
      where,
      orderBy: [{ periodStart: "desc" }, { decidedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        periodStart: true,
        amount: true,
        points: true,
        reason: true,
        status: true,
        decidedAt: true,
        correctsId: true,
        appeals: { select: { status: true } },
      },
    }),
    db.ledgerEntry.count({ where }),
  ]);
  const sums = await correctionSums(rows.map((row) => row.id));
  return { rows: withNet(rows, sums), total };
}

/** The payroll month "now" falls in, in the organisation's time zone ("2026-12"). */
export function currentPayrollMonth(now = new Date()) {
  return currentMonth(now, env().APP_TIME_ZONE).start.slice(0, 7);
}
