/** Before/after of an audit entry as rows for display. Pure. */
export type AuditDiffRow = { key: string; before: string | null; after: string | null; changed: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function displayValue(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((item) => displayValue(item) ?? "").join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * One row per key of either snapshot. An update lists what changed first; a creation (no before) or a
 * deletion (no after) lists every key as changed.
 */
export function auditDiff(before: unknown, after: unknown): AuditDiffRow[] {
  if (before == null && after == null) return [];
  if (!isRecord(before) && !isRecord(after)) {
    const rowBefore = displayValue(before);
    const rowAfter = displayValue(after);
    return [{ key: "value", before: rowBefore, after: rowAfter, changed: rowBefore !== rowAfter }];
  }
  const beforeRecord = isRecord(before) ? before : {};
  const afterRecord = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])];
  const rows = keys.map((key) => {
    const rowBefore = displayValue(beforeRecord[key]);
    const rowAfter = displayValue(afterRecord[key]);
    return { key, before: rowBefore, after: rowAfter, changed: rowBefore !== rowAfter };
  });
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}
