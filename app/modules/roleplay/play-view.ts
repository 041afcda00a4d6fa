/**
 * What a role-play page receives about a session. Built on the server from the stored script, it never carries the
 * script's nodes, transitions, intents or red-line/step intents — only the persona, the order panel, the transcript,
 * the current node's hint (practice and test-play) and, after the end, the report with step and red-line labels.
 */
import type { RolePlayMode, RolePlaySessionStatus } from "~/generated/prisma/enums";
import type { OrderContext } from "./script";
import type { AutoReport } from "./scoring";

export type { AutoReport } from "./scoring";

export type PlayTurn = {
  position: number;
  speaker: "customer" | "agent" | "system";
  text: string;
  shownAt: string;
  responseSeconds: number | null;
  overTime: boolean;
};

export type PlayView = {
  session: {
    id: string;
    status: RolePlaySessionStatus;
    mode: RolePlayMode;
    outcome: string | null;
    startedAt: string;
    endedAt: string | null;
    awaitingSince: string | null;
    replyTimeLimitSeconds: number;
    scenarioId: string;
    scenarioVersionId: string;
    version: number;
    userId: string;
  };
  scenario: {
    title: string;
    summary: string;
    goal: string;
    channel: "chat" | "phone";
    difficulty: string;
    persona: { name: string; mood: string; description: string; tier: string };
    order: OrderContext;
  };
  turns: PlayTurn[];
  hint: string | null;
  result: null | {
    autoScore: number | null;
    humanScore: number | null;
    finalScore: number | null;
    passed: boolean | null;
    passPercent: number;
    report: AutoReport | null;
    review: null | { status: "pending" | "draft" | "submitted"; score: number | null; summary: string | null };
  };
};

export const REPLY_MAX_CHARACTERS = 1000;
/** A reply may arrive this early before the customer's last bubble is due (clock skew, rendering). */
export const EARLY_REPLY_TOLERANCE_MS = 1000;
