import type { JobStatus } from "~/generated/prisma/enums";

/** JobRun statuses in lifecycle order (shared by the server and the admin page's filter). */
export const JOB_RUN_STATUSES = [
  "queued",
  "running",
  "retrying",
  "succeeded",
  "failed",
] as const satisfies readonly JobStatus[];
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];
