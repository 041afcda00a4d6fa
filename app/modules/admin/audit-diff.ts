/** Before/after of an audit entry as rows for display. Pure. */
export type AuditDiffRow = { key: string; before: string | null; after: string | null; changed: boolean };
export type ValueFormatter = (key: string, value: unknown) => string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function displayValue(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((item) => displayValue(item) ?? "").join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// PostgreSQL's jsonb does not keep key order, so snapshots are shown in a fixed, readable order.
const KEY_ORDER = [
  "externalId",
  "code",
  "name",
  "email",
  "team",
  "lead",
  "roles",
  "status",
  "hireDate",
  "locale",
  "description",
  "created",
  "updated",
  "unchanged",
  "rows",
  "errors",
];

function keyRank(key: string) {
  const index = KEY_ORDER.indexOf(key);
  return index === -1 ? KEY_ORDER.length : index;
}

/**
 * One row per key of either snapshot, changed rows first. A creation (no before) or a deletion (no
 * after) lists every key as changed. `format` renders values (e.g. translated role names).
 */
export function auditDiff(
  before: unknown,
  after: unknown,
  format: ValueFormatter = (_key, value) => displayValue(value),
): AuditDiffRow[] {
  if (before == null && after == null) return [];
  if (!isRecord(before) && !isRecord(after)) {
    const rowBefore = format("value", before);
    const rowAfter = format("value", after);
    return [{ key: "value", before: rowBefore, after: rowAfter, changed: rowBefore !== rowAfter }];
  }
  const beforeRecord = isRecord(before) ? before : {};
  const afterRecord = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])].sort(
    (a, b) => keyRank(a) - keyRank(b) || a.localeCompare(b),
  );
  const rows = keys.map((key) => {
    const rowBefore = format(key, beforeRecord[key]);
    const rowAfter = format(key, afterRecord[key]);
    return { key, before: rowBefore, after: rowAfter, changed: rowBefore !== rowAfter };
  });
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}
