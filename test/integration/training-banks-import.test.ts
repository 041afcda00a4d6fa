import { beforeAll, describe, expect, it } from "vitest";
import { questionsToCsv, TEMPLATE_QUESTIONS } from "~/modules/training/banks/question-files";
import { loader as exportCsvLoader } from "~/routes/training.banks.$bankId_.export[.csv]";
import { loader as exportYamlLoader } from "~/routes/training.banks.$bankId_.export[.yaml]";
import { action as importAction, loader as importLoader } from "~/routes/training.banks.$bankId_.import";
import {
  action as questionAction,
  loader as questionLoader,
} from "~/routes/training.banks.$bankId_.questions.$questionId";
import { action as newQuestionAction } from "~/routes/training.banks.$bankId_.questions.new";
import { action as bankAction, loader as bankLoader } from "~/routes/training.banks.$bankId";
import { loader as banksLoader } from "~/routes/training.banks._index";
import { action as newBankAction, loader as newBankLoader } from "~/routes/training.banks.new";
import { loader as templateLoader } from "~/routes/training.banks.template[.csv]";
import { db } from "~/utils/db.server";
import { seedQuestionBanks } from "../../prisma/seed/training-banks";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";

let trainer: TestUser;
let trainerCookie: string;
let agentCookie: string;
let leadCookie: string;
let bankId: string;

function uploadForm(name: string, text: string, type = "text/csv") {
  const form = new FormData();
  form.append("file", new File([text], name, { type }));
  return form;
}

beforeAll(async () => {
  ({ user: trainer, cookie: trainerCookie } = await signInAs("trainer", { name: "周培训" }));
  ({ cookie: agentCookie } = await signInAs("agent"));
  ({ cookie: leadCookie } = await signInAs("team_lead"));
  const created = await callRoute(
    newBankAction,
    buildRequest("/training/banks/new", {
      cookie: trainerCookie,
      form: { slug: "after-sales-test", title: "售后政策测试题库", description: "集成测试" },
    }),
  );
  expect(created.status).toBe(302);
  bankId = created.location!.split("/").pop()!;
});

describe("question bank import", () => {
  it("imports a CSV, then changes nothing on the same file, then updates only the changed row", async () => {
    const csv = questionsToCsv(TEMPLATE_QUESTIONS);
    const first = await callRoute(
      importAction,
      buildRequest(`/training/banks/${bankId}/import`, { cookie: trainerCookie, form: uploadForm("q.csv", csv) }),
      { bankId },
    );
    expect(first.data).toMatchObject({ ok: true, result: { created: 5, updated: 0, unchanged: 0, errors: [] } });
    const again = await callRoute(
      importAction,
      buildRequest(`/training/banks/${bankId}/import`, { cookie: trainerCookie, form: uploadForm("q.csv", csv) }),
      { bankId },
    );
    expect(again.data).toMatchObject({ ok: true, result: { created: 0, updated: 0, unchanged: 5 } });
    const before = await db.question.findUniqueOrThrow({
      where: { bankId_key: { bankId, key: "asp-002" } },
      select: { updatedAt: true },
    });

    const changed = questionsToCsv(
      TEMPLATE_QUESTIONS.map((question) => (question.key === "asp-003" ? { ...question, points: 2 } : question)),
    );
    const third = await callRoute(
      importAction,
      buildRequest(`/training/banks/${bankId}/import`, { cookie: trainerCookie, form: uploadForm("q.csv", changed) }),
      { bankId },
    );
    expect(third.data).toMatchObject({ ok: true, result: { created: 0, updated: 1, unchanged: 4 } });
    const rows = await db.question.findMany({
      where: { bankId },
      select: { key: true, points: true, updatedAt: true },
    });
    expect(Number(rows.find((row) => row.key === "asp-003")!.points)).toBe(2);
    expect(rows.find((row) => row.key === "asp-002")!.updatedAt).toEqual(before.updatedAt);
    expect(await db.auditLog.count({ where: { action: "question-bank.import", entityId: bankId } })).toBe(2);
  });

  it("keeps valid rows and reports the bad ones with their line numbers (GB18030 file)", async () => {
    const text = [
      "key,type,category,difficulty,points,stem,option_A,option_B,answer,model_answer",
      "gb-1,single_choice,运费规则,easy,1,质量问题退货运费由谁承担？,商家,顾客,A,",
      "gb-2,single_choice,运费规则,easy,1,缺少正确答案,商家,顾客,,",
      "gb-3,short_answer,运费规则,hard,5,简述运费险理赔流程,,,,",
      "gb-4,true_false,运费规则,medium,1,七天无理由退货的运费一律由商家承担。,,,错,",
    ].join("\r\n");
    // Encoded as GB18030, the way Excel saves "CSV" on Chinese Windows.
    const gb = encodeGb18030(text);
    const form = new FormData();
    form.append("file", new File([gb], "题目.csv", { type: "text/csv" }));
    const result = await callRoute(
      importAction,
      buildRequest(`/training/banks/${bankId}/import`, { cookie: trainerCookie, form }),
      { bankId },
    );
    expect(result.data).toMatchObject({
      ok: true,
      result: {
        created: 2,
        errors: [
          { line: 3, key: "gb-2", messages: ["training-banks:errors.answerSingle"] },
          { line: 4, key: "gb-3", messages: ["training-banks:errors.modelAnswerRequired"] },
        ],
      },
    });
    const stem = await db.question.findUniqueOrThrow({
      where: { bankId_key: { bankId, key: "gb-1" } },
      select: { stem: true },
    });
    expect(stem.stem).toBe("质量问题退货运费由谁承担？");
  });

  it("refuses files over 1 MB and unknown formats", async () => {
    const big = await callRoute(
      importAction,
      buildRequest(`/training/banks/${bankId}/import`, {
        cookie: trainerCookie,
        form: uploadForm("big.csv", "x".repeat(1024 * 1024 + 1)),
      }),
      { bankId },
    );
    expect(big.status).toBe(413);
    const unknown = await callRoute(
      importAction,
      buildRequest(`/training/banks/${bankId}/import`, {
        cookie: trainerCookie,
        form: uploadForm("q.xlsx", "a,b", "application/octet-stream"),
      }),
      { bankId },
    );
    expect(unknown).toMatchObject({ status: 400, data: { formError: "training-banks:import.errors.format" } });
  });

  it("exports CSV and YAML that import back unchanged", async () => {
    const csv = await callRoute(
      exportCsvLoader,
      buildRequest(`/training/banks/${bankId}/export.csv`, { cookie: trainerCookie }),
      { bankId },
    );
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const yaml = await callRoute(
      exportYamlLoader,
      buildRequest(`/training/banks/${bankId}/export.yaml`, { cookie: trainerCookie }),
      { bankId },
    );
    expect(String(yaml.data)).toContain("title: 售后政策测试题库");
    const total = await db.question.count({ where: { bankId } });
    for (const [name, text] of [
      ["again.csv", String(csv.data)],
      ["again.yaml", String(yaml.data)],
    ] as const) {
      const result = await callRoute(
        importAction,
        buildRequest(`/training/banks/${bankId}/import`, { cookie: trainerCookie, form: uploadForm(name, text) }),
        { bankId },
      );
      expect(result.data).toMatchObject({ ok: true, result: { created: 0, updated: 0, unchanged: total, errors: [] } });
    }
  });
});

describe("question editing", () => {
  it("creates a question, keeps its key on edit, retires and restores it", async () => {
    const raw = {
      key: "edit-1",
      type: "fill_blank",
      category: "保修与维修",
      difficulty: "medium",
      competencies: "政策掌握",
      points: "2",
      stem: "三包有效期内，送修超过____日仍未修好的，可以要求____。",
      options: [],
      answer: [
        ["30", "三十"],
        ["换货", "调换"],
      ],
      scoring: null,
      modelAnswer: "",
      explanation: "",
    };
    const created = await callRoute(
      newQuestionAction,
      buildRequest(`/training/banks/${bankId}/questions/new`, {
        cookie: trainerCookie,
        form: { intent: "save", question: JSON.stringify(raw) },
      }),
      { bankId },
    );
    expect(created.status).toBe(302);
    const question = await db.question.findUniqueOrThrow({ where: { bankId_key: { bankId, key: "edit-1" } } });
    const edited = await callRoute(
      questionAction,
      buildRequest(`/training/banks/${bankId}/questions/${question.id}`, {
        cookie: trainerCookie,
        form: { intent: "save", question: JSON.stringify({ ...raw, key: "renamed", points: "3" }) },
      }),
      { bankId, questionId: question.id },
    );
    expect(edited.status).toBe(302);
    const after = await db.question.findUniqueOrThrow({ where: { id: question.id } });
    expect([after.key, Number(after.points)]).toEqual(["edit-1", 3]);
    expect(after.contentHash).not.toBe(question.contentHash);

    const bad = await callRoute(
      questionAction,
      buildRequest(`/training/banks/${bankId}/questions/${question.id}`, {
        cookie: trainerCookie,
        form: { intent: "save", question: JSON.stringify({ ...raw, answer: [["30"]] }) },
      }),
      { bankId, questionId: question.id },
    );
    expect(bad).toMatchObject({ status: 400, data: { fieldErrors: { answer: ["training-banks:errors.blankCount"] } } });

    await callRoute(
      questionAction,
      buildRequest(`/training/banks/${bankId}/questions/${question.id}`, {
        cookie: trainerCookie,
        form: { intent: "retire" },
      }),
      { bankId, questionId: question.id },
    );
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).active).toBe(false);
    const list = await callRoute(
      bankLoader,
      buildRequest(`/training/banks/${bankId}?state=retired`, { cookie: trainerCookie }),
      { bankId },
    );
    expect((list.data as { rows: { key: string }[] }).rows.map((row) => row.key)).toEqual(["edit-1"]);
    await callRoute(
      questionAction,
      buildRequest(`/training/banks/${bankId}/questions/${question.id}`, {
        cookie: trainerCookie,
        form: { intent: "restore" },
      }),
      { bankId, questionId: question.id },
    );
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).active).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: question.id } })).toBe(4);
  });

  it("lists banks with counts per type and difficulty", async () => {
    const result = await callRoute(banksLoader, buildRequest("/training/banks", { cookie: trainerCookie }));
    const bank = (result.data as { rows: { id: string; active: number; types: Record<string, number> }[] }).rows.find(
      (row) => row.id === bankId,
    )!;
    const grouped = await db.question.groupBy({ by: ["type"], where: { bankId, active: true }, _count: true });
    expect(bank.active).toBe(grouped.reduce((sum, row) => sum + row._count, 0));
    for (const row of grouped) expect(bank.types[row.type]).toBe(row._count);
  });
});

describe("permissions", () => {
  it("refuses agents and team leads on every bank loader and action", async () => {
    const question = await db.question.findFirstOrThrow({ where: { bankId }, select: { id: true } });
    const params = { bankId, questionId: question.id };
    for (const cookie of [agentCookie, leadCookie]) {
      const calls = [
        callRoute(banksLoader, buildRequest("/training/banks", { cookie })),
        callRoute(newBankLoader, buildRequest("/training/banks/new", { cookie })),
        callRoute(newBankAction, buildRequest("/training/banks/new", { cookie, form: { slug: "x-bank", title: "x" } })),
        callRoute(bankLoader, buildRequest(`/training/banks/${bankId}`, { cookie }), params),
        callRoute(bankAction, buildRequest(`/training/banks/${bankId}`, { cookie, form: { title: "改名" } }), params),
        callRoute(
          questionLoader,
          buildRequest(`/training/banks/${bankId}/questions/${question.id}`, { cookie }),
          params,
        ),
        callRoute(
          questionAction,
          buildRequest(`/training/banks/${bankId}/questions/${question.id}`, { cookie, form: { intent: "retire" } }),
          params,
        ),
        callRoute(importLoader, buildRequest(`/training/banks/${bankId}/import`, { cookie }), params),
        callRoute(
          importAction,
          buildRequest(`/training/banks/${bankId}/import`, { cookie, form: uploadForm("q.csv", "key,type,stem") }),
          params,
        ),
        callRoute(exportCsvLoader, buildRequest(`/training/banks/${bankId}/export.csv`, { cookie }), params),
        callRoute(exportYamlLoader, buildRequest(`/training/banks/${bankId}/export.yaml`, { cookie }), params),
        callRoute(templateLoader, buildRequest("/training/banks/template.csv", { cookie })),
      ];
      for (const result of await Promise.all(calls)) expect(result.status).toBe(403);
    }
    expect((await db.questionBank.findUniqueOrThrow({ where: { id: bankId } })).title).toBe("售后政策测试题库");
  });
});

describe("seed", () => {
  it("loads the content banks (≥ 80 questions) and changes nothing the second time", async () => {
    const first = await seedQuestionBanks();
    expect(first).toMatch(/questions: \d+ created/);
    const count = await db.question.count({ where: { bank: { source: "file" } } });
    expect(count).toBeGreaterThanOrEqual(80);
    const hashes = await db.question.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
    const second = await seedQuestionBanks();
    expect(second).toMatch(/0 created, 0 updated/);
    expect(second).toMatch(/questions: 0 created, 0 updated/);
    expect(await db.question.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(
      hashes,
    );
    void trainer;
  });
});

/** GB18030 bytes of the text. Node has no GB18030 encoder: a reverse table of the characters used is built by
 * decoding the two-byte GBK code points. */
function encodeGb18030(text: string): Uint8Array<ArrayBuffer> {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  const needed = new Set([...text].filter((char) => char.charCodeAt(0) > 0x7f));
  for (let lead = 0x81; lead <= 0xfe && table.size < needed.size; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (needed.has(char) && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code <= 0x7f) bytes.push(code);
    else bytes.push(...(table.get(char) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}
