import { recordAudit } from "~/modules/audit/audit.server";
import type { Prisma } from "~/utils/db.server";

export type AwardBonusInput = {
  candidateId: string;
  userId: string;
  amount: number;
  periodStart: Date;
  reason: string;
  actorId: string | null;
};

/**
 * Books the bonus of a published award winner as an approved `award_bonus` entry. Publishing already is the
 * approval (by the publishing manager), so the entry skips the proposal step. Idempotent by candidate and person
 * (a team award books one share per member): a retried publish returns the existing entry instead of paying twice.
 */
export async function recordAwardBonus(
  tx: Prisma.TransactionClient,
  input: AwardBonusInput,
): Promise<{ entryId: string }> {
  const existing = await tx.ledgerEntry.findUnique({
    where: { awardCandidateId_userId: { awardCandidateId: input.candidateId, userId: input.userId } },
    select: { id: true },
  });
  if (existing) return { entryId: existing.id };

  const now = new Date();
  const entry = await tx.ledgerEntry.create({
    data: {
      userId: input.userId,
      kind: "award_bonus",
      periodStart: input.periodStart,
      amount: Math.abs(input.amount),
      points: 0,
      reason: input.reason,
      status: "approved",
      proposedById: input.actorId,
      approvedById: input.actorId,
      decidedAt: now,
      awardCandidateId: input.candidateId,
    },
    select: { id: true },
  });
  await recordAudit(
    {
      actorId: input.actorId,
      action: "ledger.entry.award_bonus",
      entityType: "LedgerEntry",
      entityId: entry.id,
      after: {
        userId: input.userId,
        amount: Math.abs(input.amount),
        periodStart: input.periodStart.toISOString().slice(0, 10),
        awardCandidateId: input.candidateId,
      },
    },
    tx,
  );
  return { entryId: entry.id };
}
