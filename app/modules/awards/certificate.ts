/**
 * Citation and certificate text (pure). A programme's certificate text may use these placeholders:
 *   {name}     the winner (person or team) · {team} the person's team · {program} the programme's name
 *   {period}   the period in Chinese, e.g. 2026年11月 / 2026年第4季度 / 2026年度 · {rank} the winner's rank
 * Unknown placeholders stay as written so a typo is visible on the preview instead of silently vanishing.
 */
import { formatSerial } from "~/modules/training/certificates/rules";

/** Award certificates are numbered like training certificates, with their own prefix: AW-2026-000001. */
const AWARD_SERIAL_PREFIX = "AW";

export const CERTIFICATE_PLACEHOLDERS = ["name", "team", "program", "period", "rank"] as const;
export type CertificatePlaceholder = (typeof CERTIFICATE_PLACEHOLDERS)[number];
export type CitationValues = Partial<Record<CertificatePlaceholder, string | number | null>>;

export const DEFAULT_CERTIFICATE_TEXT = "{name} 在{period}表现突出，荣获「{program}」称号，特发此证，以资鼓励。";

export function renderCitation(template: string, values: CitationValues): string {
  const text = template.trim() || DEFAULT_CERTIFICATE_TEXT;
  return text.replace(/\{(\w+)\}/g, (match, key: string) => {
    if (!(CERTIFICATE_PLACEHOLDERS as readonly string[]).includes(key)) return match;
    const value = values[key as CertificatePlaceholder];
    return value === null || value === undefined ? "" : String(value);
  });
}

/** Placeholders in a template that are not recognised (shown as a form error). */
export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  return [...new Set(found.filter((key) => !(CERTIFICATE_PLACEHOLDERS as readonly string[]).includes(key)))];
}

/** "2026-11-01" as a month → 2026年11月; quarter → 2026年第4季度; year → 2026年度. */
export function periodLabelZh(kind: "month" | "quarter" | "year", periodStart: string): string {
  const [year, month] = periodStart.split("-").map(Number) as [number, number];
  if (kind === "year") return `${year}年度`;
  if (kind === "quarter") return `${year}年第${Math.floor((month - 1) / 3) + 1}季度`;
  return `${year}年${month}月`;
}

/** AW-YYYY-NNNNNN: the publishing year and a running number within it. */
export function certificateSerial(year: number, sequence: number): string {
  return formatSerial(year, sequence, AWARD_SERIAL_PREFIX);
}

/** The running number of the highest serial of a year (0 when none). */
export function serialSequence(serial: string | null | undefined): number {
  const match = serial ? /^AW-\d{4}-(\d{6})$/.exec(serial) : null;
  return match ? Number(match[1]) : 0;
}

/** Up to two characters for an avatar: the given name of a Chinese name (last two), initials otherwise. */
export function avatarInitials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "?";
  if (/[\u4e00-\u9fff]/.test(trimmed)) return trimmed.length <= 2 ? trimmed : trimmed.slice(-2);
  const words = trimmed.split(/\s+/);
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");
}

const AVATAR_COLOURS = [
  "bg-rose-500",
  "bg-amber-500",
  "bg-emerald-500",
  "bg-sky-500",
  "bg-indigo-500",
  "bg-fuchsia-500",
  "bg-teal-500",
  "bg-orange-500",
];

/** A stable colour per person (same id → same colour on every page). */
export function avatarColour(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length]!;
}
