/**
 * The honour roll (荣誉榜): winners of published cycles, newest period first, and each winner's printable certificate.
 * Everyone in the organisation may read it; nothing here reads KPI inputs, only names, citations and serials.
 */
import { db, type Prisma } from "~/utils/db.server";

const PUBLIC_STATUSES = ["published", "closed"] as const;

export async function listHonours(
  filter: { programId?: string; periodStart?: string },
  page: number,
  pageSize: number,
) {
  const where: Prisma.AwardCycleWhereInput = {
    status: { in: [...PUBLIC_STATUSES] },
    ...(filter.programId ? { programId: filter.programId } : {}),
    ...(filter.periodStart ? { periodStart: new Date(`${filter.periodStart}T00:00:00Z`) } : {}),
  };
  const [cycles, total] = await Promise.all([
    db.awardCycle.findMany({
      where,
      orderBy: [{ periodStart: "desc" }, { publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        periodKind: true,
        periodStart: true,
        publishedAt: true,
        program: { select: { id: true, name: true, subjectKind: true, description: true } },
        candidates: {
          where: { winner: true },
          orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { id: "asc" }],
          select: {
            id: true,
            subjectKind: true,
            subjectId: true,
            citation: true,
            certificateSerial: true,
            user: { select: { name: true, externalId: true } },
            team: { select: { name: true } },
            story: { select: { title: true, publishedAt: true } },
          },
        },
      },
    }),
    db.awardCycle.count({ where }),
  ]);
  return {
    total,
    cycles: cycles.map((cycle) => ({
      id: cycle.id,
      periodKind: cycle.periodKind,
      periodStart: cycle.periodStart.toISOString().slice(0, 10),
      publishedAt: cycle.publishedAt?.toISOString() ?? null,
      program: cycle.program,
      winners: cycle.candidates.map((winner) => ({
        id: winner.id,
        subjectId: winner.subjectId,
        name: winner.subjectKind === "team" ? (winner.team?.name ?? "—") : (winner.user?.name ?? "—"),
        externalId: winner.user?.externalId ?? null,
        team: winner.subjectKind === "team" ? null : (winner.team?.name ?? null),
        citation: winner.citation,
        certificateSerial: winner.certificateSerial,
        story: winner.story?.publishedAt ? { title: winner.story.title } : null,
      })),
    })),
  };
}

/** Programmes and periods that have something on the honour roll (the filters). */
export async function honourFilters() {
  const cycles = await db.awardCycle.findMany({
    where: { status: { in: [...PUBLIC_STATUSES] } },
    orderBy: [{ periodStart: "desc" }],
    select: { periodKind: true, periodStart: true, program: { select: { id: true, name: true } } },
  });
  const programs = new Map<string, string>();
  const periods = new Map<string, string>();
  for (const cycle of cycles) {
    programs.set(cycle.program.id, cycle.program.name);
    const start = cycle.periodStart.toISOString().slice(0, 10);
    if (!periods.has(start)) periods.set(start, cycle.periodKind);
  }
  return {
    programs: [...programs].map(([id, name]) => ({ id, name })),
    periods: [...periods].map(([start, kind]) => ({ start, kind })),
  };
}

/** A published winner's certificate; null when the candidate did not win or the cycle is not published. */
export async function loadAwardCertificate(candidateId: string) {
  const winner = await db.awardCandidate.findFirst({
    where: { id: candidateId, winner: true, cycle: { status: { in: [...PUBLIC_STATUSES] } } },
    select: {
      id: true,
      subjectKind: true,
      citation: true,
      certificateSerial: true,
      user: { select: { name: true, externalId: true } },
      team: { select: { name: true } },
      cycle: {
        select: { periodKind: true, periodStart: true, publishedAt: true, program: { select: { name: true } } },
      },
    },
  });
  if (!winner || !winner.certificateSerial) return null;
  return {
    id: winner.id,
    serial: winner.certificateSerial,
    name: winner.subjectKind === "team" ? (winner.team?.name ?? "—") : (winner.user?.name ?? "—"),
    externalId: winner.user?.externalId ?? null,
    team: winner.subjectKind === "team" ? null : (winner.team?.name ?? null),
    citation: winner.citation ?? "",
    program: winner.cycle.program.name,
    periodKind: winner.cycle.periodKind,
    periodStart: winner.cycle.periodStart.toISOString().slice(0, 10),
    issuedAt: (winner.cycle.publishedAt ?? new Date()).toISOString(),
  };
}
export type AwardCertificate = NonNullable<Awaited<ReturnType<typeof loadAwardCertificate>>>;
