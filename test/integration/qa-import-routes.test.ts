import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jobsMode } from "~/modules/jobs/queue.server";
import { hashToken } from "~/modules/qa/api-tokens.server";
import { importStoredFile } from "~/modules/qa/import/import.server";
import type { Transcript } from "~/modules/qa/transcript.server";
import { action as tokensAction, loader as tokensLoader } from "~/routes/admin.api-tokens";
import { loader as batchLoader } from "~/routes/admin.imports.$batchId";
import { loader as rejectionsCsvLoader } from "~/routes/admin.imports.$batchId.rejections[.csv]";
import { action as uploadAction } from "~/routes/admin.imports._index";
import { action as settingsAction } from "~/routes/admin.qa-settings";
import { action as apiAction, loader as apiLoader } from "~/routes/api.v1.conversations";
import { loader as conversationLoader } from "~/routes/qa.conversations.$conversationId";
import { loader as conversationsLoader } from "~/routes/qa.conversations._index";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs, TEST_ORIGIN } from "../support/auth";
import { createTestConversation } from "../support/qa-fixtures";

let adminCookie: string;
let preTeamId: string;
let aftTeamId: string;

beforeAll(async () => {
  ({ cookie: adminCookie } = await signInAs("admin"));
  preTeamId = (await db.team.create({ data: { code: "PRE", name: "售前咨询组" }, select: { id: true } })).id;
  aftTeamId = (await db.team.create({ data: { code: "AFT", name: "售后服务组" }, select: { id: true } })).id;
  await createTestUser({ externalId: "A1001", teamId: preTeamId });
});

function item(id: string) {
  return {
    id,
    channel: "chat",
    startedAt: "2026-03-01T10:00:00+08:00",
    agents: ["A1001"],
    customer: "jd_buyer",
    messages: [
      { from: "customer", at: "2026-03-01T10:00:00+08:00", text: "有优惠券吗" },
      { from: "agent", at: "2026-03-01T10:00:20+08:00", text: "亲，下单页可以领满200减20的券哦" },
    ],
  };
}

/** A server-to-server call: no cookie, no Origin. */
function apiRequest(body: unknown, token?: string) {
  return new Request(`${TEST_ORIGIN}/api/v1/conversations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function createToken(name: string) {
  const result = await callRoute(
    tokensAction,
    buildRequest("/admin/api-tokens", { cookie: adminCookie, form: { intent: "create", name } }),
  );
  expect(result.status).toBe(200);
  return (result.data as { created: { secret: string } }).created.secret;
}

describe("API tokens", () => {
  it("shows the secret once, stores only its hash and lists the prefix", async () => {
    const secret = await createToken("淘宝客服后台同步");
    expect(secret).toMatch(/^fwk_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiToken.findFirstOrThrow({ where: { name: "淘宝客服后台同步" } });
    expect(stored.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const list = await callRoute(tokensLoader, buildRequest("/admin/api-tokens", { cookie: adminCookie }));
    expect(JSON.stringify(list.data)).not.toContain(secret);
    expect(JSON.stringify(list.data)).toContain(stored.prefix);
    expect(await db.auditLog.count({ where: { action: "api-token.create", entityId: stored.id } })).toBe(1);
  });

  it("rejects an empty name with a field error", async () => {
    const result = await callRoute(
      tokensAction,
      buildRequest("/admin/api-tokens", { cookie: adminCookie, form: { intent: "create", name: " " } }),
    );
    expect(result.status).toBe(400);
  });

  it("is for admins only", async () => {
    const { cookie } = await signInAs("qa_lead");
    const result = await callRoute(tokensLoader, buildRequest("/admin/api-tokens", { cookie }));
    expect(result.status).toBe(403);
  });
});

describe("POST /api/v1/conversations", () => {
  it("answers 401 without a token, with a malformed or unknown token, and 405 to GET", async () => {
    const missing = await callRoute(apiAction, apiRequest([item("API-X")]));
    expect(missing).toMatchObject({ status: 401, data: { error: "missing-token" } });
    const unknown = await callRoute(apiAction, apiRequest([item("API-X")], "fwk_notarealtoken"));
    expect(unknown).toMatchObject({ status: 401, data: { error: "invalid-token" } });
    const get = await callRoute(apiLoader, buildRequest("/api/v1/conversations"));
    expect(get.status).toBe(405);
  });

  it("imports with a valid token, counts, reports rejections by index and records the batch", async () => {
    const secret = await createToken("京东同步");
    const result = await callRoute(apiAction, apiRequest([item("API-1"), { ...item("API-2"), csat: 9 }], secret));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      created: 1,
      rejected: 1,
      rejections: [{ index: 1, id: "API-2", reason: "bad-csat" }],
    });
    const token = await db.apiToken.findFirstOrThrow({ where: { name: "京东同步" } });
    expect(token.lastUsedAt).not.toBeNull();
    const batch = await db.importBatch.findUniqueOrThrow({
      where: { id: (result.data as { batchId: string }).batchId },
    });
    expect(batch).toMatchObject({ source: "api", apiTokenId: token.id, status: "succeeded" });

    const again = await callRoute(apiAction, apiRequest([item("API-1")], secret));
    expect(again.data).toMatchObject({ created: 0, unchanged: 1 });
  });

  it("answers 400 to more than 1,000 items, a non-array and broken JSON", async () => {
    const secret = await createToken("批量");
    const many = Array.from({ length: 1001 }, (_, index) => item(`BULK-${index}`));
    expect(await callRoute(apiAction, apiRequest(many, secret))).toMatchObject({
      status: 400,
      data: { error: "too-many-items" },
    });
    expect(await callRoute(apiAction, apiRequest({ id: "x" }, secret))).toMatchObject({ status: 400 });
    expect(await callRoute(apiAction, apiRequest("[{", secret))).toMatchObject({
      status: 400,
      data: { error: "invalid-json" },
    });
  });

  it("answers 401 once the token is revoked", async () => {
    const secret = await createToken("待吊销");
    const token = await db.apiToken.findFirstOrThrow({ where: { name: "待吊销" } });
    const revoke = await callRoute(
      tokensAction,
      buildRequest("/admin/api-tokens", { cookie: adminCookie, form: { intent: "revoke", tokenId: token.id } }),
    );
    expect(revoke.status).toBe(302);
    const result = await callRoute(apiAction, apiRequest([item("API-R")], secret));
    expect(result).toMatchObject({ status: 401, data: { error: "revoked-token" } });
    expect(await db.auditLog.count({ where: { action: "api-token.revoke", entityId: token.id } })).toBe(1);
  });
});

describe("QA settings", () => {
  it("validates the day ranges", async () => {
    const result = await callRoute(
      settingsAction,
      buildRequest("/admin/qa-settings", {
        cookie: adminCookie,
        form: { maskPersonalData: "on", disputeWindowDays: "31", disputeSlaDays: "0" },
      }),
    );
    expect(result.status).toBe(400);
    const errors = (result.data as { error: Record<string, string[]> }).error;
    expect(errors.disputeWindowDays).toEqual(["qa-import:settings.errors.range"]);
    expect(errors.disputeSlaDays).toEqual(["qa-import:settings.errors.range"]);
  });

  it("saves the settings with an audit entry", async () => {
    const result = await callRoute(
      settingsAction,
      buildRequest("/admin/qa-settings", {
        cookie: adminCookie,
        form: { maskPersonalData: "on", disputeWindowDays: "10", disputeSlaDays: "2" },
      }),
    );
    expect(result.status).toBe(302);
    expect(await db.qaSettings.findUnique({ where: { id: 1 } })).toMatchObject({
      maskPersonalData: true,
      disputeWindowDays: 10,
      disputeSlaDays: 2,
    });
    expect(await db.auditLog.count({ where: { action: "qa-settings.update" } })).toBe(1);
  });
});

describe("conversation browser", () => {
  it("limits team leads to their own team: another team's conversation is a 404", async () => {
    const own = await createTestConversation({ teamId: preTeamId, externalId: "PRE-1" });
    const other = await createTestConversation({ teamId: aftTeamId, externalId: "AFT-1" });
    const { cookie } = await signInAs("team_lead", { teamId: preTeamId });

    const list = await callRoute(conversationsLoader, buildRequest("/qa/conversations", { cookie }));
    const ids = (list.data as { rows: { externalId: string }[] }).rows.map((row) => row.externalId);
    expect(ids).toContain("PRE-1");
    expect(ids).not.toContain("AFT-1");

    const mine = await callRoute(conversationLoader, buildRequest(`/qa/conversations/${own.id}`, { cookie }), {
      conversationId: own.id,
    });
    expect(mine.status).toBe(200);
    const theirs = await callRoute(conversationLoader, buildRequest(`/qa/conversations/${other.id}`, { cookie }), {
      conversationId: other.id,
    });
    expect(theirs.status).toBe(404);
  });

  it("filters by complaint and CSAT", async () => {
    await createTestConversation({ teamId: preTeamId, externalId: "CMP-LOW", complaint: true, csat: 1 });
    const { cookie } = await signInAs("manager");
    const result = await callRoute(
      conversationsLoader,
      buildRequest("/qa/conversations?complaint=1&csatMax=2", { cookie }),
    );
    const ids = (result.data as { rows: { externalId: string }[] }).rows.map((row) => row.externalId);
    expect(ids).toEqual(["CMP-LOW"]);
  });

  it("masks phone numbers in the loader data when masking is on, and not when it is off", async () => {
    const conversation = await createTestConversation({ teamId: preTeamId, externalId: "MASK-1" });
    const { cookie } = await signInAs("qa_inspector");
    const load = () =>
      callRoute(conversationLoader, buildRequest(`/qa/conversations/${conversation.id}`, { cookie }), {
        conversationId: conversation.id,
      });

    await db.qaSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { maskPersonalData: true } });
    const masked = await load();
    expect(JSON.stringify(masked.data)).not.toContain("13812345678");
    expect(JSON.stringify(masked.data)).toContain("138****5678");
    expect((masked.data as { transcript: Transcript }).transcript.maskingOn).toBe(true);

    await db.qaSettings.update({ where: { id: 1 }, data: { maskPersonalData: false } });
    const raw = await load();
    expect(JSON.stringify(raw.data)).toContain("13812345678");
    await db.qaSettings.update({ where: { id: 1 }, data: { maskPersonalData: true } });
  });
});

describe("upload page", () => {
  it("streams the file to disk, runs the import job, shows progress and deletes the upload", async () => {
    process.env.QA_IMPORT_DIR = await mkdtemp(path.join(tmpdir(), "qa-upload-"));
    const form = new FormData();
    const content = [JSON.stringify(item("UP-1")), JSON.stringify({ ...item("UP-2"), agents: ["NOBODY"] })].join("\n");
    form.append("format", "auto");
    form.append("file", new File([content], "会话导出.jsonl", { type: "application/x-ndjson" }));
    const result = await callRoute(uploadAction, buildRequest("/admin/imports", { cookie: adminCookie, form }));
    expect(result.status).toBe(302);
    const batchId = result.location!.split("/").pop()!;

    // With Redis the job waits in BullMQ for a worker process: run its handler here, as the worker would.
    if (jobsMode() === "bullmq") {
      const run = await db.jobRun.findFirstOrThrow({
        where: { name: "qa.import-conversations" },
        orderBy: { queuedAt: "desc" },
      });
      await importStoredFile(batchId, { jobRunId: run.id });
    }
    let batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    for (let attempt = 0; attempt < 100 && (batch.status === "queued" || batch.status === "running"); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    }
    expect(batch).toMatchObject({
      status: "succeeded",
      source: "upload",
      fileName: "会话导出.jsonl",
      created: 1,
      rejected: 1,
    });
    expect(batch.storedPath).toBeNull();
    expect(await readdir(process.env.QA_IMPORT_DIR)).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "conversation.import", entityId: batchId } })).toBe(1);

    const page = await callRoute(batchLoader, buildRequest(`/admin/imports/${batchId}`, { cookie: adminCookie }), {
      batchId,
    });
    expect(page.data).toMatchObject({
      batch: { bytesRead: Buffer.byteLength(content), bytesTotal: Buffer.byteLength(content) },
      rejections: { total: 1, rows: [{ line: 2, externalId: "UP-2", reason: "unknown-agent", detail: "NOBODY" }] },
    });
    const csv = await callRoute(
      rejectionsCsvLoader,
      buildRequest(`/admin/imports/${batchId}/rejections.csv`, { cookie: adminCookie }),
      { batchId },
    );
    expect(String(csv.data)).toContain("2,UP-2,unknown-agent");
  });

  it("refuses an unknown file type and a non-admin", async () => {
    const form = new FormData();
    form.append("file", new File(["x"], "会话.xlsx"));
    const result = await callRoute(uploadAction, buildRequest("/admin/imports", { cookie: adminCookie, form }));
    expect(result).toMatchObject({ status: 400, data: { error: "upload.errors.unknownFormat" } });
    const { cookie } = await signInAs("qa_lead");
    expect((await callRoute(uploadAction, buildRequest("/admin/imports", { cookie, form }))).status).toBe(403);
  });
});
