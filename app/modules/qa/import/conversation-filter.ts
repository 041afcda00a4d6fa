/** Conversation browser filters, read from the URL (pure): invalid values are dropped, not errors. */
import { z } from "zod";
import { CHANNELS } from "./limits";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

const FilterSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  team: z.string().trim().max(64).catch(""),
  agent: z.string().trim().max(64).catch(""),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  from: day,
  to: day,
  tag: z.string().trim().max(50).catch(""),
  csatMax: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  complaint: z.literal("1").optional().catch(undefined),
  minMessages: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type ConversationFilter = z.infer<typeof FilterSchema>;

export function readConversationFilter(url: URL): ConversationFilter {
  const get = (name: string) => url.searchParams.get(name) || undefined;
  return FilterSchema.parse({
    q: get("q") ?? "",
    team: get("team") ?? "",
    agent: get("agent") ?? "",
    channel: get("channel"),
    from: get("from"),
    to: get("to"),
    tag: get("tag") ?? "",
    csatMax: get("csatMax"),
    complaint: get("complaint"),
    minMessages: get("minMessages"),
  });
}

export function isFiltered(filter: ConversationFilter) {
  return Object.values(filter).some((value) => value !== undefined && value !== "");
}
