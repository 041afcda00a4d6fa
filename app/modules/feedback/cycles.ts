/** Cycle form schema and scope rules (pure). */
import { z } from "zod";
import { GroupWeightsSchema, MinGroupResponsesSchema } from "./scoring";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = z.string({ message: "validation:required" }).regex(DATE, { message: "feedback:errors.date" });
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");
const peers = z.coerce
  .number({ message: "feedback:errors.peerLimits" })
  .int({ message: "feedback:errors.peerLimits" })
  .min(0, { message: "feedback:errors.peerLimits" })
  .max(20, { message: "feedback:errors.peerLimits" });

export const CycleFormSchema = z
  .object({
    name: z
      .string({ message: "validation:required" })
      .trim()
      .min(1, { message: "validation:required" })
      .max(80, { message: "feedback:errors.tooLong" }),
    templateId: z
      .string({ message: "feedback:errors.chooseTemplate" })
      .min(1, { message: "feedback:errors.chooseTemplate" }),
    periodStart: date,
    periodEnd: date,
    dueDate: date,
    subjects: z.enum(["teams", "everyone"], { message: "validation:required" }),
    teamIds: z.array(z.string().min(1)).default([]),
    includeLeads: checkbox,
    weights: GroupWeightsSchema,
    minGroupResponses: MinGroupResponsesSchema,
    peerSelection: z.enum(["lead", "subject"], { message: "validation:required" }),
    minPeers: peers,
    maxPeers: peers,
    allowComments: checkbox,
  })
  .superRefine((value, context) => {
    if (value.periodEnd < value.periodStart)
      context.addIssue({ code: "custom", path: ["periodEnd"], message: "feedback:errors.periodOrder" });
    if (value.dueDate < value.periodStart)
      context.addIssue({ code: "custom", path: ["dueDate"], message: "feedback:errors.dueBeforePeriod" });
    if (value.subjects === "teams" && value.teamIds.length === 0)
      context.addIssue({ code: "custom", path: ["teamIds"], message: "feedback:errors.chooseTeams" });
    if (value.maxPeers < value.minPeers)
      context.addIssue({ code: "custom", path: ["maxPeers"], message: "feedback:errors.peerLimits" });
  });
export type CycleForm = z.infer<typeof CycleFormSchema>;

/** Whom a reader may see: everyone (manager) or the members of the teams they lead. */
export type TeamScope = { all: true } | { all: false; teamIds: string[] };

export function scopeFor(user: { ledTeamIds: string[] }, access: "team" | "any" | null): TeamScope | null {
  if (access === "any") return { all: true };
  if (access === "team") return { all: false, teamIds: user.ledTeamIds };
  return null;
}

export function inScope(scope: TeamScope, teamId: string | null) {
  return scope.all || (teamId !== null && scope.teamIds.includes(teamId));
}

export const PeerChoiceSchema = z.object({
  subjectId: z.string().min(1),
  raterIds: z.array(z.string().min(1)).default([]),
});
