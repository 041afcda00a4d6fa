/**
 * The users CSV parser: csv-parse (Node-only, so kept out of modules the browser bundle imports) plus the
 * row validation. Pure: no database.
 */
import { parse } from "csv-parse/sync";
import { ROLES, type RoleName } from "~/modules/identity/permissions";
import {
  USER_IMPORT_HEADERS,
  USER_IMPORT_REQUIRED_HEADERS,
  HEADER_ALIASES,
  ROLE_SEPARATORS,
  EXTERNAL_ID_MAX,
  NAME_MAX,
  EXTERNAL_ID_PATTERN,
  parseRole,
  parseStatus,
  parseLocale,
  parseCalendarDate,
  normaliseEmail,
  normaliseCsvText,
  sortErrors,
  normaliseKey,
  type ImportRowError,
  type ParsedUserCsv,
  type UserImportColumn,
  type UserImportRow,
} from "./user-import";

type RawRecord = { line: number; cells: string[] };

function readRecords(text: string): { records: RawRecord[]; syntaxErrors: ImportRowError[] } {
  const syntaxErrors: ImportRowError[] = [];
  let lastEndLine = 0;
  const output = parse(text, {
    raw: true,
    info: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record, context) => {
      lastEndLine = context.lines;
      return record;
    },
    on_skip: (error) => {
      // An unclosed quote swallows the rest of the file; the record began right after the last good one.
      const reported = Number(error?.lines);
      const line = error?.code === "CSV_QUOTE_NOT_CLOSED" || !reported ? lastEndLine + 1 : reported;
      syntaxErrors.push({ line, message: "admin:import.errors.csvSyntax" });
      return undefined;
    },
  }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
  const records = output.map(({ record, raw, info }) => {
    // raw starts with any skipped blank lines and ends with the record delimiter; the rest are line breaks inside quotes.
    const innerBreaks = (raw.replace(/^\n+/, "").replace(/\n$/, "").match(/\n/g) ?? []).length;
    return { line: info.lines - innerBreaks, cells: record };
  });
  return { records, syntaxErrors };
}

function mapHeader({ line, cells }: RawRecord, errors: ImportRowError[]) {
  const byKey = new Map<string, UserImportColumn>();
  for (const column of USER_IMPORT_HEADERS) {
    byKey.set(column.toLowerCase(), column);
    for (const alias of HEADER_ALIASES[column]) byKey.set(alias, column);
  }
  const positions = new Map<UserImportColumn, number>();
  cells.forEach((cell, index) => {
    const name = cell.trim();
    if (name === "") return;
    const column = byKey.get(normaliseKey(name));
    if (!column) {
      errors.push({ line, field: name, message: "admin:import.errors.unknownColumn", value: name });
    } else if (positions.has(column)) {
      errors.push({ line, field: column, message: "admin:import.errors.duplicateColumn", value: name });
    } else {
      positions.set(column, index);
    }
  });
  return positions;
}

type CellReader = (column: UserImportColumn) => string | undefined;

function validateRecord(line: number, cell: CellReader, errors: ImportRowError[]): UserImportRow | null {
  const before = errors.length;
  const fail = (field: UserImportColumn, message: string, value?: string) =>
    errors.push({ line, field, message, ...(value !== undefined && value !== "" ? { value } : {}) });

  const externalId = cell("externalId") ?? "";
  if (externalId === "") fail("externalId", "admin:import.errors.required");
  else if (externalId.length > EXTERNAL_ID_MAX) fail("externalId", "admin:import.errors.tooLong", externalId);
  else if (!EXTERNAL_ID_PATTERN.test(externalId))
    fail("externalId", "admin:import.errors.invalidExternalId", externalId);

  const name = (cell("name") ?? "").replace(/\s+/g, " ");
  if (name === "") fail("name", "admin:import.errors.required");
  else if (name.length > NAME_MAX) fail("name", "admin:import.errors.tooLong", name);

  const row: UserImportRow = { line, externalId, name };

  const email = cell("email");
  if (email !== undefined) {
    row.email = email === "" ? null : normaliseEmail(email);
    if (email !== "" && row.email === null) fail("email", "admin:import.errors.invalidEmail", email);
  }

  const team = cell("team");
  if (team !== undefined) row.team = team === "" ? null : team;

  const roles = cell("roles");
  if (roles !== undefined) {
    const parsed = new Set<RoleName>();
    for (const part of roles
      .split(ROLE_SEPARATORS)
      .map((value) => value.trim())
      .filter(Boolean)) {
      const role = parseRole(part);
      if (role) parsed.add(role);
      else fail("roles", "admin:import.errors.unknownRole", part);
    }
    row.roles = parsed.size > 0 ? ROLES.filter((role) => parsed.has(role)) : ["agent"];
  }

  const hireDate = cell("hireDate");
  if (hireDate !== undefined) {
    row.hireDate = hireDate === "" ? null : parseCalendarDate(hireDate);
    if (hireDate !== "" && row.hireDate === null) fail("hireDate", "admin:import.errors.invalidDate", hireDate);
  }

  const status = cell("status");
  if (status !== undefined) {
    const parsed = status === "" ? "active" : parseStatus(status);
    if (parsed) row.status = parsed;
    else fail("status", "admin:import.errors.invalidStatus", status);
  }

  const locale = cell("locale");
  if (locale !== undefined) {
    const parsed = locale === "" ? "zh-CN" : parseLocale(locale);
    if (parsed) row.locale = parsed;
    else fail("locale", "admin:import.errors.invalidLocale", locale);
  }

  return errors.length === before ? row : null;
}

/** Parses and validates the users CSV. Rows with any error are left out of `rows` and reported in `errors`. */
export function parseUserCsv(input: string): ParsedUserCsv {
  const errors: ImportRowError[] = [];
  const text = normaliseCsvText(input);
  if (text.trim() === "") return { rows: [], columns: [], errors: [{ line: 1, message: "admin:import.errors.empty" }] };

  const { records, syntaxErrors } = readRecords(text);
  errors.push(...syntaxErrors);
  const [header, ...dataRecords] = records;
  if (!header) {
    errors.unshift({ line: 1, message: "admin:import.errors.missingHeader" });
    return { rows: [], columns: [], errors };
  }
  const positions = mapHeader(header, errors);
  const missing = USER_IMPORT_REQUIRED_HEADERS.filter((column) => !positions.has(column));
  for (const column of missing)
    errors.push({ line: header.line, field: column, message: "admin:import.errors.missingColumn", value: column });
  const columns = USER_IMPORT_HEADERS.filter((column) => positions.has(column));
  if (missing.length > 0) return { rows: [], columns, errors: sortErrors(errors) };

  const rows: UserImportRow[] = [];
  const linesByExternalId = new Map<string, number>();
  const linesByEmail = new Map<string, number>();
  for (const record of dataRecords) {
    const cells = record.cells.map((value) => value.trim());
    if (cells.every((value) => value === "")) continue; // Excel leaves rows of bare commas at the end
    const cell: CellReader = (column) => {
      const position = positions.get(column);
      return position === undefined ? undefined : (cells[position] ?? "");
    };
    const row = validateRecord(record.line, cell, errors);

    // Duplicates are checked on every row, valid or not, so a later copy never slips in after a bad first one.
    const externalId = cell("externalId") ?? "";
    const email = normaliseEmail(cell("email") ?? "");
    const firstIdLine = externalId ? linesByExternalId.get(externalId.toLowerCase()) : undefined;
    const firstEmailLine = email ? linesByEmail.get(email) : undefined;
    if (externalId && firstIdLine === undefined) linesByExternalId.set(externalId.toLowerCase(), record.line);
    if (email && firstEmailLine === undefined) linesByEmail.set(email, record.line);
    if (firstIdLine !== undefined) {
      errors.push({
        line: record.line,
        field: "externalId",
        message: "admin:import.errors.duplicateExternalIdInFile",
        value: externalId,
        params: { firstLine: firstIdLine },
      });
    }
    if (firstEmailLine !== undefined && email) {
      errors.push({
        line: record.line,
        field: "email",
        message: "admin:import.errors.duplicateEmailInFile",
        value: email,
        params: { firstLine: firstEmailLine },
      });
    }
    if (row && firstIdLine === undefined && firstEmailLine === undefined) rows.push(row);
  }
  return { rows, columns, errors: sortErrors(errors) };
}
