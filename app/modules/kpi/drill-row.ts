/** The rows behind a KPI number (browser-safe types; the queries live in drill-down.server.ts). */
export type DrillRow =
  | {
      kind: "conversation";
      id: string;
      externalId: string;
      startedAt: Date;
      channel: string;
      /** The metric's value for this conversation (seconds, 1/0 for rates, null when unknown). */
      value: number | null;
      /** The agent's share of the conversation: 1 under last-agent attribution, 1/n under split. */
      weight: number;
    }
  | { kind: "reply"; conversationId: string; externalId: string; sentAt: Date; seconds: number }
  | {
      kind: "review";
      id: string;
      conversationId: string;
      submittedAt: Date;
      score: number | null;
      criticalFailed: boolean;
    }
  | {
      kind: "attempt";
      id: string;
      examTitle: string;
      submittedAt: Date;
      scorePercent: number | null;
      passed: boolean | null;
    }
  | { kind: "assignment"; id: string; title: string; dueAt: Date; completedAt: Date | null }
  | { kind: "feedback"; subjectId: string; cycleName: string; overallScore: number | null };

export type DrillRowKind = DrillRow["kind"];

export const DRILL_PAGE_SIZE = 50;
