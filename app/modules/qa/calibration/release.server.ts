import type { Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;

/**
 * Called by the workbench in the transaction that submits a calibration review: marks the participant done once
 * they have scored every conversation of the session, and releases the results when every participant is done.
 */
export async function afterCalibrationReviewSubmitted(tx: Tx, reviewId: string): Promise<{ released: boolean }> {
  const review = await tx.review.findUnique({
    where: { id: reviewId },
    select: { inspectorId: true, calibrationSessionId: true },
  });
  if (!review?.calibrationSessionId) return { released: false };
  const sessionId = review.calibrationSessionId;

  const pending = await tx.review.count({
    where: { calibrationSessionId: sessionId, inspectorId: review.inspectorId, status: { not: "submitted" } },
  });
  if (pending === 0) {
    await tx.calibrationParticipant.updateMany({
      where: { sessionId, userId: review.inspectorId, submittedAt: null },
      data: { submittedAt: new Date() },
    });
  }
  const waiting = await tx.calibrationParticipant.count({ where: { sessionId, submittedAt: null } });
  if (waiting > 0) return { released: false };
  const released = await tx.calibrationSession.updateMany({
    where: { id: sessionId, status: "open" },
    data: { status: "released", releasedAt: new Date() },
  });
  return { released: released.count > 0 };
}
