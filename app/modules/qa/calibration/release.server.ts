import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db, type Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;

export type ReleaseReason = "all-submitted" | "deadline" | "closed-early";

/**
 * Opens the results of an open session: status released, unsubmitted reviews cancelled (scoring after the results
 * are visible would not be blind; those participants count as missing values), participants notified, audited.
 * Idempotent: a session that is already released is left alone and false is returned.
 */
export async function releaseCalibrationSession(
  tx: Tx,
  sessionId: string,
  options: { reason: ReleaseReason; actorId?: string | null; ipAddress?: string | null },
): Promise<boolean> {
  const releasedAt = new Date();
  const released = await tx.calibrationSession.updateMany({
    where: { id: sessionId, status: "open" },
    data: { status: "released", releasedAt },
  });
  if (released.count === 0) return false;

  const cancelled = await tx.review.updateMany({
    where: { calibrationSessionId: sessionId, status: { in: ["assigned", "draft"] } },
    data: { status: "cancelled" },
  });
  const session = await tx.calibrationSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { title: true, participants: { select: { userId: true, submittedAt: true } } },
  });
  await notify(
    session.participants.map((participant) => ({
      userId: participant.userId,
      kind: "calibration-released",
      params: { title: session.title },
      link: `/qa/calibration/${sessionId}`,
    })),
    tx,
  );
  await recordAudit(
    {
      actorId: options.actorId ?? null,
      action: "calibration.release",
      entityType: "calibration-session",
      entityId: sessionId,
      before: { status: "open" },
      after: {
        status: "released",
        reason: options.reason,
        submitted: session.participants.filter((participant) => participant.submittedAt).length,
        participants: session.participants.length,
        cancelledReviews: cancelled.count,
      },
      ipAddress: options.ipAddress ?? null,
    },
    tx,
  );
  return true;
}

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
  const released = await releaseCalibrationSession(tx, sessionId, { reason: "all-submitted" });
  return { released };
}

/** Job qa.calibration-release: releases every open session whose deadline has passed. Safe to run any time. */
export async function releaseExpiredCalibrationSessions(now = new Date()): Promise<{ released: number }> {
  const due = await db.calibrationSession.findMany({
    where: { status: "open", deadline: { lte: now } },
    select: { id: true },
    orderBy: { deadline: "asc" },
  });
  let released = 0;
  for (const session of due) {
    const done = await db.$transaction((tx) => releaseCalibrationSession(tx, session.id, { reason: "deadline" }));
    if (done) released += 1;
  }
  return { released };
}
