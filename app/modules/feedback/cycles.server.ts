/**
 * Cycles: creation (subjects fixed at creation), opening (competencies copied, requests generated
 * idempotently), progress (counts only) and closing (overall scores written in one transaction).
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { notify, type NewNotification } from "~/modules/notifications/notifications.server";
import { startOfDayIn } from "~/utils/calendar";
import { db, Prisma } from "~/utils/db.server";
import { dayIn } from "~/utils/calendar";
import { env } from "~/utils/env.server";
import { conflict, notFound } from "~/utils/http.server";
import type { CycleForm } from "./cycles";
import { loadSubjectAggregates } from "./aggregates.server";
import { readGroupWeights, scoreSubject, round, type RaterGroup } from "./scoring";
import type { Actor } from "./templates.server";

type Tx = Prisma.TransactionClient;
const DAY_MS = 86_400_000;

function dateOnly(value: string) {
  return new Date(`${value}T00:00:00.000Z`);
}

/** End of the due day in the organisation's time zone. */
function endOfDay(value: string) {
  return new Date(startOfDayIn(value, env().APP_TIME_ZONE).getTime() + DAY_MS - 1000);
}

/** Active people with the agent role in the chosen teams (or every team), plus those teams' leads if asked. */
async function subjectUserIds(tx: Tx, form: CycleForm) {
  const teamFilter = form.subjects === "teams" ? { teamId: { in: form.teamIds } } : { teamId: { not: null } };
  const agents = await tx.user.findMany({
    where: { status: "active", roles: { some: { role: "agent" } }, ...teamFilter },
    select: { id: true },
  });
  const ids = new Set(agents.map((agent) => agent.id));
  if (form.includeLeads) {
    const teams = await tx.team.findMany({
      where: form.subjects === "teams" ? { id: { in: form.teamIds } } : {},
      select: { lead: { select: { id: true, status: true } } },
    });
    for (const team of teams) if (team.lead?.status === "active") ids.add(team.lead.id);
  }
  return [...ids];
}

type CreateResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> };

export async function createCycle(form: CycleForm, actor: Actor): Promise<CreateResult> {
  return db.$transaction(async (tx): Promise<CreateResult> => {
    const template = await tx.feedbackTemplate.findFirst({
      where: { id: form.templateId, archived: false, competencies: { some: {} } },
      select: { id: true },
    });
    if (!template) return { ok: false as const, fieldErrors: { templateId: ["feedback:errors.chooseTemplate"] } };
    const userIds = await subjectUserIds(tx, form);
    if (userIds.length === 0) return { ok: false as const, fieldErrors: { teamIds: ["feedback:errors.noSubjects"] } };
    const cycle = await tx.feedbackCycle.create({
      data: {
        name: form.name,
        templateId: form.templateId,
        periodStart: dateOnly(form.periodStart),
        periodEnd: dateOnly(form.periodEnd),
        dueAt: endOfDay(form.dueDate),
        minGroupResponses: form.minGroupResponses,
        groupWeights: form.weights,
        peerSelection: form.peerSelection,
        minPeers: form.minPeers,
        maxPeers: form.maxPeers,
        allowComments: form.allowComments,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await tx.feedbackSubject.createMany({ data: userIds.map((userId) => ({ cycleId: cycle.id, userId })) });
    await recordAudit(
      {
        actorId: actor.id,
        action: "feedback.cycle.create",
        entityType: "feedback-cycle",
        entityId: cycle.id,
        after: { ...form, subjects: userIds.length },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const, id: cycle.id };
  });
}

type CycleCounts = { cycleId: string; subjects: bigint; requests: bigint; submitted: bigint };

export async function listCycles(page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db.feedbackCycle.findMany({
      orderBy: [{ periodEnd: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        status: true,
        periodStart: true,
        periodEnd: true,
        dueAt: true,
        template: { select: { name: true } },
      },
    }),
    db.feedbackCycle.count(),
  ]);
  const ids = rows.map((row) => row.id);
  const counts = ids.length
    ? await db.$queryRaw<CycleCounts[]>`
        SELECT s."cycleId" AS "cycleId", COUNT(DISTINCT s."id") AS "subjects", COUNT(r."id") AS "requests",
          COUNT(r."id") FILTER (WHERE r."status" = 'submitted') AS "submitted"
        FROM "FeedbackSubject" s LEFT JOIN "FeedbackRequest" r ON r."subjectId" = s."id"
        WHERE s."cycleId" IN (${Prisma.join(ids)})
        GROUP BY s."cycleId"`
    : [];
  const byCycle = new Map(counts.map((row) => [row.cycleId, row]));
  return {
    total,
    rows: rows.map((row) => {
      const count = byCycle.get(row.id);
      return {
        ...row,
        template: row.template.name,
        subjects: Number(count?.subjects ?? 0),
        requests: Number(count?.requests ?? 0),
        submitted: Number(count?.submitted ?? 0),
      };
    }),
  };
}

export async function loadCycle(id: string) {
  const cycle = await db.feedbackCycle.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      status: true,
      periodStart: true,
      periodEnd: true,
      dueAt: true,
      minGroupResponses: true,
      groupWeights: true,
      peerSelection: true,
      minPeers: true,
      maxPeers: true,
      allowComments: true,
      openedAt: true,
      closedAt: true,
      template: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!cycle) notFound("cycle not found");
  return { ...cycle, groupWeights: readGroupWeights(cycle.groupWeights) };
}

type ProgressRow = { subjectId: string; group: RaterGroup; total: bigint; submitted: bigint };

/**
 * Progress as counts per subject and group. It never says which rater submitted for which subject: for
 * chasing, the page lists people with pending requests and how many, unlinked from subjects.
 */
export async function cycleProgress(cycleId: string, page: number, pageSize: number) {
  const [subjects, total, groupTotals, pendingRaters, pendingTotal] = await Promise.all([
    db.feedbackSubject.findMany({
      where: { cycleId },
      orderBy: [{ user: { team: { name: "asc" } } }, { user: { externalId: "asc" } }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        overallScore: true,
        acknowledgedAt: true,
        user: { select: { name: true, externalId: true, team: { select: { name: true } } } },
      },
    }),
    db.feedbackSubject.count({ where: { cycleId } }),
    db.$queryRaw<{ group: RaterGroup; total: bigint; submitted: bigint }[]>`
      SELECT r."group" AS "group", COUNT(*) AS "total", COUNT(*) FILTER (WHERE r."status" = 'submitted') AS "submitted"
      FROM "FeedbackRequest" r JOIN "FeedbackSubject" s ON s."id" = r."subjectId"
      WHERE s."cycleId" = ${cycleId}
      GROUP BY r."group"`,
    db.$queryRaw<{ name: string; externalId: string; pending: bigint }[]>`
      SELECT u."name" AS "name", u."externalId" AS "externalId", COUNT(*) AS "pending"
      FROM "FeedbackRequest" r JOIN "FeedbackSubject" s ON s."id" = r."subjectId" JOIN "User" u ON u."id" = r."raterId"
      WHERE s."cycleId" = ${cycleId} AND r."status" = 'pending'
      GROUP BY u."id", u."name", u."externalId"
      ORDER BY COUNT(*) DESC, u."externalId" ASC
      LIMIT 50`,
    db.$queryRaw<{ people: bigint }[]>`
      SELECT COUNT(DISTINCT r."raterId") AS "people"
      FROM "FeedbackRequest" r JOIN "FeedbackSubject" s ON s."id" = r."subjectId"
      WHERE s."cycleId" = ${cycleId} AND r."status" = 'pending'`,
  ]);
  const ids = subjects.map((subject) => subject.id);
  const perSubject = ids.length
    ? await db.$queryRaw<ProgressRow[]>`
        SELECT r."subjectId" AS "subjectId", r."group" AS "group", COUNT(*) AS "total",
          COUNT(*) FILTER (WHERE r."status" = 'submitted') AS "submitted"
        FROM "FeedbackRequest" r
        WHERE r."subjectId" IN (${Prisma.join(ids)})
        GROUP BY r."subjectId", r."group"`
    : [];
  const counts = new Map<string, Partial<Record<RaterGroup, { total: number; submitted: number }>>>();
  for (const row of perSubject) {
    const entry = counts.get(row.subjectId) ?? {};
    entry[row.group] = { total: Number(row.total), submitted: Number(row.submitted) };
    counts.set(row.subjectId, entry);
  }
  const groups = Object.fromEntries(
    groupTotals.map((row) => [row.group, { total: Number(row.total), submitted: Number(row.submitted) }]),
  ) as Partial<Record<RaterGroup, { total: number; submitted: number }>>;
  return {
    total,
    groups,
    subjects: subjects.map((subject) => ({
      id: subject.id,
      name: subject.user.name,
      externalId: subject.user.externalId,
      team: subject.user.team?.name ?? null,
      overallScore: subject.overallScore,
      acknowledged: subject.acknowledgedAt !== null,
      groups: counts.get(subject.id) ?? {},
    })),
    pendingRaters: pendingRaters.map((row) => ({
      name: row.name,
      externalId: row.externalId,
      pending: Number(row.pending),
    })),
    pendingPeople: Number(pendingTotal[0]?.people ?? 0),
  };
}

type Subject = { id: string; userId: string; teamId: string | null; teamLeadId: string | null };

async function managerFallback(tx: Tx, createdById: string | null) {
  const managers = await tx.user.findMany({
    where: { status: "active", roles: { some: { role: "manager" } } },
    orderBy: { externalId: "asc" },
    select: { id: true },
  });
  const creator = managers.find((manager) => manager.id === createdById);
  return (creator ?? managers[0])?.id ?? null;
}

/** The inspector who reviewed the subject most in the period, else the least-loaded active inspector. */
async function qaRater(tx: Tx, userId: string, periodStart: Date, periodEnd: Date, load: Map<string, number>) {
  const end = new Date(periodEnd.getTime() + DAY_MS);
  const [top] = await tx.$queryRaw<{ inspectorId: string }[]>`
    SELECT r."inspectorId" AS "inspectorId"
    FROM "Review" r JOIN "User" u ON u."id" = r."inspectorId"
    WHERE r."agentId" = ${userId} AND r."kind" = 'regular' AND r."status" = 'submitted'
      AND r."submittedAt" >= ${periodStart} AND r."submittedAt" < ${end} AND u."status" = 'active'
      AND EXISTS (SELECT 1 FROM "UserRole" ur WHERE ur."userId" = u."id" AND ur."role" = 'qa_inspector')
    GROUP BY r."inspectorId"
    ORDER BY COUNT(*) DESC, r."inspectorId" ASC
    LIMIT 1`;
  if (top) return top.inspectorId;
  let best: string | null = null;
  for (const [id, count] of load) if (best === null || count < load.get(best)!) best = id;
  return best;
}

/** Requests for self, manager, direct reports and QA (peers are chosen separately). Safe to run twice. */
async function generateRequests(
  tx: Tx,
  cycle: { id: string; periodStart: Date; periodEnd: Date; createdById: string | null },
) {
  const rows = await tx.feedbackSubject.findMany({
    where: { cycleId: cycle.id },
    select: {
      id: true,
      userId: true,
      user: { select: { teamId: true, team: { select: { leadId: true } }, ledTeams: { select: { id: true } } } },
    },
  });
  const subjects: Subject[] = rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    teamId: row.user.teamId,
    teamLeadId: row.user.team?.leadId ?? null,
  }));
  const fallbackManager = await managerFallback(tx, cycle.createdById);
  const inspectors = await tx.user.findMany({
    where: { status: "active", roles: { some: { role: "qa_inspector" } } },
    orderBy: { externalId: "asc" },
    select: { id: true },
  });
  const load = new Map(inspectors.map((inspector) => [inspector.id, 0]));
  const activeLeads = new Set(
    (
      await tx.user.findMany({
        where: { id: { in: subjects.flatMap((s) => (s.teamLeadId ? [s.teamLeadId] : [])) }, status: "active" },
        select: { id: true },
      })
    ).map((user) => user.id),
  );
  const data: { subjectId: string; raterId: string; group: RaterGroup }[] = [];
  for (const [index, subject] of subjects.entries()) {
    data.push({ subjectId: subject.id, raterId: subject.userId, group: "self" });
    const lead = subject.teamLeadId && subject.teamLeadId !== subject.userId && activeLeads.has(subject.teamLeadId);
    const manager = lead ? subject.teamLeadId : fallbackManager;
    if (manager && manager !== subject.userId) data.push({ subjectId: subject.id, raterId: manager, group: "manager" });
    const ledTeamIds = rows[index]!.user.ledTeams.map((team) => team.id);
    if (ledTeamIds.length > 0) {
      const reports = await tx.user.findMany({
        where: { teamId: { in: ledTeamIds }, status: "active", id: { not: subject.userId } },
        select: { id: true },
      });
      for (const report of reports) data.push({ subjectId: subject.id, raterId: report.id, group: "report" });
    }
    const qa = await qaRater(tx, subject.userId, cycle.periodStart, cycle.periodEnd, load);
    if (qa && qa !== subject.userId) {
      data.push({ subjectId: subject.id, raterId: qa, group: "qa" });
      load.set(qa, (load.get(qa) ?? 0) + 1);
    }
  }
  const created = await tx.feedbackRequest.createMany({ data, skipDuplicates: true });
  return created.count;
}

/** `notifyRaters: false` is for loading history (the seed's past cycles), where "please rate" would be noise. */
export async function openCycle(id: string, actor: Actor, options: { notifyRaters?: boolean } = {}) {
  return db.$transaction(
    async (tx) => {
      const cycle = await tx.feedbackCycle.findUnique({
        where: { id },
        select: {
          id: true,
          name: true,
          status: true,
          templateId: true,
          periodStart: true,
          periodEnd: true,
          dueAt: true,
          createdById: true,
        },
      });
      if (!cycle) notFound("cycle not found");
      const claimed = await tx.feedbackCycle.updateMany({
        where: { id, status: "draft" },
        data: { status: "open", openedAt: new Date() },
      });
      if (claimed.count === 0) conflict("the cycle is not a draft");
      const competencies = await tx.feedbackCompetency.findMany({
        where: { templateId: cycle.templateId },
        orderBy: { position: "asc" },
        select: { position: true, name: true, description: true, weight: true, scaleLabels: true },
      });
      if (competencies.length === 0) conflict("the template has no competencies");
      await tx.feedbackCycleCompetency.createMany({
        data: competencies.map((competency) => ({
          cycleId: id,
          position: competency.position,
          name: competency.name,
          description: competency.description,
          weight: competency.weight,
          scaleLabels: competency.scaleLabels as Prisma.InputJsonValue,
        })),
        skipDuplicates: true,
      });
      const created = await generateRequests(tx, cycle);
      const raters = await tx.$queryRaw<{ raterId: string; count: bigint }[]>`
        SELECT r."raterId" AS "raterId", COUNT(*) AS "count"
        FROM "FeedbackRequest" r JOIN "FeedbackSubject" s ON s."id" = r."subjectId"
        WHERE s."cycleId" = ${id} AND r."status" = 'pending'
        GROUP BY r."raterId"`;
      const due = dayIn(cycle.dueAt, env().APP_TIME_ZONE);
      if (options.notifyRaters !== false)
        await notify(
          raters.map((row): NewNotification => ({
            userId: row.raterId,
            kind: "feedback-requests-opened",
            params: { cycle: cycle.name, count: Number(row.count), due },
            link: "/performance/feedback",
          })),
          tx,
        );
      await recordAudit(
        {
          actorId: actor.id,
          action: "feedback.cycle.open",
          entityType: "feedback-cycle",
          entityId: id,
          before: { status: "draft" },
          after: { status: "open", competencies: competencies.length, requests: created },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
      return { requests: created };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Overall scores of every subject of the cycle, from SQL aggregates (used by close and by the seed). */
export async function computeOverallScores(tx: Tx, cycleId: string) {
  const cycle = await tx.feedbackCycle.findUniqueOrThrow({
    where: { id: cycleId },
    select: { groupWeights: true, minGroupResponses: true },
  });
  const competencies = (
    await tx.feedbackCycleCompetency.findMany({ where: { cycleId }, select: { id: true, weight: true } })
  ).map((competency) => ({ id: competency.id, weight: Number(competency.weight) }));
  const aggregates = await loadSubjectAggregates(tx, { cycleId });
  const subjects = await tx.feedbackSubject.findMany({ where: { cycleId }, select: { id: true } });
  return subjects.map((subject) => {
    const report = scoreSubject({
      competencies,
      groups: aggregates.get(subject.id) ?? [],
      weights: readGroupWeights(cycle.groupWeights),
      minResponses: cycle.minGroupResponses,
    });
    return { subjectId: subject.id, overall: round(report.overall, 4) };
  });
}

export async function closeCycle(id: string, actor: Actor) {
  return db.$transaction(
    async (tx) => {
      const cycle = await tx.feedbackCycle.findUnique({ where: { id }, select: { id: true, name: true } });
      if (!cycle) notFound("cycle not found");
      const claimed = await tx.feedbackCycle.updateMany({
        where: { id, status: "open" },
        data: { status: "closed", closedAt: new Date() },
      });
      if (claimed.count === 0) conflict("the cycle is not open");
      const scores = await computeOverallScores(tx, id);
      for (const score of scores)
        await tx.feedbackSubject.update({ where: { id: score.subjectId }, data: { overallScore: score.overall } });
      const subjects = await tx.feedbackSubject.findMany({
        where: { cycleId: id },
        select: { id: true, userId: true },
      });
      await notify(
        subjects.map((subject) => ({
          userId: subject.userId,
          kind: "feedback-report-ready",
          params: { cycle: cycle.name },
          link: `/performance/feedback/reports/${subject.id}`,
        })),
        tx,
      );
      await recordAudit(
        {
          actorId: actor.id,
          action: "feedback.cycle.close",
          entityType: "feedback-cycle",
          entityId: id,
          before: { status: "open" },
          after: { status: "closed", scored: scores.filter((score) => score.overall !== null).length },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
      return { subjects: scores.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

export async function cycleFormOptions() {
  const [templates, teams] = await Promise.all([
    db.feedbackTemplate.findMany({
      where: { archived: false, competencies: { some: {} } },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
    }),
    db.team.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { members: { where: { status: "active" } } } } },
    }),
  ]);
  return {
    templates,
    teams: teams.map((team) => ({ id: team.id, name: team.name, members: team._count.members })),
  };
}
