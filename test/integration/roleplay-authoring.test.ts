/**
 * Scenario authoring through real Requests: create → edit the draft (400 with field errors, an invalid script is kept
 * but publishing is refused with the issues) → publish v1 → new draft → publish v2 (v1 superseded, its sessions keep
 * it) → archive; the YAML view; test-play; agents refused everywhere; the content sync (idempotent, a changed file is
 * a new version, app-authored scenarios are never overwritten).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { EditorValues, FieldErrors } from "~/modules/roleplay/authoring";
import { syncScenarios } from "~/modules/roleplay/content-sync.server";
import { startRolePlaySession } from "~/modules/roleplay/sessions.server";
import { action as overviewAction, loader as overviewLoader } from "~/routes/training.scenarios.$scenarioId";
import { action as editAction, loader as editLoader } from "~/routes/training.scenarios.$scenarioId_.edit";
import { action as testAction, loader as testLoader } from "~/routes/training.scenarios.$scenarioId_.[test]";
import { loader as listLoader } from "~/routes/training.scenarios._index";
import { action as newAction, loader as newLoader } from "~/routes/training.scenarios.new";
import { db } from "~/utils/db.server";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { buildRequest, callRoute, signInAs, type FormFields, type TestUser } from "../support/auth";

const CONTENT = path.resolve(import.meta.dirname, "../../content/scenarios");

let trainer: TestUser;
let trainerCookie: string;
let agent: TestUser;
let agentCookie: string;
let scenarioId: string;

const NEW_SCENARIO: FormFields = {
  slug: "price-protection",
  title: "价保退差价",
  summary: "签收后降价，顾客申请退差价",
  difficulty: "easy",
  channel: "chat",
  tags: "价保, 退差价",
  goal: "按 15 天价保规则为顾客退差价",
  personaName: "吴女士",
  mood: "calm",
  patience: "3",
  opening: "我 11 月 5 日签收的空气炸锅现在便宜了 30 块，能退差价吗？",
  orderNumber: "2026110300441122",
  productName: "优品 5.5L 空气炸锅 KZ-55",
  price: "399",
  issue: "签收后 10 天降价 30 元",
  orderedAt: "2026-11-03",
};

/** Flattens editor values into the form fields the editor posts. */
function toForm(value: unknown, prefix = "", out: FormFields = {}): FormFields {
  if (typeof value === "string") out[prefix] = value;
  else if (Array.isArray(value)) value.forEach((item, index) => toForm(item, `${prefix}[${index}]`, out));
  else
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      toForm(item, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

type EditData = { values: EditorValues; stamp: string; yaml: string; issues: { severity: string; code: string }[] };

async function openEditor() {
  const result = await callRoute(
    editLoader,
    buildRequest(`/training/scenarios/${scenarioId}/edit`, { cookie: trainerCookie }),
    {
      scenarioId,
    },
  );
  expect(result.status).toBe(200);
  return result.data as EditData;
}

async function saveForm(values: EditorValues, stamp: string) {
  return callRoute(
    editAction,
    buildRequest(`/training/scenarios/${scenarioId}/edit`, {
      cookie: trainerCookie,
      form: { intent: "save", stamp, ...toForm(values) },
    }),
    { scenarioId },
  );
}

async function overview(intent: string, cookie = trainerCookie) {
  return callRoute(overviewAction, buildRequest(`/training/scenarios/${scenarioId}`, { cookie, form: { intent } }), {
    scenarioId,
  });
}

beforeAll(async () => {
  ({ user: trainer, cookie: trainerCookie } = await signInAs("trainer"));
  ({ user: agent, cookie: agentCookie } = await signInAs("agent"));
  await seedQaRubrics();
});

describe("authoring a scenario", () => {
  it("refuses a bad create with field errors and creates a playable draft v1", async () => {
    const bad = await callRoute(
      newAction,
      buildRequest("/training/scenarios/new", {
        cookie: trainerCookie,
        form: { ...NEW_SCENARIO, slug: "价保", patience: "20" },
      }),
    );
    expect(bad.status).toBe(400);
    const errors = (bad.data as { error: Record<string, string[]> }).error;
    expect(errors.slug).toEqual(["roleplay:authoring.errors.slugFormat"]);
    expect(errors.patience).toEqual(["roleplay:authoring.errors.patienceRange"]);

    const created = await callRoute(
      newAction,
      buildRequest("/training/scenarios/new", { cookie: trainerCookie, form: NEW_SCENARIO }),
    );
    expect(created.status).toBe(302);
    scenarioId = created.location!.split("/")[3]!;
    expect(created.location).toBe(`/training/scenarios/${scenarioId}/edit`);
    const versions = await db.scenarioVersion.findMany({
      where: { scenarioId },
      select: { version: true, status: true },
    });
    expect(versions).toEqual([{ version: 1, status: "draft" }]);
    expect(await db.auditLog.count({ where: { action: "scenario.create", entityId: scenarioId } })).toBe(1);

    const duplicate = await callRoute(
      newAction,
      buildRequest("/training/scenarios/new", { cookie: trainerCookie, form: NEW_SCENARIO }),
    );
    expect(duplicate.status).toBe(409);
  });

  it("answers 400 with per-field errors and the typed values, without saving", async () => {
    const { values, stamp } = await openEditor();
    values.title = "价保退差价（修改中）";
    values.persona.patience = "很多";
    values.intents[0]!.key = "问候";
    values.scoring.stepsWeight = "90";
    const result = await saveForm(values, stamp);
    expect(result.status).toBe(400);
    const body = result.data as { values: EditorValues; fieldErrors: FieldErrors };
    expect(body.values.title).toBe("价保退差价（修改中）");
    expect(body.fieldErrors["persona.patience"]).toEqual(["roleplay:authoring.errors.number"]);
    expect(body.fieldErrors["intents[0].key"]).toEqual(["roleplay:authoring.errors.key"]);
    expect(body.fieldErrors.scoring).toEqual(["roleplay:authoring.errors.weightsSum"]);
    const draft = await db.scenarioVersion.findFirstOrThrow({ where: { scenarioId }, select: { title: true } });
    expect(draft.title).toBe("价保退差价");
  });

  it("keeps an invalid script as the draft, but refuses to publish it and lists the issues", async () => {
    const { values, stamp } = await openEditor();
    values.nodes[0]!.transitions.push({ when: "greet", unless: "", to: "nowhere" });
    values.nodes.push({ id: "orphan", customer: "没人会走到这里", hint: "", fallback: "", end: "", transitions: [] });
    const saved = await saveForm(values, stamp);
    expect(saved.status).toBe(302);
    const { issues } = await openEditor();
    expect(issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(["unknown_node", "unreachable_node", "no_way_out", "shadowed_transition"]),
    );

    const refused = await overview("publish");
    expect(refused.status).toBe(400);
    const body = refused.data as { problem: string; issues: { severity: string; nodeId?: string }[] };
    expect(body.problem).toBe("roleplay:authoring.errors.publishBlocked");
    expect(body.issues.some((issue) => issue.severity === "error" && issue.nodeId === "orphan")).toBe(true);
    expect(await db.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { status: true } })).toEqual({
      status: "draft",
    });
  });

  it("refuses a save made on a stale copy with 409, keeping the typed values", async () => {
    const { values } = await openEditor();
    const result = await saveForm(values, "2020-01-01T00:00:00.000Z");
    expect(result.status).toBe(409);
    expect((result.data as { problem: string }).problem).toBe("roleplay:authoring.errors.stale");
  });

  it("fixes the script through the YAML view and publishes v1", async () => {
    const { yaml, stamp } = await openEditor();
    const broken = await callRoute(
      editAction,
      buildRequest(`/training/scenarios/${scenarioId}/edit`, {
        cookie: trainerCookie,
        form: { intent: "yaml", stamp, yaml: "title: [没有闭合" },
      }),
      { scenarioId },
    );
    expect(broken.status).toBe(400);
    expect((broken.data as { errors: string[] }).errors[0]).toMatch(/^YAML:/);

    const fixed = yaml
      .replace(/\n {6}- when:\n {10}- greet\n {8}unless: \[\]\n {8}to: nowhere/, "")
      .replace(/\n {2}- id: orphan[\s\S]*?(?=\nsteps:)/, "");
    const saved = await callRoute(
      editAction,
      buildRequest(`/training/scenarios/${scenarioId}/edit`, {
        cookie: trainerCookie,
        form: { intent: "yaml", stamp, yaml: fixed },
      }),
      { scenarioId },
    );
    expect(saved.status).toBe(302);
    expect((await openEditor()).issues.filter((issue) => issue.severity === "error")).toEqual([]);

    const published = await overview("publish");
    expect(published.status).toBe(302);
    const scenario = await db.scenario.findUniqueOrThrow({
      where: { id: scenarioId },
      select: { status: true, title: true, tags: true, publishedVersion: { select: { version: true, status: true } } },
    });
    expect(scenario).toEqual({
      status: "published",
      title: "价保退差价",
      tags: ["价保", "退差价"],
      publishedVersion: { version: 1, status: "published" },
    });
    expect(await db.auditLog.count({ where: { action: "scenario.publish", entityId: scenarioId } })).toBe(1);
  });

  it("publishes v2 from a new draft: v1 is superseded and its sessions keep it", async () => {
    const practice = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice" });
    const created = await overview("new-draft");
    expect(created.status).toBe(302);
    expect(created.location).toBe(`/training/scenarios/${scenarioId}/edit`);
    const { values, stamp } = await openEditor();
    values.title = "价保退差价（15 天）";
    values.scoring.rubric = "complaint-handling";
    values.scoring.humanWeight = "40";
    expect((await saveForm(values, stamp)).status).toBe(302);
    expect((await overview("publish")).status).toBe(302);

    const versions = await db.scenarioVersion.findMany({
      where: { scenarioId },
      orderBy: { version: "asc" },
      select: { version: true, status: true, rubricVersionId: true },
    });
    expect(versions.map((version) => [version.version, version.status])).toEqual([
      [1, "superseded"],
      [2, "published"],
    ]);
    const rubricVersion = await db.rubricVersion.findFirstOrThrow({
      where: { rubric: { slug: "complaint-handling" } },
      orderBy: { version: "desc" },
      select: { id: true },
    });
    expect(versions[1]!.rubricVersionId).toBe(rubricVersion.id);
    const session = await db.rolePlaySession.findUniqueOrThrow({
      where: { id: practice.sessionId },
      select: { scenarioVersion: { select: { version: true } } },
    });
    expect(session.scenarioVersion.version).toBe(1);
    const scenario = await db.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { title: true } });
    expect(scenario.title).toBe("价保退差价（15 天）");
  });

  it("test-plays the draft (or the published version) as a test session", async () => {
    const page = await callRoute(
      testLoader,
      buildRequest(`/training/scenarios/${scenarioId}/test`, { cookie: trainerCookie }),
      {
        scenarioId,
      },
    );
    expect((page.data as { version: { version: number } }).version.version).toBe(2);
    const started = await callRoute(
      testAction,
      buildRequest(`/training/scenarios/${scenarioId}/test`, { cookie: trainerCookie, form: {} }),
      { scenarioId },
    );
    expect(started.status).toBe(302);
    const sessionId = started.location!.split("/").at(-1)!;
    expect(started.location).toBe(`/learn/roleplay/sessions/${sessionId}`);
    const session = await db.rolePlaySession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { mode: true, userId: true, scenarioVersion: { select: { version: true } } },
    });
    expect(session).toEqual({ mode: "test", userId: trainer.id, scenarioVersion: { version: 2 } });
  });

  it("lists, archives and restores", async () => {
    const list = await callRoute(listLoader, buildRequest("/training/scenarios?q=价保", { cookie: trainerCookie }));
    const rows = (list.data as { rows: { id: string; version: number; sessions: number }[] }).rows;
    // The test-play does not count; the agent's practice does.
    expect(rows).toEqual([expect.objectContaining({ id: scenarioId, version: 2, sessions: 1 })]);
    expect((await overview("archive")).status).toBe(302);
    expect((await db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).status).toBe("archived");
    const editing = await callRoute(
      editLoader,
      buildRequest(`/training/scenarios/${scenarioId}/edit`, { cookie: trainerCookie }),
      {
        scenarioId,
      },
    );
    expect(editing.status).toBe(409);
    expect((await overview("restore")).status).toBe(302);
    expect((await db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).status).toBe("published");
    expect(
      await db.auditLog.count({
        where: { entityId: scenarioId, action: { in: ["scenario.archive", "scenario.restore"] } },
      }),
    ).toBe(2);
  });

  it("refuses agents on every authoring loader and action", async () => {
    const base = `/training/scenarios/${scenarioId}`;
    const calls = [
      callRoute(listLoader, buildRequest("/training/scenarios", { cookie: agentCookie })),
      callRoute(newLoader, buildRequest("/training/scenarios/new", { cookie: agentCookie })),
      callRoute(newAction, buildRequest("/training/scenarios/new", { cookie: agentCookie, form: NEW_SCENARIO })),
      callRoute(overviewLoader, buildRequest(base, { cookie: agentCookie }), { scenarioId }),
      overview("publish", agentCookie),
      callRoute(editLoader, buildRequest(`${base}/edit`, { cookie: agentCookie }), { scenarioId }),
      callRoute(
        editAction,
        buildRequest(`${base}/edit`, { cookie: agentCookie, form: { intent: "save", stamp: "" } }),
        {
          scenarioId,
        },
      ),
      callRoute(testLoader, buildRequest(`${base}/test`, { cookie: agentCookie }), { scenarioId }),
      callRoute(testAction, buildRequest(`${base}/test`, { cookie: agentCookie, form: {} }), { scenarioId }),
    ];
    expect((await Promise.all(calls)).map((result) => result.status)).toEqual(Array(calls.length).fill(403));
  });
});

describe("content sync", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "scenarios-"));
    for (const slug of ["logistics-delay", "seven-day-return"]) {
      copyFileSync(path.join(CONTENT, `${slug}.yaml`), path.join(dir, `${slug}.yaml`));
    }
    // A file whose slug an app-authored scenario already uses.
    copyFileSync(path.join(CONTENT, "warranty-repair.yaml"), path.join(dir, "price-protection.yaml"));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = () =>
    db.scenarioVersion.findMany({
      orderBy: [{ scenarioId: "asc" }, { version: "asc" }],
      select: { id: true, version: true, status: true, contentHash: true, updatedAt: true },
    });

  it("creates published file scenarios once; a second run changes nothing; app-authored ones are skipped", async () => {
    const first = await syncScenarios(dir);
    expect(first).toEqual({
      created: ["logistics-delay", "seven-day-return"],
      updated: [],
      unchanged: [],
      skipped: ["price-protection"],
    });
    const before = await snapshot();
    const second = await syncScenarios(dir);
    expect(second).toEqual({
      created: [],
      updated: [],
      unchanged: ["logistics-delay", "seven-day-return"],
      skipped: ["price-protection"],
    });
    expect(await snapshot()).toEqual(before);
    const app = await db.scenario.findUniqueOrThrow({ where: { slug: "price-protection" }, select: { title: true } });
    expect(app.title).toBe("价保退差价（15 天）");
  });

  it("publishes a changed file as a new version and supersedes the old one", async () => {
    const file = path.join(dir, "logistics-delay.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: 物流三天不更新", "title: 物流三天不更新（大促）"));
    const report = await syncScenarios(dir);
    expect(report.updated).toEqual(["logistics-delay"]);
    const scenario = await db.scenario.findUniqueOrThrow({
      where: { slug: "logistics-delay" },
      select: {
        title: true,
        source: true,
        versions: { orderBy: { version: "asc" }, select: { version: true, status: true } },
      },
    });
    expect(scenario).toEqual({
      title: "物流三天不更新（大促）",
      source: "file",
      versions: [
        { version: 1, status: "superseded" },
        { version: 2, status: "published" },
      ],
    });
  });

  it("stops syncing a file scenario once it is edited in the app", async () => {
    const fileScenario = await db.scenario.findUniqueOrThrow({
      where: { slug: "seven-day-return" },
      select: { id: true },
    });
    scenarioId = fileScenario.id;
    expect((await overview("new-draft")).status).toBe(302);
    expect((await db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).source).toBe("app");
    const file = path.join(dir, "seven-day-return.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("difficulty: easy", "difficulty: medium"));
    expect((await syncScenarios(dir)).skipped).toEqual(["price-protection", "seven-day-return"]);
  });

  it("discards a draft (with its test-plays) and refuses when there is none", async () => {
    const draft = await db.scenarioVersion.findFirstOrThrow({
      where: { scenarioId, status: "draft" },
      select: { id: true },
    });
    await startRolePlaySession({ userId: trainer.id, scenarioId, mode: "test", versionId: draft.id });
    expect((await overview("discard")).status).toBe(302);
    expect(await db.scenarioVersion.count({ where: { scenarioId } })).toBe(1);
    expect(await db.rolePlaySession.count({ where: { scenarioVersionId: draft.id } })).toBe(0);
    const again = await overview("discard");
    expect(again.status).toBe(409);
    expect((again.data as { problem: string }).problem).toBe("roleplay:authoring.errors.noDraft");
  });

  it("rejects a broken file before writing anything", async () => {
    writeFileSync(path.join(dir, "broken.yaml"), "title: 坏文件\ngoal: 测试\n");
    const before = await snapshot();
    await expect(syncScenarios(dir)).rejects.toThrow(/broken\.yaml/);
    expect(await snapshot()).toEqual(before);
  });
});
