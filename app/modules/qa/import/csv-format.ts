/**
 * The CSV conversation format (pure): one row per message, the conversation's fields repeated on each of its rows,
 * rows of one conversation consecutive. Headers may be English or Chinese (see CSV_COLUMNS). Consecutive rows with
 * the same conversation id are grouped into one contract object, then validated like a JSON line.
 */

export type CsvColumn =
  | "id"
  | "channel"
  | "startedAt"
  | "endedAt"
  | "agents"
  | "customer"
  | "csat"
  | "csatRequested"
  | "resolved"
  | "complaint"
  | "converted"
  | "orderValue"
  | "tags"
  | "from"
  | "agent"
  | "at"
  | "text";

/** Accepted header names per column; the first is the one the documentation and templates use. */
export const CSV_COLUMNS: Record<CsvColumn, readonly string[]> = {
  id: ["conversation_id", "id", "会话ID", "会话编号"],
  channel: ["channel", "渠道"],
  startedAt: ["started_at", "startedAt", "开始时间"],
  endedAt: ["ended_at", "endedAt", "结束时间"],
  agents: ["agents", "接待客服"],
  customer: ["customer", "顾客", "客户"],
  csat: ["csat", "满意度"],
  csatRequested: ["csat_requested", "csatRequested", "是否邀评"],
  resolved: ["resolved", "是否解决"],
  complaint: ["complaint", "是否投诉"],
  converted: ["converted", "是否成交"],
  orderValue: ["order_value", "orderValue", "订单金额"],
  tags: ["tags", "标签"],
  from: ["from", "sender", "发送方"],
  agent: ["agent", "客服工号"],
  at: ["at", "sent_at", "发送时间"],
  text: ["text", "内容", "消息内容"],
};

export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = [
  "id",
  "channel",
  "startedAt",
  "agents",
  "customer",
  "from",
  "at",
  "text",
];

const CONVERSATION_COLUMNS: readonly CsvColumn[] = [
  "channel",
  "startedAt",
  "endedAt",
  "agents",
  "customer",
  "csat",
  "csatRequested",
  "resolved",
  "complaint",
  "converted",
  "orderValue",
  "tags",
];

const HEADER_LOOKUP = new Map<string, CsvColumn>(
  (Object.entries(CSV_COLUMNS) as [CsvColumn, readonly string[]][]).flatMap(([column, names]) =>
    names.map((name) => [name.toLowerCase(), column] as const),
  ),
);

export interface CsvHeader {
  /** Per position: the contract column, or the raw header for an extra field. */
  columns: ({ kind: "contract"; column: CsvColumn } | { kind: "extra"; name: string })[];
  missing: CsvColumn[];
}

export function mapCsvHeader(headers: readonly string[]): CsvHeader {
  const columns = headers.map((header) => {
    const name = header.replace(/^\uFEFF/, "").trim();
    const column = HEADER_LOOKUP.get(name.toLowerCase());
    return column ? ({ kind: "contract", column } as const) : ({ kind: "extra", name } as const);
  });
  const present = new Set(columns.flatMap((entry) => (entry.kind === "contract" ? [entry.column] : [])));
  return { columns, missing: REQUIRED_CSV_COLUMNS.filter((column) => !present.has(column)) };
}

export interface CsvRow {
  line: number;
  values: readonly string[];
}

export interface CsvGroup {
  /** Line of the group's first row: where rejections point. */
  line: number;
  externalId: string;
  rows: CsvRow[];
}

/** Collects consecutive rows of one conversation; `push` returns the previous group when a new id starts. */
export class CsvGrouper {
  private current: CsvGroup | null = null;

  constructor(private readonly idIndex: number) {}

  push(row: CsvRow): CsvGroup | null {
    const externalId = (row.values[this.idIndex] ?? "").trim();
    if (this.current && this.current.externalId === externalId && externalId !== "") {
      this.current.rows.push(row);
      return null;
    }
    const finished = this.current;
    this.current = { line: row.line, externalId, rows: [row] };
    return finished;
  }

  flush(): CsvGroup | null {
    const finished = this.current;
    this.current = null;
    return finished;
  }
}

const CHANNEL_WORDS: Record<string, string> = {
  在线: "chat",
  聊天: "chat",
  在线聊天: "chat",
  在线客服: "chat",
  电话: "phone",
  邮件: "email",
  电子邮件: "email",
  社交: "social",
  社交媒体: "social",
};

const SENDER_WORDS: Record<string, string> = {
  顾客: "customer",
  客户: "customer",
  买家: "customer",
  客服: "agent",
  机器人: "bot",
  系统: "system",
};

const TRUE_WORDS = new Set(["true", "1", "yes", "y", "是", "有"]);
const FALSE_WORDS = new Set(["false", "0", "no", "n", "否", "无"]);

/** Booleans as shop back-ends write them; anything else is passed through so validation reports it. */
function toFlag(value: string): unknown {
  const word = value.trim().toLowerCase();
  if (word === "") return undefined;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return value;
}

function toNumber(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Lists in one cell: "A2001;A2002", "A2001|A2002" or "A2001、A2002". */
export function splitList(value: string): string[] {
  return value
    .split(/[;|、，]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function convertConversationCell(column: CsvColumn, value: string): unknown {
  const trimmed = value.trim();
  switch (column) {
    case "channel":
      return CHANNEL_WORDS[trimmed] ?? trimmed.toLowerCase();
    case "endedAt":
      return trimmed === "" ? undefined : trimmed;
    case "agents":
    case "tags":
      return splitList(value);
    case "csat":
    case "orderValue":
      return toNumber(value);
    case "csatRequested":
    case "resolved":
    case "complaint":
    case "converted":
      return toFlag(value);
    default:
      return trimmed;
  }
}

export type GroupResult =
  | { ok: true; raw: Record<string, unknown>; rowLines: number[] }
  | { ok: false; line: number; reason: "conflicting-rows"; detail: string };

/**
 * One contract object from a row group. Conversation fields come from the first row; a later row may leave them
 * blank but must not contradict them (that is two conversations sharing an id, or a broken export).
 */
export function groupToConversation(header: CsvHeader, group: CsvGroup): GroupResult {
  const first = group.rows[0]!;
  const raw: Record<string, unknown> = { id: group.externalId };
  const firstValues = new Map<CsvColumn, string>();
  header.columns.forEach((entry, index) => {
    const value = first.values[index] ?? "";
    if (entry.kind === "extra") {
      if (value.trim() !== "" && entry.name !== "") raw[entry.name] = value;
      return;
    }
    if (!CONVERSATION_COLUMNS.includes(entry.column)) return;
    firstValues.set(entry.column, value.trim());
    const converted = convertConversationCell(entry.column, value);
    if (converted !== undefined) raw[entry.column] = converted;
  });

  const messages: Record<string, unknown>[] = [];
  for (const row of group.rows) {
    const message: Record<string, unknown> = {};
    for (const [index, entry] of header.columns.entries()) {
      if (entry.kind !== "contract") continue;
      const value = row.values[index] ?? "";
      if (row !== first && CONVERSATION_COLUMNS.includes(entry.column)) {
        const expected = firstValues.get(entry.column) ?? "";
        if (value.trim() !== "" && value.trim() !== expected) {
          return {
            ok: false,
            line: row.line,
            reason: "conflicting-rows",
            detail: `${CSV_COLUMNS[entry.column][0]}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(value.trim())}`,
          };
        }
        continue;
      }
      if (entry.column === "from") message.from = SENDER_WORDS[value.trim()] ?? value.trim().toLowerCase();
      else if (entry.column === "agent") {
        if (value.trim() !== "") message.agent = value.trim();
      } else if (entry.column === "at") message.at = value.trim();
      else if (entry.column === "text") message.text = value;
    }
    messages.push(message);
  }
  raw.messages = messages;
  return { ok: true, raw, rowLines: group.rows.map((row) => row.line) };
}

/** Which row a message-level problem ("messages[3].at: …") came from, so the rejection points at it. */
export function lineForDetail(detail: string | null, rowLines: readonly number[], fallback: number): number {
  const match = detail ? /^messages\[(\d+)\]/.exec(detail) : null;
  if (!match) return fallback;
  return rowLines[Number(match[1])] ?? fallback;
}
