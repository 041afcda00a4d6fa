import { csvDocument } from "~/utils/csv";
import { auditRange } from "~/modules/admin/audit-filters";
import { parseCalendarDate } from "~/modules/admin/user-import";
import { meanOf } from "~/modules/qa/agreement";
import { loadRubricVersion, type RubricVersionView } from "~/modules/qa/rubrics/rubric-version.server";
import { db, Prisma } from "~/utils/db.server";
import { badRequest } from "~/utils/http.server";
import { calibrationResults } from "./results";
import { toLocalDateTimeInput } from "./schema";

const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 366;

/**
 * The report's calendar range from ?from=&to= (YYYY-MM-DD, inclusive, in the organisation's time zone; default the
 * last 30 days) as [from, to) instants. 400 for malformed or reversed dates and ranges over a year.
 */
export function readGraderRange(url: URL, timeZone: string) {
  const today = toLocalDateTimeInput(new Date(), timeZone).slice(0, 10);
  const start = toLocalDateTimeInput(new Date(Date.now() - (DEFAULT_RANGE_DAYS - 1) * 86_400_000), timeZone);
  const from = parseCalendarDate(url.searchParams.get("from") || start.slice(0, 10));
  const to = parseCalendarDate(url.searchParams.get("to") || today);
  if (!from || !to) badRequest("from/to must be dates (YYYY-MM-DD)");
  if (from > to) badRequest("from must not be after to");
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) badRequest(`the range is limited to ${MAX_RANGE_DAYS} days`);
  const instants = auditRange({ from, to }, timeZone);
  return { from, to, range: { from: instants.from!, to: instants.to! } };
}

export interface GraderRow {
  id: string;
  name: string;
  externalId: string;
  /** Regular reviews submitted in the range. */
  reviews: number;
  avgGradingSeconds: number | null;
  avgScore: number | null;
  /** Released calibration sessions in the range the inspector scored in (not as benchmark). */
  sessions: number;
  alignment: number | null;
  leniency: number | null;
  disputeItemsDecided: number;
  disputeItemsAccepted: number;
  /** Accepted ÷ decided dispute items on the inspector's reviews; null when none was decided. */
  acceptanceRate: number | null;
}

/**
 * Grade the grader over [from, to): throughput, grading time and scores of regular reviews submitted in the range
 * (SQL aggregates), dispute items decided on those reviews, and alignment/leniency against the benchmark over
 * calibration sessions released in the range.
 */
export async function graderReport(range: { from: Date; to: Date }): Promise<GraderRow[]> {
  const [throughput, disputes, calibration, inspectors] = await Promise.all([
    db.review.groupBy({
      by: ["inspectorId"],
      where: { kind: "regular", status: "submitted", submittedAt: { gte: range.from, lt: range.to } },
      _count: { _all: true },
      _avg: { gradingSeconds: true, score: true },
    }),
    db.$queryRaw<{ inspectorId: string; decided: number; accepted: number }[]>(Prisma.sql`
      SELECT r."inspectorId" AS "inspectorId",
             COUNT(*) FILTER (WHERE di."accepted" IS NOT NULL)::int AS "decided",
             COUNT(*) FILTER (WHERE di."accepted" = true)::int AS "accepted"
      FROM "DisputeItem" di
      JOIN "Dispute" d ON d."id" = di."disputeId"
      JOIN "Review" r ON r."id" = d."reviewId"
      WHERE r."kind" = 'regular' AND r."submittedAt" >= ${range.from} AND r."submittedAt" < ${range.to}
      GROUP BY r."inspectorId"
    `),
    calibrationFigures(range),
    db.user.findMany({
      where: { roles: { some: { role: { in: ["qa_inspector", "qa_lead"] } } } },
      select: { id: true, name: true, externalId: true, status: true },
    }),
  ]);

  const byThroughput = new Map(throughput.map((row) => [row.inspectorId, row]));
  const byDisputes = new Map(disputes.map((row) => [row.inspectorId, row]));
  const active = new Set([...byThroughput.keys(), ...byDisputes.keys(), ...calibration.keys()]);
  const people = inspectors.filter((user) => user.status === "active" || active.has(user.id));
  const known = new Set(people.map((user) => user.id));
  const missing = [...active].filter((id) => !known.has(id));
  if (missing.length > 0) {
    people.push(
      ...(await db.user.findMany({
        where: { id: { in: missing } },
        select: { id: true, name: true, externalId: true, status: true },
      })),
    );
  }

  return people
    .map((user) => {
      const work = byThroughput.get(user.id);
      const dispute = byDisputes.get(user.id);
      const calibrated = calibration.get(user.id);
      const decided = dispute?.decided ?? 0;
      const accepted = dispute?.accepted ?? 0;
      return {
        id: user.id,
        name: user.name,
        externalId: user.externalId,
        reviews: work?._count._all ?? 0,
        avgGradingSeconds: work?._avg.gradingSeconds ?? null,
        avgScore: work?._avg.score ?? null,
        sessions: calibrated?.sessions ?? 0,
        alignment: calibrated ? meanOf(calibrated.alignments) : null,
        leniency: calibrated ? meanOf(calibrated.differences) : null,
        disputeItemsDecided: decided,
        disputeItemsAccepted: accepted,
        acceptanceRate: decided > 0 ? accepted / decided : null,
      };
    })
    .sort((a, b) => a.externalId.localeCompare(b.externalId));
}

/**
 * Per inspector: every per-conversation alignment and score difference over the released sessions, pooled so
 * each calibrated conversation counts once whichever session it came from.
 */
async function calibrationFigures(range: { from: Date; to: Date }) {
  const sessions = await db.calibrationSession.findMany({
    where: { status: "released", releasedAt: { gte: range.from, lt: range.to } },
    select: {
      id: true,
      rubricVersionId: true,
      benchmarkUserId: true,
      conversations: { orderBy: { position: "asc" }, select: { conversationId: true } },
      participants: { select: { userId: true } },
    },
  });
  const figures = new Map<
    string,
    { sessions: number; alignments: (number | null)[]; differences: (number | null)[] }
  >();
  if (sessions.length === 0) return figures;

  const versions = new Map<string, RubricVersionView | null>();
  for (const versionId of new Set(sessions.map((session) => session.rubricVersionId))) {
    versions.set(versionId, await loadRubricVersion(versionId));
  }
  const reviews = await db.review.findMany({
    where: { calibrationSessionId: { in: sessions.map((session) => session.id) }, status: "submitted" },
    select: {
      calibrationSessionId: true,
      conversationId: true,
      inspectorId: true,
      score: true,
      scores: { select: { criterionId: true, value: true } },
    },
  });

  for (const session of sessions) {
    const version = versions.get(session.rubricVersionId);
    if (!version) continue;
    const results = calibrationResults({
      criteria: version.criteria,
      conversations: session.conversations.map((entry) => ({ id: entry.conversationId, externalId: "" })),
      raters: session.participants.map((participant) => ({ id: participant.userId, name: "", externalId: "" })),
      benchmarkId: session.benchmarkUserId,
      reviews: reviews
        .filter((review) => review.calibrationSessionId === session.id)
        .map((review) => ({
          conversationId: review.conversationId,
          inspectorId: review.inspectorId,
          score: review.score,
          values: Object.fromEntries(review.scores.map((score) => [score.criterionId, score.value])),
        })),
    });
    for (const inspector of results.inspectors) {
      const entry = figures.get(inspector.id) ?? { sessions: 0, alignments: [], differences: [] };
      entry.sessions += 1;
      entry.alignments.push(...inspector.perConversation);
      entry.differences.push(...inspector.differences);
      figures.set(inspector.id, entry);
    }
  }
  return figures;
}

export function graderReportCsv(rows: GraderRow[], headers: string[]): string {
  const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
  return csvDocument(
    headers,
    rows.map((row) => [
      row.externalId,
      row.name,
      row.reviews,
      round(row.avgGradingSeconds, 0),
      round(row.avgScore, 2),
      row.sessions,
      round(row.alignment === null ? null : row.alignment * 100, 1),
      round(row.leniency, 2),
      row.disputeItemsDecided,
      row.disputeItemsAccepted,
      round(row.acceptanceRate === null ? null : row.acceptanceRate * 100, 1),
    ]),
  );
}
