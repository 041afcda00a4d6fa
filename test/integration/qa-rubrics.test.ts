import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { syncRubricsFromContent } from "~/modules/qa/rubrics/rubric-content.server";
import { loadRubricVersion } from "~/modules/qa/rubrics/rubric-version.server";
import { action as detailAction, loader as detailLoader } from "~/routes/qa.rubrics.$rubricId";
import { action as editAction, loader as editLoader } from "~/routes/qa.rubrics.$rubricId_.edit";
import { loader as listLoader } from "~/routes/qa.rubrics._index";
import { action as newAction, loader as newLoader } from "~/routes/qa.rubrics.new";
import { db } from "~/utils/db.server";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestReview } from "../support/qa-fixtures";

let lead: TestUser;
let leadCookie: string;
let inspector: TestUser;
let inspectorCookie: string;

beforeAll(async () => {
  ({ user: lead, cookie: leadCookie } = await signInAs("qa_lead", { name: "赵静怡" }));
  ({ user: inspector, cookie: inspectorCookie } = await signInAs("qa_inspector"));
});

const definition = (overrides: Record<string, unknown> = {}) => ({
  name: "售后在线质检表",
  description: "售后服务组日常抽检",
  passMark: 80,
  channels: ["chat"],
  sections: [
    {
      name: "服务规范",
      criteria: [
        { key: "greeting", name: "开场问候", weight: 1, scale: "binary" },
        { name: "信息准确", weight: 2, scale: "five", allowNa: true, competency: "product-knowledge" },
      ],
    },
    {
      name: "红线与加分",
      criteria: [
        { key: "privacy", name: "客户信息保护", weight: 1, scale: "binary", critical: true },
        { key: "care", name: "主动关怀", weight: 1, scale: "binary", bonus: true, maxPoints: 3 },
      ],
    },
  ],
  ...overrides,
});

function post(route: string, form: Record<string, string>, cookie = leadCookie) {
  return buildRequest(route, { cookie, form });
}

async function createViaAction(input = definition()) {
  const result = await callRoute(
    newAction,
    post("/qa/rubrics/new", { intent: "save", definition: JSON.stringify(input) }),
  );
  expect(result.status).toBe(302);
  return result.location!.split("/").pop()!;
}

async function saveViaAction(
  rubricId: string,
  input: unknown,
  extra: Record<string, string> = {},
  cookie = leadCookie,
) {
  return callRoute(
    editAction,
    post(`/qa/rubrics/${rubricId}/edit`, { intent: "save", definition: JSON.stringify(input), ...extra }, cookie),
    { rubricId },
  );
}

async function versionsOf(rubricId: string) {
  return db.rubricVersion.findMany({
    where: { rubricId },
    orderBy: { version: "asc" },
    select: {
      id: true,
      version: true,
      passMark: true,
      criteria: {
        orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
        select: { id: true, key: true, name: true, weight: true },
      },
    },
  });
}

const auditCount = (rubricId: string, action?: string) =>
  db.auditLog.count({ where: { entityType: "rubric", entityId: rubricId, ...(action ? { action } : {}) } });

describe("creating a rubric", () => {
  it("creates a draft with version 1, generated keys for new criteria and an audit entry", async () => {
    const rubricId = await createViaAction();
    const rubric = await db.rubric.findUniqueOrThrow({
      where: { id: rubricId },
      select: { status: true, name: true, createdById: true },
    });
    expect(rubric).toEqual({ status: "draft", name: "售后在线质检表", createdById: lead.id });
    const [version] = await versionsOf(rubricId);
    expect(version!.version).toBe(1);
    const keys = version!.criteria.map((criterion) => criterion.key);
    expect(keys[0]).toBe("greeting");
    expect(keys[1]).toMatch(/^c-[a-z0-9]{6}$/);
    expect(keys.slice(2)).toEqual(["privacy", "care"]);
    expect(await auditCount(rubricId, "rubric.create")).toBe(1);
  });

  it("answers 400 with field errors by path for an invalid definition", async () => {
    const before = await db.rubric.count();
    const invalid = definition({
      passMark: 120,
      sections: [
        {
          name: "",
          criteria: [
            { key: "a", name: "权重为零", weight: 0, scale: "binary" },
            { key: "a", name: "又红线又加分", weight: 1, scale: "points", critical: true, bonus: true },
          ],
        },
      ],
    });
    const result = await callRoute(
      newAction,
      post("/qa/rubrics/new", { intent: "save", definition: JSON.stringify(invalid) }),
    );
    expect(result.status).toBe(400);
    const { errors } = result.data as { errors: Record<string, string[]> };
    expect(errors).toMatchObject({
      passMark: ["qa-rubrics:errors.passMarkRange"],
      "sections.0.name": ["validation:required"],
      "sections.0.criteria.0.weight": ["qa-rubrics:errors.weightPositive"],
      "sections.0.criteria.1.key": ["qa-rubrics:errors.keyTaken"],
      "sections.0.criteria.1.critical": ["qa-rubrics:errors.criticalBonus"],
      "sections.0.criteria.1.maxPoints": ["qa-rubrics:errors.maxPointsForPoints"],
    });
    expect(await db.rubric.count()).toBe(before);
  });

  it("answers 400 to a post that is not a definition", async () => {
    const result = await callRoute(newAction, post("/qa/rubrics/new", { intent: "save", definition: "{oops" }));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ errors: { "": ["qa-rubrics:errors.malformed"] } });
  });
});

describe("permissions", () => {
  it("lets inspectors read but not edit", async () => {
    const rubricId = await createViaAction();
    const list = await callRoute(listLoader, buildRequest("/qa/rubrics", { cookie: inspectorCookie }));
    expect(list.status).toBe(200);
    expect(list.data).toMatchObject({ canManage: false });
    const detail = await callRoute(detailLoader, buildRequest(`/qa/rubrics/${rubricId}`, { cookie: inspectorCookie }), {
      rubricId,
    });
    expect(detail.status).toBe(200);
    expect(detail.data).toMatchObject({ canManage: false, nextStatuses: [] });

    expect((await callRoute(newLoader, buildRequest("/qa/rubrics/new", { cookie: inspectorCookie }))).status).toBe(403);
    expect(
      (
        await callRoute(editLoader, buildRequest(`/qa/rubrics/${rubricId}/edit`, { cookie: inspectorCookie }), {
          rubricId,
        })
      ).status,
    ).toBe(403);
    const create = await callRoute(
      newAction,
      post("/qa/rubrics/new", { definition: JSON.stringify(definition()) }, inspectorCookie),
    );
    expect(create.status).toBe(403);
    const edit = await saveViaAction(rubricId, definition({ passMark: 60 }), {}, inspectorCookie);
    expect(edit.status).toBe(403);
    const status = await callRoute(
      detailAction,
      post(`/qa/rubrics/${rubricId}`, { intent: "status", status: "active" }, inspectorCookie),
      { rubricId },
    );
    expect(status.status).toBe(403);
    expect((await versionsOf(rubricId))[0]!.passMark).toBe(80);
  });

  it("keeps agents out entirely", async () => {
    const { cookie } = await signInAs("agent");
    expect((await callRoute(listLoader, buildRequest("/qa/rubrics", { cookie }))).status).toBe(403);
  });

  it("lets managers edit", async () => {
    const { cookie } = await signInAs("manager");
    expect((await callRoute(newLoader, buildRequest("/qa/rubrics/new", { cookie }))).status).toBe(200);
  });
});

describe("editing and versions", () => {
  it("edits in place while no review uses the version, keeping criterion keys", async () => {
    const rubricId = await createViaAction();
    const [before] = await versionsOf(rubricId);
    const edit = await callRoute(editLoader, buildRequest(`/qa/rubrics/${rubricId}/edit`, { cookie: leadCookie }), {
      rubricId,
    });
    const stored = (
      edit.data as { rubric: { definition: ReturnType<typeof definition>; inUse: boolean; version: number } }
    ).rubric;
    expect(stored.inUse).toBe(false);

    stored.definition.passMark = 85;
    stored.definition.sections[0]!.criteria[1]!.weight = 3;
    const result = await saveViaAction(rubricId, stored.definition, { baseVersion: "1" });
    expect(result.status).toBe(302);

    const after = await versionsOf(rubricId);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before!.id);
    expect(after[0]!.passMark).toBe(85);
    expect(after[0]!.criteria.map((criterion) => criterion.key)).toEqual(
      before!.criteria.map((criterion) => criterion.key),
    );
    expect(after[0]!.criteria[1]!.weight).toBe(3);
    expect(await auditCount(rubricId, "rubric.update")).toBe(1);
  });

  it("changes nothing when the saved definition is unchanged", async () => {
    const rubricId = await createViaAction();
    const edit = await callRoute(editLoader, buildRequest(`/qa/rubrics/${rubricId}/edit`, { cookie: leadCookie }), {
      rubricId,
    });
    const { definition: stored } = (edit.data as { rubric: { definition: unknown } }).rubric;
    const audits = await auditCount(rubricId);
    const result = await saveViaAction(rubricId, stored);
    expect(result.status).toBe(302);
    expect(await auditCount(rubricId)).toBe(audits);
    expect(await versionsOf(rubricId)).toHaveLength(1);
  });

  it("creates version 2 once a review exists; the old review keeps version 1 and its criteria", async () => {
    const rubricId = await createViaAction();
    const [v1] = await versionsOf(rubricId);
    const conversation = await createTestConversation();
    const [greeting, accuracy, privacy, care] = v1!.criteria;
    const review = await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.id,
      rubricVersionId: v1!.id,
      status: "submitted",
      score: 90,
      values: {
        [greeting!.id]: { value: 1, score: 1 },
        [accuracy!.id]: { value: 4, score: 0.75 },
        [privacy!.id]: { value: 1, score: 1 },
        [care!.id]: { value: 0, score: 0, failed: true },
      },
    });

    const edit = await callRoute(editLoader, buildRequest(`/qa/rubrics/${rubricId}/edit`, { cookie: leadCookie }), {
      rubricId,
    });
    const stored = (edit.data as { rubric: { definition: ReturnType<typeof definition>; inUse: boolean } }).rubric;
    expect(stored.inUse).toBe(true);
    stored.definition.sections[0]!.criteria[0]!.name = "开场问候与自我介绍";
    stored.definition.sections[0]!.criteria.push({ name: "需求确认", weight: 1, scale: "three" } as never);

    const result = await saveViaAction(rubricId, stored.definition, { baseVersion: "1" });
    expect(result.status).toBe(302);

    const versions = await versionsOf(rubricId);
    expect(versions.map((version) => version.version)).toEqual([1, 2]);
    const [oldVersion, newVersion] = versions;
    expect(oldVersion!.criteria).toEqual(v1!.criteria);
    expect(newVersion!.criteria.slice(0, 2).map((c) => c.key)).toEqual(v1!.criteria.slice(0, 2).map((c) => c.key));
    expect(newVersion!.criteria[0]!.name).toBe("开场问候与自我介绍");
    expect(newVersion!.criteria).toHaveLength(5);

    const kept = await db.review.findUniqueOrThrow({
      where: { id: review.id },
      select: { rubricVersionId: true, scores: { select: { criterionId: true } } },
    });
    expect(kept.rubricVersionId).toBe(v1!.id);
    expect(kept.scores.map((score) => score.criterionId).sort()).toEqual(v1!.criteria.map((c) => c.id).sort());
    const loaded = await loadRubricVersion(v1!.id);
    expect(loaded!.criteria.map((criterion) => criterion.name)).toEqual([
      "开场问候",
      "信息准确",
      "客户信息保护",
      "主动关怀",
    ]);
    expect(await auditCount(rubricId, "rubric.version")).toBe(1);

    // The page shows the current version by default and old ones on request.
    const detail = await callRoute(detailLoader, buildRequest(`/qa/rubrics/${rubricId}`, { cookie: inspectorCookie }), {
      rubricId,
    });
    expect(detail.data).toMatchObject({ current: 2, version: { version: 2 } });
    const old = await callRoute(
      detailLoader,
      buildRequest(`/qa/rubrics/${rubricId}?version=1`, { cookie: inspectorCookie }),
      { rubricId },
    );
    expect(old.data).toMatchObject({ current: 2, version: { version: 1 } });
    const missing = await callRoute(
      detailLoader,
      buildRequest(`/qa/rubrics/${rubricId}?version=9`, { cookie: inspectorCookie }),
      { rubricId },
    );
    expect(missing.status).toBe(404);

    // Saving from the stale version 1 editor is refused.
    const stale = await saveViaAction(rubricId, stored.definition, { baseVersion: "1" });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ formErrors: ["qa-rubrics:errors.staleVersion"] });

    const list = await callRoute(listLoader, buildRequest("/qa/rubrics", { cookie: leadCookie }));
    const row = (list.data as { rows: { id: string; version: number; reviews: number; criteria: number }[] }).rows.find(
      (entry) => entry.id === rubricId,
    );
    expect(row).toMatchObject({ version: 2, reviews: 1, criteria: 5 });
  });

  it("answers 404 for an unknown rubric", async () => {
    const result = await saveViaAction("nope", definition());
    expect(result.status).toBe(404);
  });
});

describe("status", () => {
  it("moves draft → active → archived → active with audit entries, and refuses going back to draft", async () => {
    const rubricId = await createViaAction();
    const change = (status: string) =>
      callRoute(detailAction, post(`/qa/rubrics/${rubricId}`, { intent: "status", status }), { rubricId });
    expect((await change("active")).status).toBe(302);
    expect((await change("archived")).status).toBe(302);
    expect((await change("active")).status).toBe(302);
    const back = await change("draft");
    expect(back.status).toBe(409);
    expect((await change("bogus")).status).toBe(400);
    expect(await db.rubric.findUniqueOrThrow({ where: { id: rubricId }, select: { status: true } })).toEqual({
      status: "active",
    });
    expect(await auditCount(rubricId, "rubric.status")).toBe(3);

    const archived = await callRoute(listLoader, buildRequest("/qa/rubrics?status=draft", { cookie: leadCookie }));
    const ids = (archived.data as { rows: { id: string }[] }).rows.map((entry) => entry.id);
    expect(ids).not.toContain(rubricId);
  });
});

describe("content sync", () => {
  it("seeds the three content rubrics as active, and a second run changes nothing", async () => {
    const first = await seedQaRubrics();
    expect(first).toContain("3 created");
    const rubrics = await db.rubric.findMany({
      where: { slug: { in: ["chat-general", "complaint-handling", "phone-service"] } },
      select: { slug: true, status: true, name: true },
      orderBy: { slug: "asc" },
    });
    expect(rubrics).toEqual([
      { slug: "chat-general", status: "active", name: "在线客服通用质检表" },
      { slug: "complaint-handling", status: "active", name: "投诉处理质检表" },
      { slug: "phone-service", status: "active", name: "电话客服质检表" },
    ]);
    const audits = await db.auditLog.count();
    const versions = await db.rubricVersion.count();
    const second = await seedQaRubrics();
    expect(second).toContain("3 unchanged");
    expect(await db.auditLog.count()).toBe(audits);
    expect(await db.rubricVersion.count()).toBe(versions);
  });

  it("applies changed content in place until a review exists, then as a new version", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rubrics-"));
    const source = parseYaml(
      readFileSync(path.resolve(import.meta.dirname, "../../content/qa/rubrics/phone-service.yaml"), "utf8"),
    ) as { name: string; passMark: number; sections: { criteria: { weight: number }[] }[] };
    const file = path.join(dir, "sync-test.yaml");
    const write = () => writeFileSync(file, stringifyYaml({ ...source, name: "回访电话质检表" }));
    write();

    expect((await syncRubricsFromContent(dir)).created).toEqual(["sync-test"]);
    expect((await syncRubricsFromContent(dir)).unchanged).toEqual(["sync-test"]);
    const rubric = await db.rubric.findUniqueOrThrow({
      where: { slug: "sync-test" },
      select: { id: true, status: true },
    });
    expect(rubric.status).toBe("draft");

    source.sections[0]!.criteria[0]!.weight = 4;
    write();
    expect((await syncRubricsFromContent(dir)).updated).toEqual(["sync-test"]);
    let versions = await versionsOf(rubric.id);
    expect(versions.map((version) => version.version)).toEqual([1]);
    expect(versions[0]!.criteria[0]!.weight).toBe(4);

    const conversation = await createTestConversation({ channel: "phone" });
    await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.id,
      rubricVersionId: versions[0]!.id,
    });
    expect((await syncRubricsFromContent(dir)).unchanged).toEqual(["sync-test"]);

    source.passMark = 82;
    write();
    expect((await syncRubricsFromContent(dir)).versioned).toEqual(["sync-test"]);
    versions = await versionsOf(rubric.id);
    expect(versions.map((version) => [version.version, version.passMark])).toEqual([
      [1, 80],
      [2, 82],
    ]);
    expect((await syncRubricsFromContent(dir)).unchanged).toEqual(["sync-test"]);
  });

  it("refuses a broken file before writing anything", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rubrics-"));
    writeFileSync(
      path.join(dir, "a-good.yaml"),
      stringifyYaml(definition({ sections: [{ name: "一", criteria: [{ key: "a", name: "A", scale: "binary" }] }] })),
    );
    writeFileSync(path.join(dir, "b-bad.yaml"), stringifyYaml(definition({ passMark: 300 })));
    await expect(syncRubricsFromContent(dir)).rejects.toThrow(/b-bad\.yaml: passMark/);
    expect(await db.rubric.count({ where: { slug: "a-good" } })).toBe(0);
  });
});
