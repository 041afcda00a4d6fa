/**
 * Bulk writes of computed rows: one INSERT … SELECT FROM jsonb_to_recordset per chunk instead of Prisma's
 * createMany, which sends every JSON column as its own parameter and made a 2,000-candidate cycle spend most of its
 * time writing (docs/awards-fairness.md, Performance). Run inside the caller's transaction.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/utils/db.server";

const CHUNK = 2000;

export type CandidateRow = {
  subjectKind: "individual" | "team";
  subjectId: string;
  userId: string | null;
  teamId: string | null;
  eligible: boolean;
  ineligibleReasons: unknown;
  inputs: unknown;
  composite: number | null;
  rank: number | null;
};

export async function insertCandidates(tx: Prisma.TransactionClient, cycleId: string, rows: readonly CandidateRow[]) {
  for (let index = 0; index < rows.length; index += CHUNK) {
    const chunk = rows.slice(index, index + CHUNK).map((row) => ({ id: randomUUID(), ...row }));
    await tx.$executeRaw`
      INSERT INTO "AwardCandidate" ("id", "cycleId", "subjectKind", "subjectId", "userId", "teamId", "eligible",
        "ineligibleReasons", "inputs", "composite", "rank", "createdAt", "updatedAt")
      SELECT r."id", ${cycleId}, r."subjectKind"::"AwardSubjectKind", r."subjectId", r."userId", r."teamId", r."eligible",
        r."ineligibleReasons", r."inputs", r."composite", r."rank", now(), now()
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r("id" text, "subjectKind" text, "subjectId" text,
        "userId" text, "teamId" text, "eligible" boolean, "ineligibleReasons" jsonb, "inputs" jsonb,
        "composite" double precision, "rank" integer)`;
  }
}

export type BoardRowInsert = {
  scope: string;
  userId: string;
  teamId: string | null;
  eligible: boolean;
  rank: number | null;
  percentile: number | null;
  composite: number | null;
  inputs: unknown;
};

export async function insertBoardRows(
  tx: Prisma.TransactionClient,
  periodStart: string,
  computedAt: Date,
  rows: readonly BoardRowInsert[],
) {
  for (let index = 0; index < rows.length; index += CHUNK) {
    const chunk = rows.slice(index, index + CHUNK).map((row) => ({ id: randomUUID(), ...row }));
    await tx.$executeRaw`
      INSERT INTO "LeaderboardEntry" ("id", "periodStart", "scope", "userId", "teamId", "eligible", "rank", "percentile",
        "composite", "inputs", "computedAt")
      SELECT r."id", ${periodStart}::date, r."scope", r."userId", r."teamId", r."eligible", r."rank", r."percentile",
        r."composite", r."inputs", ${computedAt}
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r("id" text, "scope" text, "userId" text,
        "teamId" text, "eligible" boolean, "rank" integer, "percentile" double precision, "composite" double precision,
        "inputs" jsonb)`;
  }
}
