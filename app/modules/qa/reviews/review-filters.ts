/**
 * The /qa/reviews query string: the drill-down contract reports link with. Pure.
 * agent, team, inspector, rubric (ids), criterion (key), failed=1, critical=1, from/to (YYYY-MM-DD on submittedAt),
 * status, page.
 */
import { z } from "zod";
import { parseCalendarDate } from "~/modules/admin/user-import";

export const REVIEW_STATUSES = ["assigned", "draft", "submitted", "cancelled"] as const;
export type ReviewStatusName = (typeof REVIEW_STATUSES)[number];

const id = z.string().trim().max(64).catch("");
const flag = z
  .string()
  .optional()
  .transform((value) => value === "1" || value === "true")
  .catch(false);
const day = z
  .string()
  .optional()
  .transform((value) => (value ? parseCalendarDate(value) : null) ?? "")
  .catch("");

export const ReviewFilterSchema = z.object({
  agent: id,
  team: id,
  inspector: id,
  rubric: id,
  criterion: z.string().trim().max(64).catch(""),
  failed: flag,
  critical: flag,
  from: day,
  to: day,
  status: z.enum(["", ...REVIEW_STATUSES]).catch(""),
});
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;

export function readReviewFilter(url: URL): ReviewFilter {
  const params = url.searchParams;
  const get = (name: string) => params.get(name) ?? undefined;
  return ReviewFilterSchema.parse({
    agent: get("agent") ?? "",
    team: get("team") ?? "",
    inspector: get("inspector") ?? "",
    rubric: get("rubric") ?? "",
    criterion: get("criterion") ?? "",
    failed: get("failed"),
    critical: get("critical"),
    from: get("from"),
    to: get("to"),
    status: get("status") ?? "",
  });
}

export function isFiltered(filter: ReviewFilter): boolean {
  return Object.values(filter).some((value) => value !== "" && value !== false);
}

/** The query string for a filter (page left out): links back to the same list. */
export function reviewFilterQuery(filter: Partial<ReviewFilter>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === true) params.set(key, "1");
    else if (typeof value === "string" && value !== "") params.set(key, value);
  }
  return params.toString();
}
