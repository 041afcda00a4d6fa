import { notify } from "~/modules/notifications/notifications.server";
import { db } from "~/utils/db.server";
import { errorHeadline } from "./errors";

/** Tells every active admin that a run failed for good, linking to the run. Never throws: alerting must not mask the failure. */
export async function alertAdminsOfFailedRun(runId: string, jobName: string, error: string) {
  try {
    const admins = await db.user.findMany({
      where: { status: "active", roles: { some: { role: "admin" } } },
      select: { id: true },
    });
    await notify(
      admins.map((admin) => ({
        userId: admin.id,
        kind: "job-failed",
        params: { name: jobName, error: (errorHeadline(error) ?? "").slice(0, 200) },
        link: `/admin/jobs/${runId}`,
      })),
    );
  } catch (alertError) {
    console.error("could not alert admins of failed job run", runId, alertError);
  }
}
