import { describe, expect, it } from "vitest";
import {
  buildExampleCsv,
  decodeCsvBytes,
  errorsToCsv,
  parseCalendarDate,
  parseRole,
  USER_IMPORT_HEADERS,
} from "~/modules/admin/user-import";
import { parseUserCsv } from "~/modules/admin/user-csv-parser";

function csv(...lines: string[]) {
  return lines.join("\n") + "\n";
}

describe("parseUserCsv", () => {
  it("accepts the example file it builds, BOM and all", () => {
    const result = parseUserCsv("\uFEFF" + buildExampleCsv());
    expect(result.errors).toEqual([]);
    expect(result.columns).toEqual([...USER_IMPORT_HEADERS]);
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    expect(result.rows[0]).toEqual({
      line: 2,
      externalId: "A1001",
      name: "张三",
      email: "zhangsan@example.com",
      team: "CS-01",
      roles: ["agent"],
      hireDate: "2023-03-01",
      status: "active",
      locale: "zh-CN",
    });
  });

  it("strips a UTF-8 BOM so the first header is still recognised", () => {
    const result = parseUserCsv("\uFEFFexternalId,name\r\nA1,张三\r\n");
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ line: 2, externalId: "A1", name: "张三" }]);
  });

  it("accepts Chinese column headers", () => {
    const result = parseUserCsv(
      csv("工号,姓名,邮箱,团队,角色,入职日期,状态,语言", "A1,张三,ZS@Example.com,售前一组,组长,2023-3-5,在职,中文"),
    );
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      email: "zs@example.com",
      team: "售前一组",
      roles: ["team_lead"],
      hireDate: "2023-03-05",
      status: "active",
      locale: "zh-CN",
    });
  });

  it.each([
    ["agent", ["agent"]],
    ["客服", ["agent"]],
    ["培训专员", ["trainer"]],
    ["质检专员", ["qa_inspector"]],
    ["组长", ["team_lead"]],
    ["客服经理", ["manager"]],
    ["管理员", ["admin"]],
    ["组长|客服", ["agent", "team_lead"]],
    ["manager;trainer", ["trainer", "manager"]],
    ["质检专员、培训专员", ["trainer", "qa_inspector"]],
    ["Team lead | QA inspector", ["qa_inspector", "team_lead"]],
    ["ADMIN", ["admin"]],
    ["客服|agent", ["agent"]],
    ["", ["agent"]],
  ])("reads the roles cell %j", (cell, roles) => {
    const result = parseUserCsv(csv("externalId,name,roles", `A1,张三,${cell}`));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.roles).toEqual(roles);
  });

  it("reports an unknown role with its line and value, and skips the row", () => {
    const result = parseUserCsv(csv("externalId,name,roles", "A1,张三,客服", "A2,李四,老板|客服"));
    expect(result.rows.map((row) => row.externalId)).toEqual(["A1"]);
    expect(result.errors).toEqual([
      { line: 3, field: "roles", message: "admin:import.errors.unknownRole", value: "老板" },
    ]);
  });

  it.each(["2023-02-30", "2023-13-01", "03/05/2023", "昨天", "2023-1"])("rejects the hire date %j", (value) => {
    const result = parseUserCsv(csv("externalId,name,hireDate", "A1,张三,2023-01-01", `A2,李四,${value}`));
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([{ line: 3, field: "hireDate", message: "admin:import.errors.invalidDate", value }]);
  });

  it("accepts Excel's 2023/3/5 date style", () => {
    expect(parseCalendarDate("2023/3/5")).toBe("2023-03-05");
    expect(parseCalendarDate("2024-02-29")).toBe("2024-02-29");
    expect(parseCalendarDate("2023-02-29")).toBeNull();
  });

  it("rejects a malformed e-mail", () => {
    const result = parseUserCsv(csv("externalId,name,email", "A1,张三,zhangsan-at-example.com"));
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 2, field: "email", message: "admin:import.errors.invalidEmail", value: "zhangsan-at-example.com" },
    ]);
  });

  it("reports missing required cells, one error per field", () => {
    const result = parseUserCsv(csv("externalId,name,email", "A1,张三,", ",李四,", "A3,,", ",,x@example.com"));
    expect(result.rows.map((row) => row.externalId)).toEqual(["A1"]);
    expect(result.errors).toEqual([
      { line: 3, field: "externalId", message: "admin:import.errors.required" },
      { line: 4, field: "name", message: "admin:import.errors.required" },
      { line: 5, field: "externalId", message: "admin:import.errors.required" },
      { line: 5, field: "name", message: "admin:import.errors.required" },
    ]);
  });

  it("detects a 工号 or an e-mail repeated in the file and keeps the first occurrence", () => {
    const result = parseUserCsv(
      csv(
        "externalId,name,email",
        "A1,张三,a@example.com",
        "A2,李四,b@example.com",
        "a1,王五,c@example.com",
        "A4,赵六,B@example.com",
      ),
    );
    expect(result.rows.map((row) => row.externalId)).toEqual(["A1", "A2"]);
    expect(result.errors).toEqual([
      {
        line: 4,
        field: "externalId",
        message: "admin:import.errors.duplicateExternalIdInFile",
        value: "a1",
        params: { firstLine: 2 },
      },
      {
        line: 5,
        field: "email",
        message: "admin:import.errors.duplicateEmailInFile",
        value: "b@example.com",
        params: { firstLine: 3 },
      },
    ]);
  });

  it("counts lines as the file has them: blank lines, quoted line breaks and CRLF", () => {
    const text = 'externalId,name,roles\r\nA1,"张\r\n三",客服\r\n\r\nA2,李四,boss\r\n,,\r\nA3,王五,\r\n';
    const result = parseUserCsv(text);
    expect(result.rows.map((row) => [row.line, row.externalId, row.name])).toEqual([
      [2, "A1", "张 三"],
      [7, "A3", "王五"],
    ]);
    expect(result.errors).toEqual([
      { line: 5, field: "roles", message: "admin:import.errors.unknownRole", value: "boss" },
    ]);
  });

  it("validates status and locale, defaulting blanks", () => {
    const result = parseUserCsv(
      csv("externalId,name,status,locale", "A1,张三,,", "A2,李四,离职,en", "A3,王五,gone,", "A4,赵六,active,fr"),
    );
    expect(result.rows.map((row) => [row.externalId, row.status, row.locale])).toEqual([
      ["A1", "active", "zh-CN"],
      ["A2", "inactive", "en"],
    ]);
    expect(result.errors).toEqual([
      { line: 4, field: "status", message: "admin:import.errors.invalidStatus", value: "gone" },
      { line: 5, field: "locale", message: "admin:import.errors.invalidLocale", value: "fr" },
    ]);
  });

  it("leaves absent optional columns undefined so existing values are kept", () => {
    const result = parseUserCsv(csv("name,externalId", "张三,A1"));
    expect(result.rows).toEqual([{ line: 2, externalId: "A1", name: "张三" }]);
    expect(result.columns).toEqual(["externalId", "name"]);
  });

  it("reports header problems on line 1", () => {
    expect(parseUserCsv(csv("externalId,emial", "A1,x@example.com")).errors).toEqual([
      { line: 1, field: "emial", message: "admin:import.errors.unknownColumn", value: "emial" },
      { line: 1, field: "name", message: "admin:import.errors.missingColumn", value: "name" },
    ]);
    expect(parseUserCsv("").errors).toEqual([{ line: 1, message: "admin:import.errors.empty" }]);
    expect(parseUserCsv("\uFEFF\n\n").errors).toEqual([{ line: 1, message: "admin:import.errors.empty" }]);
  });

  it("reports a broken quote with the line where its record starts", () => {
    const result = parseUserCsv(csv("externalId,name", "A1,张三", '"A2,李四', "A3,王五"));
    expect(result.rows.map((row) => row.externalId)).toEqual(["A1"]);
    expect(result.errors).toEqual([{ line: 3, message: "admin:import.errors.csvSyntax" }]);
  });

  it("rejects 工号 with spaces or quotes", () => {
    const result = parseUserCsv(csv("externalId,name", '"A 1",张三', '"A""2",李四'));
    expect(result.errors.map((error) => [error.line, error.message])).toEqual([
      [2, "admin:import.errors.invalidExternalId"],
      [3, "admin:import.errors.invalidExternalId"],
    ]);
  });
});

describe("helpers", () => {
  it("parseRole knows keys and labels", () => {
    expect(parseRole("qa_inspector")).toBe("qa_inspector");
    expect(parseRole("QA-Inspector")).toBe("qa_inspector");
    expect(parseRole("组长")).toBe("team_lead");
    expect(parseRole("老板")).toBeNull();
  });

  it("decodes GB18030 files that Excel saves on Chinese Windows", () => {
    // "工号,姓名\n" in GB18030
    const gbk = new Uint8Array([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a]);
    expect(decodeCsvBytes(gbk)).toBe("工号,姓名\n");
    expect(decodeCsvBytes(new TextEncoder().encode("工号,姓名\n"))).toBe("工号,姓名\n");
  });

  it("errorsToCsv renders the report and defuses spreadsheet formulas", () => {
    const text = errorsToCsv(
      [
        { line: 3, field: "roles", message: "admin:import.errors.unknownRole", value: "=HYPERLINK(1)" },
        { line: 5, message: "admin:import.errors.csvSyntax" },
      ],
      (key, params) => `${key}(${params.value})`,
    );
    expect(text).toBe(
      "line,field,value,message\r\n3,roles,'=HYPERLINK(1),admin:import.errors.unknownRole(=HYPERLINK(1))\r\n5,,,admin:import.errors.csvSyntax()\r\n",
    );
  });
});
