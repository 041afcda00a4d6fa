/**
 * Users CSV: parsing and validation only (no database), so every rule is unit-testable.
 * The format is documented in docs/import-formats.md ("Users (CSV)"). Error messages are catalogue
 * keys in the "admin" namespace; `value` and `params` fill their placeholders.
 */
import { z } from "zod";
import { ROLES, type RoleName } from "~/modules/identity/permissions";
import { csvRow } from "~/utils/csv";

export const USER_IMPORT_HEADERS = [
  "externalId",
  "name",
  "email",
  "team",
  "roles",
  "hireDate",
  "status",
  "locale",
] as const;
export type UserImportColumn = (typeof USER_IMPORT_HEADERS)[number];
export const USER_IMPORT_REQUIRED_HEADERS: readonly UserImportColumn[] = ["externalId", "name"];

export const USER_STATUSES = ["active", "inactive"] as const;
export type UserStatusName = (typeof USER_STATUSES)[number];
export const USER_LOCALES = ["zh-CN", "en"] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

export const EXTERNAL_ID_MAX = 64;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
/** 工号: no spaces, quotes or separators (they would break CSV files and sign-in). */
export const EXTERNAL_ID_PATTERN = /^[^\s"',;|]+$/;

/**
 * One valid data row. A property is undefined when its column is absent from the file: new users then
 * get the default, existing users keep what they have. An empty cell in a present column means "none"
 * (email, team, hire date) or the default (status active, locale zh-CN, roles agent).
 */
export type UserImportRow = {
  line: number;
  externalId: string;
  name: string;
  email?: string | null;
  team?: string | null;
  roles?: RoleName[];
  hireDate?: string | null;
  status?: UserStatusName;
  locale?: UserLocale;
};
export type ValidRow = UserImportRow;

export type ImportRowError = {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  field?: string;
  /** Catalogue key, e.g. "admin:import.errors.invalidEmail". */
  message: string;
  value?: string;
  params?: Record<string, string | number>;
};

export type ParsedUserCsv = { rows: UserImportRow[]; errors: ImportRowError[]; columns: UserImportColumn[] };

export const HEADER_ALIASES: Record<UserImportColumn, string[]> = {
  externalId: ["externalid", "external_id", "工号", "员工编号", "员工工号"],
  name: ["name", "姓名", "名字"],
  email: ["email", "e-mail", "邮箱", "电子邮箱", "邮件"],
  team: ["team", "团队", "班组", "小组"],
  roles: ["roles", "role", "角色"],
  hireDate: ["hiredate", "hire_date", "入职日期", "入职时间"],
  status: ["status", "状态"],
  locale: ["locale", "language", "语言", "界面语言"],
};

/** Role keys, their zh-CN and English labels, and a few everyday synonyms. */
const ROLE_ALIASES: Record<string, RoleName> = {
  客服: "agent",
  客服专员: "agent",
  培训专员: "trainer",
  培训师: "trainer",
  质检专员: "qa_inspector",
  质检员: "qa_inspector",
  质检: "qa_inspector",
  质检主管: "qa_lead",
  质检组长: "qa_lead",
  组长: "team_lead",
  客服组长: "team_lead",
  客服经理: "manager",
  经理: "manager",
  管理员: "admin",
  qa: "qa_inspector",
  lead: "team_lead",
  administrator: "admin",
};

const STATUS_ALIASES: Record<string, UserStatusName> = {
  active: "active",
  inactive: "inactive",
  在职: "active",
  启用: "active",
  正常: "active",
  已停用: "inactive",
  停用: "inactive",
  离职: "inactive",
};

const LOCALE_ALIASES: Record<string, UserLocale> = {
  "zh-cn": "zh-CN",
  zh: "zh-CN",
  zh_cn: "zh-CN",
  中文: "zh-CN",
  简体中文: "zh-CN",
  en: "en",
  "en-us": "en",
  english: "en",
  英文: "en",
  英语: "en",
};

/** Separators between several roles in one cell. */
export const ROLE_SEPARATORS = /[|;；、,，/]+/;

export function normaliseKey(value: string) {
  return value.trim().toLowerCase().replace(/\s+/g, "");
}

export function parseRole(value: string): RoleName | null {
  const trimmed = value.trim();
  const key = trimmed.toLowerCase().replace(/[\s-]+/g, "_");
  if ((ROLES as readonly string[]).includes(key)) return key as RoleName;
  return ROLE_ALIASES[trimmed] ?? ROLE_ALIASES[key] ?? null;
}

export function parseStatus(value: string): UserStatusName | null {
  return STATUS_ALIASES[normaliseKey(value)] ?? null;
}

export function parseLocale(value: string): UserLocale | null {
  return LOCALE_ALIASES[normaliseKey(value)] ?? null;
}

/** YYYY-MM-DD (also YYYY/M/D and YYYY.M.D, which Excel produces) → canonical YYYY-MM-DD, or null when not a real date. */
export function parseCalendarDate(value: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2200) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const emailSchema = z.email();

export function normaliseEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  return email.length <= EMAIL_MAX && emailSchema.safeParse(email).success ? email : null;
}

/** Strips a UTF-8 byte-order mark (Excel writes one) and unifies line endings. */
export function normaliseCsvText(text: string) {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Decodes an uploaded file. UTF-8 (with or without BOM) first; bytes that are not valid UTF-8 are read
 * as GB18030, the encoding Excel on Chinese Windows uses for "CSV (逗号分隔)".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function sortErrors(errors: ImportRowError[]) {
  return [...errors].sort((a, b) => a.line - b.line);
}

const EXAMPLE_ROWS: string[][] = [
  ["A1001", "张三", "zhangsan@example.com", "CS-01", "agent", "2023-03-01", "active", "zh-CN"],
  ["A1002", "李四", "lisi@example.com", "售前一组", "组长|客服", "2021-07-15", "active", "zh-CN"],
  ["Q2001", "王五", "wangwu@example.com", "", "质检专员", "2020-11-02", "active", "zh-CN"],
  ["M0001", "Alex Chen", "alex.chen@example.com", "", "manager;trainer", "2019-05-20", "active", "en"],
  ["A0999", "赵六", "", "CS-01", "客服", "2018-09-10", "inactive", ""],
];

/** Example file for the "download template" link (without BOM; the route adds one for Excel). */
export function buildExampleCsv(): string {
  return toCsv([[...USER_IMPORT_HEADERS], ...EXAMPLE_ROWS]);
}

export function toCsv(rows: string[][]): string {
  return rows.map(csvRow).join("\r\n") + "\r\n";
}

/** The error report as CSV (line, field, value, message); `translate` renders the message keys. */
export function errorsToCsv(
  errors: ImportRowError[],
  translate: (key: string, params: Record<string, string | number>) => string,
  headers: [string, string, string, string] = ["line", "field", "value", "message"],
): string {
  return toCsv([
    headers,
    ...errors.map((error) => [
      String(error.line),
      error.field ?? "",
      error.value ?? "",
      translate(error.message, { ...error.params, value: error.value ?? "", line: error.line }),
    ]),
  ]);
}
