/**
 * Certificates: issued when a final attempt of a certification exam passes, renewed by a later pass (a new
 * certificate; the older one stays in history), reminded and re-assigned before they expire, printed by the
 * holder or staff who may read them.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { notify } from "~/modules/notifications/notifications.server";
import { addRecipients, loadPublishedItem, type Tx } from "~/modules/training/assignments/assign.server";
import { dayIn } from "~/utils/calendar";
import { db, Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { z } from "zod";
import {
  certificateExpiry,
  certificateState,
  formatSerial,
  serialSequence,
  EXPIRING_WINDOW_DAYS,
  SERIAL_PREFIX,
} from "./rules";

const DAY_MS = 86_400_000;
const SERIAL_ATTEMPTS = 5;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The next serial of the year: the highest sequence used that year + 1. */
async function nextSerial(tx: Tx, year: number, offset: number) {
  const rows = await tx.$queryRaw<{ serial: string }[]>`
    SELECT "serial" FROM "Certificate" WHERE "serial" LIKE ${`${SERIAL_PREFIX}-${year}-%`}
    ORDER BY length("serial") DESC, "serial" DESC LIMIT 1`;
  const last = rows[0] ? (serialSequence(rows[0].serial, year) ?? 0) : 0;
  return formatSerial(year, last + 1 + offset);
}

/**
 * Issues the certificate of a passed final attempt of a certification exam (once per attempt). A unique conflict on
 * the serial (two issues at once) rolls back to a savepoint and takes the next number.
 */
export async function issueCertificate(tx: Tx, attemptId: string) {
  const attempt = await tx.examAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: {
      id: true,
      userId: true,
      examId: true,
      passed: true,
      status: true,
      gradedAt: true,
      certificate: { select: { id: true } },
      exam: { select: { title: true, isCertification: true, certificateTitle: true, certificateValidityMonths: true } },
    },
  });
  if (!attempt.exam.isCertification || !attempt.passed || attempt.status !== "graded") return null;
  if (attempt.certificate) return attempt.certificate.id;
  const issuedAt = attempt.gradedAt ?? new Date();
  const expiresAt = certificateExpiry(issuedAt, attempt.exam.certificateValidityMonths);
  const title = attempt.exam.certificateTitle?.trim() || attempt.exam.title;
  const year = Number(dayIn(issuedAt, env().APP_TIME_ZONE).slice(0, 4));
  let certificate: { id: string; serial: string } | null = null;
  for (let offset = 0; offset < SERIAL_ATTEMPTS && !certificate; offset++) {
    const serial = await nextSerial(tx, year, offset);
    await tx.$executeRaw`SAVEPOINT certificate_serial`;
    try {
      certificate = await tx.certificate.create({
        data: { serial, userId: attempt.userId, examId: attempt.examId, attemptId, title, issuedAt, expiresAt },
        select: { id: true, serial: true },
      });
      await tx.$executeRaw`RELEASE SAVEPOINT certificate_serial`;
    } catch (error) {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT certificate_serial`;
      if (!isUniqueViolation(error)) throw error;
    }
  }
  if (!certificate) throw new Error("could not allocate a certificate serial");
  await recordAudit(
    {
      actorId: null,
      action: "certificate.issue",
      entityType: "certificate",
      entityId: certificate.id,
      after: {
        serial: certificate.serial,
        userId: attempt.userId,
        examId: attempt.examId,
        attemptId,
        title,
        issuedAt: issuedAt.toISOString(),
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    },
    tx,
  );
  const timeZone = env().APP_TIME_ZONE;
  await notify(
    {
      userId: attempt.userId,
      kind: "training-certificate-issued",
      params: { title, serial: certificate.serial, expires: expiresAt ? dayIn(expiresAt, timeZone) : "—" },
      link: `/certificates/${certificate.id}`,
    },
    tx,
  );
  return certificate.id;
}

/**
 * Job `training.certificate-renewals` (daily 08:30): certificates expiring within the window, not yet reminded,
 * whose holder has no newer certificate for the exam → notify the holder and assign the exam again (reason
 * renewal, due on the expiry date). Claimed with UPDATE … RETURNING: idempotent.
 */
export async function sendCertificateRenewals(now = new Date()) {
  const horizon = new Date(now.getTime() + EXPIRING_WINDOW_DAYS * DAY_MS);
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<
        { id: string; userId: string; examId: string; title: string; serial: string; expiresAt: Date }[]
      >`
        UPDATE "Certificate" c SET "renewalRemindedAt" = ${now}
        FROM "User" u
        WHERE u."id" = c."userId" AND u."status" = 'active'
          AND c."revokedAt" IS NULL AND c."renewalRemindedAt" IS NULL
          AND c."expiresAt" > ${now} AND c."expiresAt" <= ${horizon}
          AND NOT EXISTS (
            SELECT 1 FROM "Certificate" n
            WHERE n."userId" = c."userId" AND n."examId" = c."examId" AND n."issuedAt" > c."issuedAt" AND n."revokedAt" IS NULL)
        RETURNING c."id" AS "id", c."userId" AS "userId", c."examId" AS "examId", c."title" AS "title",
          c."serial" AS "serial", c."expiresAt" AS "expiresAt"`;
      const timeZone = env().APP_TIME_ZONE;
      let assigned = 0;
      for (const certificate of claimed) {
        const expires = dayIn(certificate.expiresAt, timeZone);
        await notify(
          {
            userId: certificate.userId,
            kind: "training-certificate-expiring",
            params: { title: certificate.title, serial: certificate.serial, expires },
            link: `/learn/exams/${certificate.examId}`,
          },
          tx,
        );
        const exam = await loadPublishedItem(tx, "exam", certificate.examId);
        if (!exam) continue;
        const assignment = await tx.learningAssignment.create({
          data: {
            kind: "exam",
            examId: exam.id,
            target: "users",
            reason: "renewal",
            note: `证书 ${certificate.serial}「${certificate.title}」将于 ${expires} 到期，请在到期前重新参加考试完成续证。`,
            dueAt: certificate.expiresAt,
          },
          select: { id: true, dueAt: true },
        });
        const counts = await addRecipients(tx, assignment, exam, [certificate.userId], {
          retrain: true,
          notifyKind: null,
        });
        if (counts.added === 0) await tx.learningAssignment.delete({ where: { id: assignment.id } });
        else assigned += 1;
      }
      return { reminded: claimed.length, assigned };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

type ReaderScope = { teamIds: string[] | null };

/** Staff scope for reading certificates: any, the teams one leads, or none. */
export function certificateScope(user: {
  permissions: ReadonlySet<Permission>;
  ledTeamIds: string[];
}): ReaderScope | null {
  const level = accessLevel(user.permissions, "read", "certificate");
  if (level === "any") return { teamIds: null };
  if (level === "team") return { teamIds: user.ledTeamIds };
  return null;
}

/** The holder's certificates, newest first; the newest of each exam is the current one. */
export async function listMyCertificates(userId: string, now = new Date()) {
  const rows = await db.certificate.findMany({
    where: { userId },
    orderBy: [{ issuedAt: "desc" }],
    select: {
      id: true,
      serial: true,
      title: true,
      examId: true,
      issuedAt: true,
      expiresAt: true,
      revokedAt: true,
      exam: { select: { title: true } },
      attempt: { select: { percent: true } },
    },
  });
  const seen = new Set<string>();
  return rows.map((row) => {
    const current = !seen.has(row.examId);
    seen.add(row.examId);
    return {
      id: row.id,
      serial: row.serial,
      title: row.title,
      exam: row.exam.title,
      examId: row.examId,
      percent: row.attempt.percent === null ? null : Number(row.attempt.percent),
      issuedAt: row.issuedAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      state: certificateState(row, now),
      current,
    };
  });
}

const CERT_STATUSES = ["valid", "expiring", "expired"] as const;
const blank = (value: unknown) => (value === "" || value === null ? undefined : value);
export const CertificateFilterSchema = z.object({
  teamId: z.preprocess(blank, z.string().max(100).optional()).catch(undefined),
  examId: z.preprocess(blank, z.string().max(100).optional()).catch(undefined),
  status: z.preprocess(blank, z.enum(CERT_STATUSES).optional()).catch(undefined),
  q: z.preprocess(blank, z.string().trim().max(100).optional()).catch(undefined),
});
export type CertificateFilter = z.infer<typeof CertificateFilterSchema>;

export function readCertificateFilter(url: URL): CertificateFilter {
  const params = url.searchParams;
  return CertificateFilterSchema.parse({
    teamId: params.get("team"),
    examId: params.get("exam"),
    status: params.get("status"),
    q: params.get("q"),
  });
}

/** Current (latest per person and exam, not revoked) certificates in scope, filtered — as SQL conditions. */
function currentCertificatesWhere(scope: ReaderScope, filter: CertificateFilter, now: Date) {
  const horizon = new Date(now.getTime() + EXPIRING_WINDOW_DAYS * DAY_MS);
  const parts: Prisma.Sql[] = [
    Prisma.sql`c."revokedAt" IS NULL`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "Certificate" n WHERE n."userId" = c."userId" AND n."examId" = c."examId"
      AND n."issuedAt" > c."issuedAt" AND n."revokedAt" IS NULL)`,
  ];
  if (scope.teamIds !== null)
    parts.push(
      scope.teamIds.length > 0 ? Prisma.sql`u."teamId" IN (${Prisma.join(scope.teamIds)})` : Prisma.sql`FALSE`,
    );
  if (filter.teamId) parts.push(Prisma.sql`u."teamId" = ${filter.teamId}`);
  if (filter.examId) parts.push(Prisma.sql`c."examId" = ${filter.examId}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    parts.push(Prisma.sql`(u."name" ILIKE ${like} OR u."externalId" ILIKE ${like} OR c."serial" ILIKE ${like})`);
  }
  if (filter.status === "expired") parts.push(Prisma.sql`c."expiresAt" <= ${now}`);
  if (filter.status === "expiring") parts.push(Prisma.sql`c."expiresAt" > ${now} AND c."expiresAt" <= ${horizon}`);
  if (filter.status === "valid") parts.push(Prisma.sql`(c."expiresAt" IS NULL OR c."expiresAt" > ${horizon})`);
  return Prisma.join(parts, " AND ");
}

type CertificateListRow = {
  id: string;
  serial: string;
  title: string;
  issuedAt: Date;
  expiresAt: Date | null;
  name: string;
  externalId: string;
  team: string | null;
  exam: string;
  percent: Prisma.Decimal | null;
};

async function queryCertificates(
  scope: ReaderScope,
  filter: CertificateFilter,
  now: Date,
  limit: number,
  offset: number,
) {
  return db.$queryRaw<CertificateListRow[]>`
    SELECT c."id", c."serial", c."title", c."issuedAt", c."expiresAt", u."name", u."externalId", t."name" AS "team",
      e."title" AS "exam", a."percent"
    FROM "Certificate" c
      JOIN "User" u ON u."id" = c."userId"
      LEFT JOIN "Team" t ON t."id" = u."teamId"
      JOIN "Exam" e ON e."id" = c."examId"
      JOIN "ExamAttempt" a ON a."id" = c."attemptId"
    WHERE ${currentCertificatesWhere(scope, filter, now)}
    ORDER BY c."expiresAt" ASC NULLS LAST, u."externalId" ASC, c."id" ASC
    LIMIT ${limit} OFFSET ${offset}`;
}

function presentRow(row: CertificateListRow, now: Date) {
  return {
    id: row.id,
    serial: row.serial,
    title: row.title,
    name: row.name,
    externalId: row.externalId,
    team: row.team,
    exam: row.exam,
    percent: row.percent === null ? null : Number(row.percent),
    issuedAt: row.issuedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    state: certificateState(row, now),
  };
}

export async function listCertificates(
  scope: ReaderScope,
  filter: CertificateFilter,
  page: number,
  pageSize: number,
  now = new Date(),
) {
  const [rows, totals] = await Promise.all([
    queryCertificates(scope, filter, now, pageSize, (page - 1) * pageSize),
    db.$queryRaw<{ total: bigint }[]>`
      SELECT COUNT(*) AS "total" FROM "Certificate" c JOIN "User" u ON u."id" = c."userId"
      WHERE ${currentCertificatesWhere(scope, filter, now)}`,
  ]);
  return { rows: rows.map((row) => presentRow(row, now)), total: Number(totals[0]?.total ?? 0) };
}

export const CSV_MAX_ROWS = 10_000;

export async function exportCertificates(scope: ReaderScope, filter: CertificateFilter, now = new Date()) {
  const rows = await queryCertificates(scope, filter, now, CSV_MAX_ROWS, 0);
  return rows.map((row) => presentRow(row, now));
}

/** Filter options: teams in scope and certification exams. */
export async function certificateFilterOptions(scope: ReaderScope) {
  const [teams, exams] = await Promise.all([
    db.team.findMany({
      where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.exam.findMany({
      where: { isCertification: true },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
  ]);
  return { teams, exams };
}

/** The printable certificate, for the holder or staff who may read it; null (→ 404) for anyone else. */
export async function loadPrintableCertificate(
  id: string,
  viewer: { id: string; permissions: ReadonlySet<Permission>; ledTeamIds: string[] },
  now = new Date(),
) {
  const certificate = await db.certificate.findUnique({
    where: { id },
    select: {
      id: true,
      serial: true,
      title: true,
      userId: true,
      issuedAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { name: true, externalId: true, teamId: true, team: { select: { name: true } } } },
      exam: { select: { title: true } },
      attempt: { select: { score: true, maxScore: true, percent: true } },
    },
  });
  if (!certificate) return null;
  if (certificate.userId !== viewer.id) {
    const scope = certificateScope(viewer);
    const allowed =
      scope !== null &&
      (scope.teamIds === null || (certificate.user.teamId !== null && scope.teamIds.includes(certificate.user.teamId)));
    if (!allowed) return null;
  }
  return {
    id: certificate.id,
    serial: certificate.serial,
    title: certificate.title,
    holder: certificate.user.name,
    externalId: certificate.user.externalId,
    team: certificate.user.team?.name ?? null,
    exam: certificate.exam.title,
    score: certificate.attempt.score === null ? null : Number(certificate.attempt.score),
    maxScore: Number(certificate.attempt.maxScore),
    percent: certificate.attempt.percent === null ? null : Number(certificate.attempt.percent),
    issuedAt: certificate.issuedAt.toISOString(),
    expiresAt: certificate.expiresAt?.toISOString() ?? null,
    state: certificateState(certificate, now),
    isHolder: certificate.userId === viewer.id,
  };
}
