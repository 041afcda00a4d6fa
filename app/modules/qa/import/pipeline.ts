/**
 * What every source (JSON Lines, CSV, REST array) yields to the writer, and the checks that need more than one
 * conversation: duplicate ids within one file (the first occurrence wins).
 */
import { lineForDetail } from "./csv-format";
import { validateConversation, type NormalisedConversation, type ValidationOptions } from "./contract";
import { IMPORT_LIMITS, type Rejection } from "./limits";

export type SourceItem =
  | { kind: "conversation"; line: number; raw: unknown; rowLines?: readonly number[] }
  | { kind: "rejection"; rejection: Rejection };

export type CheckedItem =
  | { kind: "conversation"; line: number; conversation: NormalisedConversation }
  | { kind: "rejection"; rejection: Rejection };

export type LineResult = { ok: true; value: unknown } | { ok: false; rejection: Rejection };

/** One JSON Lines line. Blank lines are skipped by the caller; a byte-order mark on line 1 is ignored. */
export function parseJsonLine(text: string, line: number): LineResult {
  if (Buffer.byteLength(text, "utf8") > IMPORT_LIMITS.maxLineBytes) {
    return {
      ok: false,
      rejection: { line, externalId: null, reason: "line-too-long", detail: `> ${IMPORT_LIMITS.maxLineBytes} bytes` },
    };
  }
  try {
    return { ok: true, value: JSON.parse(line === 1 ? text.replace(/^\uFEFF/, "") : text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, rejection: { line, externalId: null, reason: "invalid-json", detail: message.slice(0, 200) } };
  }
}

export function isBlankLine(text: string) {
  return text.trim() === "" || text === "\uFEFF";
}

/** Validates items in file order and rejects an id seen earlier in the same file. */
export class ItemChecker {
  private readonly seen = new Set<string>();

  constructor(private readonly options: ValidationOptions) {}

  check(item: SourceItem): CheckedItem {
    if (item.kind === "rejection") return item;
    const result = validateConversation(item.raw, this.options);
    if (!result.ok) {
      const line = item.rowLines ? lineForDetail(result.detail, item.rowLines, item.line) : item.line;
      return {
        kind: "rejection",
        rejection: { line, externalId: result.externalId, reason: result.reason, detail: result.detail },
      };
    }
    const externalId = result.conversation.externalId;
    if (this.seen.has(externalId)) {
      return {
        kind: "rejection",
        rejection: { line: item.line, externalId, reason: "duplicate-id-in-file", detail: null },
      };
    }
    this.seen.add(externalId);
    return { kind: "conversation", line: item.line, conversation: result.conversation };
  }
}
