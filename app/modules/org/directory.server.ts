import { db, type Prisma } from "~/utils/db.server";

const memberSelect = {
  id: true,
  name: true,
  externalId: true,
  hireDate: true,
  status: true,
  roles: { select: { role: true } },
  team: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

function flattenRoles<T extends { roles: { role: string }[] }>(row: T) {
  return { ...row, roles: row.roles.map((entry) => entry.role) };
}

export async function teamsLedBy(userId: string) {
  return db.team.findMany({
    where: { leadId: userId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      code: true,
      description: true,
      _count: { select: { members: { where: { status: "active" } } } },
    },
  });
}

/** Members of the given teams, newest hires first, with the last time each signed in. */
export async function teamRoster(teamIds: string[], page: number, pageSize: number) {
  const where: Prisma.UserWhereInput = { teamId: { in: teamIds } };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ status: "asc" }, { hireDate: { sort: "desc", nulls: "last" } }, { name: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { ...memberSelect, sessions: { orderBy: { lastSeenAt: "desc" }, take: 1, select: { lastSeenAt: true } } },
    }),
    db.user.count({ where }),
  ]);
  return {
    rows: rows.map(({ sessions, ...row }) => ({ ...flattenRoles(row), lastSeenAt: sessions[0]?.lastSeenAt ?? null })),
    total,
  };
}

/** Active people hired on or after the date (the onboarding cohort), optionally limited to teams. */
export async function recentHires(since: Date, options: { teamIds?: string[]; take?: number } = {}) {
  const rows = await db.user.findMany({
    where: {
      status: "active",
      hireDate: { gte: since },
      ...(options.teamIds ? { teamId: { in: options.teamIds } } : {}),
    },
    orderBy: { hireDate: "desc" },
    take: options.take ?? 10,
    select: memberSelect,
  });
  return rows.map(flattenRoles);
}

export type TeamOverviewRow = {
  id: string;
  name: string;
  code: string;
  leadName: string | null;
  active: number;
  under1y: number;
  from1to3y: number;
  over3y: number;
  hiredLast90d: number;
};

/** Headcount and tenure bands per team, aggregated in SQL. */
export async function teamOverview(asOf: Date): Promise<TeamOverviewRow[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      code: string;
      leadName: string | null;
      active: bigint;
      under1y: bigint;
      from1to3y: bigint;
      over3y: bigint;
      hiredLast90d: bigint;
    }[]
  >`
    SELECT t."id", t."name", t."code", l."name" AS "leadName",
      COUNT(u."id") AS "active",
      COUNT(u."id") FILTER (WHERE u."hireDate" > (${asOf}::date - INTERVAL '1 year')) AS "under1y",
      COUNT(u."id") FILTER (WHERE u."hireDate" <= (${asOf}::date - INTERVAL '1 year') AND u."hireDate" > (${asOf}::date - INTERVAL '3 years')) AS "from1to3y",
      COUNT(u."id") FILTER (WHERE u."hireDate" <= (${asOf}::date - INTERVAL '3 years')) AS "over3y",
      COUNT(u."id") FILTER (WHERE u."hireDate" >= (${asOf}::date - INTERVAL '90 days')) AS "hiredLast90d"
    FROM "Team" t
    LEFT JOIN "User" l ON l."id" = t."leadId"
    LEFT JOIN "User" u ON u."teamId" = t."id" AND u."status" = 'active'
    GROUP BY t."id", t."name", t."code", l."name"
    ORDER BY t."name"`;
  return rows.map((row) => ({
    ...row,
    active: Number(row.active),
    under1y: Number(row.under1y),
    from1to3y: Number(row.from1to3y),
    over3y: Number(row.over3y),
    hiredLast90d: Number(row.hiredLast90d),
  }));
}

/** Directory search for people by name or 工号 (QA matches transcripts to agents by 工号). */
export async function searchPeople(query: string, page: number, pageSize: number, teamIds?: string[]) {
  const q = query.trim();
  const where: Prisma.UserWhereInput = {
    ...(teamIds ? { teamId: { in: teamIds } } : {}),
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { externalId: { contains: q, mode: "insensitive" } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ team: { name: "asc" } }, { externalId: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: memberSelect,
    }),
    db.user.count({ where }),
  ]);
  return { rows: rows.map(flattenRoles), total };
}

export async function colleagues(teamId: string, excludeUserId: string) {
  return db.user.findMany({
    where: { teamId, status: "active", NOT: { id: excludeUserId } },
    orderBy: { name: "asc" },
    take: 50,
    select: { id: true, name: true, externalId: true },
  });
}
