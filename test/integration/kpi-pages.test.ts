/**
 * The KPI pages with real Requests: definitions CRUD (validation, 404, 409, audit), settings (attribution, business
 * hours, recompute), the team table's scoping (a lead sees only the teams they lead, in the page, drill-down and
 * CSV export), an agent's own KPIs, "not computed" periods, and drill-down rows from the snapshot engine.
 *
 * Snapshots for 2026-09 are inserted by hand (售后服务组 T1: a1, a2; 投诉处理组 T2: b1); 2026-08 has none.
 *   csat_percent   a1 95, a2 80, b1 70; team T1 88   target all 90, team T2 60
 *   first_response_median  a1 30 s, a2 90 s           target role:agent 60
 * Team T1 median of csat = (80 + 95) / 2 = 87.5; first response median = 60.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as definitionLoader, action as definitionAction } from "~/routes/kpi.definitions.$definitionId";
import { loader as definitionsLoader, action as definitionsAction } from "~/routes/kpi.definitions._index";
import { action as newDefinitionAction, loader as newDefinitionLoader } from "~/routes/kpi.definitions.new";
import { action as settingsAction, loader as settingsLoader } from "~/routes/kpi.settings";
import { action as teamAction, loader as teamLoader } from "~/routes/kpi._index";
import { loader as exportLoader } from "~/routes/kpi.export";
import { loader as drillLoader } from "~/routes/kpi.drill";
import { loader as mineLoader } from "~/routes/performance.kpi._index";
import { loader as mineDrillLoader } from "~/routes/performance.kpi.drill";
import { loader as agentHomeLoader } from "~/routes/agent._index";
import { importItems } from "~/modules/qa/import/import.server";
import { computeKpiSnapshots } from "~/modules/kpi/snapshot.server";
import { parsePeriodKey } from "~/modules/kpi/periods";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs } from "../support/auth";

const ids = { t1: "", t2: "", a1: "", a2: "", b1: "", lead: "", csat: "", frt: "" };
const cookies = { manager: "", lead: "", a1: "", b1: "" };

async function snapshot(subjectKind: "agent" | "team", subjectId: string, metric: string, value: number) {
  await db.kpiSnapshot.create({
    data: {
      periodKind: "month",
      periodStart: new Date("2026-09-01T00:00:00Z"),
      subjectKind,
      subjectId,
      metric,
      value,
      sampleSize: 10,
    },
  });
}

beforeAll(async () => {
  const manager = await signInAs("manager");
  cookies.manager = manager.cookie;
  const lead = await signInAs("team_lead");
  ids.lead = lead.user.id;
  cookies.lead = lead.cookie;
  ids.t1 = (await db.team.create({ data: { code: "KP1", name: "售后服务组", leadId: lead.user.id } })).id;
  ids.t2 = (await db.team.create({ data: { code: "KP2", name: "投诉处理组" } })).id;
  const a1 = await createTestUser({ name: "夏丽娟", externalId: "A9001", teamId: ids.t1 });
  const a2 = await createTestUser({ name: "李娜", externalId: "A9002", teamId: ids.t1 });
  const b1 = await createTestUser({ name: "周敏", externalId: "A9003", teamId: ids.t2 });
  Object.assign(ids, { a1: a1.id, a2: a2.id, b1: b1.id });
  cookies.a1 = await sessionCookieFor(a1.id);
  cookies.b1 = await sessionCookieFor(b1.id);

  ids.csat = (
    await db.kpiDefinition.create({
      data: {
        key: "csat",
        metric: "csat_percent",
        nameZh: "客户满意度",
        nameEn: "CSAT",
        unit: "percent",
        direction: "higher",
        position: 1,
        targets: {
          create: [
            { scope: "all", value: 90 },
            { scope: `team:${ids.t2}`, value: 60 },
          ],
        },
      },
    })
  ).id;
  ids.frt = (
    await db.kpiDefinition.create({
      data: {
        key: "frt",
        metric: "first_response_median",
        nameZh: "首次响应时间",
        nameEn: "First response",
        unit: "seconds",
        direction: "lower",
        position: 2,
        targets: { create: [{ scope: "role:agent", value: 60 }] },
        teams: { create: [{ teamId: ids.t1 }] },
      },
    })
  ).id;
  await snapshot("agent", ids.a1, "csat_percent", 95);
  await snapshot("agent", ids.a2, "csat_percent", 80);
  await snapshot("agent", ids.b1, "csat_percent", 70);
  await snapshot("team", ids.t1, "csat_percent", 88);
  await snapshot("team", ids.t2, "csat_percent", 70);
  await snapshot("agent", ids.a1, "first_response_median", 30);
  await snapshot("agent", ids.a2, "first_response_median", 90);
  await db.kpiComputation.create({
    data: {
      periodKind: "month",
      periodStart: new Date("2026-09-01T00:00:00Z"),
      finishedAt: new Date(),
      rows: 7,
      durationMs: 120,
      trigger: "seed",
    },
  });
});

const get = (
  loader: Parameters<typeof callRoute>[0],
  path: string,
  cookie: string,
  params: Record<string, string> = {},
) => callRoute(loader, buildRequest(path, { cookie }), params);

describe("KPI definitions", () => {
  it("lists in order and only for managers", async () => {
    const list = await get(definitionsLoader, "/kpi/definitions", cookies.manager);
    expect(list.status).toBe(200);
    expect((list.data as { definitions: { key: string }[] }).definitions.map((d) => d.key)).toEqual(["csat", "frt"]);
    expect((await get(definitionsLoader, "/kpi/definitions", cookies.lead)).status).toBe(403);
    expect((await get(newDefinitionLoader, "/kpi/definitions/new", cookies.a1)).status).toBe(403);
  });

  it("creates from the catalogue with targets in hours, audited; a duplicate key is 409; bad input 400", async () => {
    const form = {
      key: "handling",
      metric: "resolution_time",
      nameZh: "处理时长",
      nameEn: "Resolution time",
      direction: "lower",
      unit: "hours",
      position: "5",
      active: "on",
      teamIds: [ids.t2],
      "targets[0].scope": "all",
      "targets[0].value": "24",
      "targets[1].scope": `team:${ids.t2}`,
      "targets[1].value": "",
    };
    const created = await callRoute(
      newDefinitionAction,
      buildRequest("/kpi/definitions/new", { cookie: cookies.manager, form }),
    );
    expect(created.status).toBe(302);
    const row = await db.kpiDefinition.findUniqueOrThrow({
      where: { key: "handling" },
      select: {
        id: true,
        unit: true,
        targets: { select: { scope: true, value: true } },
        teams: { select: { teamId: true } },
      },
    });
    expect(row.targets.map((t) => [t.scope, Number(t.value)])).toEqual([["all", 86_400]]);
    expect(row.teams).toEqual([{ teamId: ids.t2 }]);
    const audit = await db.auditLog.findFirst({ where: { action: "kpi.definition.create", entityId: row.id } });
    expect(audit?.after).toMatchObject({ key: "handling", unit: "hours" });

    const duplicate = await callRoute(
      newDefinitionAction,
      buildRequest("/kpi/definitions/new", { cookie: cookies.manager, form }),
    );
    expect(duplicate.status).toBe(409);
    expect(JSON.stringify(duplicate.data)).toContain("kpi:definitions.errors.keyTaken");

    const bad = await callRoute(
      newDefinitionAction,
      buildRequest("/kpi/definitions/new", {
        cookie: cookies.manager,
        form: { ...form, key: "Bad Key", nameZh: "" },
      }),
    );
    expect(bad.status).toBe(400);
    const errors = (bad.data as { error: Record<string, string[]> }).error;
    expect(errors.key).toEqual(["kpi:definitions.errors.keyFormat"]);
    expect(errors.nameZh).toEqual(["validation:required"]);
    const negative = await callRoute(
      newDefinitionAction,
      buildRequest("/kpi/definitions/new", {
        cookie: cookies.manager,
        form: { ...form, key: "handling3", "targets[0].value": "-1" },
      }),
    );
    expect(negative.status).toBe(400);
    expect((negative.data as { error: Record<string, string[]> }).error["targets[0].value"]).toEqual([
      "kpi:definitions.errors.targetRange.positive",
    ]);

    const wrongUnit = await callRoute(
      newDefinitionAction,
      buildRequest("/kpi/definitions/new", {
        cookie: cookies.manager,
        form: { ...form, key: "handling2", unit: "percent" },
      }),
    );
    expect(wrongUnit.status).toBe(400);
    expect((wrongUnit.data as { error: Record<string, string[]> }).error.unit).toEqual([
      "kpi:definitions.errors.unitForMetric",
    ]);
  });

  it("edits names, targets per team and role, toggles active; 404 for an unknown id; every change audited", async () => {
    const page = await get(definitionLoader, `/kpi/definitions/${ids.csat}`, cookies.manager, {
      definitionId: ids.csat,
    });
    expect(page.status).toBe(200);
    const rows = (page.data as { targetRows: { scope: string; value: string }[] }).targetRows;
    expect(rows.find((r) => r.scope === "all")?.value).toBe("90");

    const saved = await callRoute(
      definitionAction,
      buildRequest(`/kpi/definitions/${ids.csat}`, {
        cookie: cookies.manager,
        form: {
          nameZh: "客户满意度（CSAT）",
          nameEn: "CSAT",
          description: "4–5 分占比",
          direction: "higher",
          unit: "percent",
          position: "1",
          active: "on",
          "targets[0].scope": "all",
          "targets[0].value": "90",
          "targets[1].scope": `team:${ids.t2}`,
          "targets[1].value": "60",
          "targets[2].scope": "role:agent",
          "targets[2].value": "85",
        },
      }),
      { definitionId: ids.csat },
    );
    expect(saved.status).toBe(302);
    const targets = await db.kpiTarget.findMany({ where: { definitionId: ids.csat }, orderBy: { scope: "asc" } });
    expect(targets.map((t) => [t.scope, Number(t.value)])).toEqual([
      ["all", 90],
      ["role:agent", 85],
      [`team:${ids.t2}`, 60],
    ]);
    const audit = await db.auditLog.findFirst({ where: { action: "kpi.definition.update", entityId: ids.csat } });
    expect(audit?.before).toMatchObject({ nameZh: "客户满意度" });
    expect(audit?.after).toMatchObject({ nameZh: "客户满意度（CSAT）" });

    const missing = await callRoute(
      definitionAction,
      buildRequest("/kpi/definitions/nope", {
        cookie: cookies.manager,
        form: { nameZh: "x", nameEn: "x", direction: "higher", unit: "percent", position: "1" },
      }),
      { definitionId: "nope" },
    );
    expect(missing.status).toBe(404);
    expect(
      (await get(definitionLoader, "/kpi/definitions/nope", cookies.manager, { definitionId: "nope" })).status,
    ).toBe(404);

    const handling = await db.kpiDefinition.findUniqueOrThrow({ where: { key: "handling" }, select: { id: true } });
    const off = await callRoute(
      definitionsAction,
      buildRequest("/kpi/definitions", {
        cookie: cookies.manager,
        form: { definitionId: handling.id, active: "false" },
      }),
    );
    expect(off.status).toBe(302);
    expect((await db.kpiDefinition.findUniqueOrThrow({ where: { id: handling.id } })).active).toBe(false);
    expect(await db.auditLog.count({ where: { action: "kpi.definition.deactivate", entityId: handling.id } })).toBe(1);
  });
});

describe("KPI settings", () => {
  it("saves attribution and business hours (audited), refuses end before start", async () => {
    const saved = await callRoute(
      settingsAction,
      buildRequest("/kpi/settings", { cookie: cookies.manager, form: { intent: "attribution", attribution: "split" } }),
    );
    expect(saved.status).toBe(302);
    expect((await db.kpiSettings.findUniqueOrThrow({ where: { id: 1 } })).attribution).toBe("split");
    expect(await db.auditLog.count({ where: { action: "kpi.settings.attribution" } })).toBe(1);

    const hours = {
      intent: "hours",
      teamId: ids.t2,
      enabled: "on",
      workingDays: ["1", "2", "3", "4", "5", "6"],
      start: "08:30",
      end: "21:00",
      timeZone: "Asia/Shanghai",
    };
    const ok = await callRoute(settingsAction, buildRequest("/kpi/settings", { cookie: cookies.manager, form: hours }));
    expect(ok.status).toBe(302);
    expect(await db.teamBusinessHours.findUniqueOrThrow({ where: { teamId: ids.t2 } })).toMatchObject({
      enabled: true,
      workingDays: [1, 2, 3, 4, 5, 6],
      startMinute: 510,
      endMinute: 1260,
    });
    expect(await db.auditLog.count({ where: { action: "kpi.settings.business-hours", entityId: ids.t2 } })).toBe(1);

    const bad = await callRoute(
      settingsAction,
      buildRequest("/kpi/settings", {
        cookie: cookies.manager,
        form: { ...hours, end: "08:00", timeZone: "Mars/Base" },
      }),
    );
    expect(bad.status).toBe(400);
    const errors = (bad.data as { reply: { error: Record<string, string[]> } }).reply.error;
    expect(errors.end).toEqual(["kpi:settings.errors.endAfterStart"]);
    expect(errors.timeZone).toEqual(["kpi:settings.errors.timeZone"]);
    expect(
      (await callRoute(settingsAction, buildRequest("/kpi/settings", { cookie: cookies.lead, form: hours }))).status,
    ).toBe(403);
  });

  it("shows computations and refuses a malformed period", async () => {
    const page = await get(settingsLoader, "/kpi/settings", cookies.manager);
    expect(page.status).toBe(200);
    expect((page.data as { computations: { rows: { period: string }[] } }).computations.rows[0]?.period).toBe(
      "2026-09",
    );
    const bad = await callRoute(
      settingsAction,
      buildRequest("/kpi/settings", {
        cookie: cookies.manager,
        form: { intent: "recompute", kind: "quarter", quarter: "2026-Q5" },
      }),
    );
    expect(bad.status).toBe(400);
  });
});

type TeamView = {
  teamId: string | null;
  computed: boolean;
  rows: { id: string; cells: Record<string, { value: number | null; target: number | null; below: boolean }> }[];
  teamRow: Record<string, { value: number | null; below: boolean }> | null;
  definitions: { key: string }[];
};

describe("/kpi team table", () => {
  it("a lead sees their team with targets and below-target flags, sorted on the server", async () => {
    const result = await get(teamLoader, "/kpi?period=2026-09&sort=csat&dir=desc", cookies.lead);
    expect(result.status).toBe(200);
    const view = result.data as TeamView;
    expect(view.teamId).toBe(ids.t1);
    expect(view.definitions.map((d) => d.key)).toEqual(["csat", "frt"]);
    expect(view.rows.map((row) => row.id)).toEqual([ids.a1, ids.a2]);
    // a2: csat 80 against the role target 85 (no team target for T1) → below; frt 90 s > 60 → below.
    expect(view.rows[1]!.cells.csat).toEqual({ value: 80, target: 85, below: true });
    expect(view.rows[1]!.cells.frt).toEqual({ value: 90, target: 60, below: true });
    expect(view.rows[0]!.cells.frt!.below).toBe(false);
    // The team row is held to the team target, else "all": 88 < 90.
    expect(view.teamRow?.csat).toMatchObject({ value: 88, below: true });
    const ascending = (await get(teamLoader, "/kpi?period=2026-09&sort=frt&dir=desc", cookies.lead)).data as TeamView;
    expect(ascending.rows.map((row) => row.id)).toEqual([ids.a2, ids.a1]);
  });

  it("a lead gets 403 for another team, the overview and its export; an agent gets 403", async () => {
    expect((await get(teamLoader, `/kpi?team=${ids.t2}&period=2026-09`, cookies.lead)).status).toBe(403);
    expect((await get(teamLoader, "/kpi?team=all&period=2026-09", cookies.lead)).status).toBe(403);
    expect((await get(exportLoader, `/kpi/export?team=${ids.t2}&period=2026-09`, cookies.lead)).status).toBe(403);
    expect((await get(teamLoader, "/kpi", cookies.a1)).status).toBe(403);
    expect((await get(exportLoader, `/kpi/export?team=${ids.t1}&period=2026-09`, cookies.a1)).status).toBe(403);
    expect(
      (await get(drillLoader, `/kpi/drill?metric=csat_percent&subject=agent:${ids.b1}&period=2026-09`, cookies.lead))
        .status,
    ).toBe(403);
    expect(
      (await get(drillLoader, `/kpi/drill?metric=csat_percent&subject=team:${ids.t2}&period=2026-09`, cookies.lead))
        .status,
    ).toBe(403);
  });

  it("exports the lead's own team as CSV with a BOM", async () => {
    const response = (await exportLoader({
      request: buildRequest(`/kpi/export?team=${ids.t1}&period=2026-09`, { cookie: cookies.lead }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("客户满意度（CSAT）");
    expect(lines).toHaveLength(4); // header, two agents, team row
    expect(lines.find((line) => line.startsWith("李娜"))).toBe(
      "李娜,A9002,80,85,90,60,客户满意度（CSAT）、首次响应时间",
    );
    expect(text).not.toContain("周敏");
  });

  it("managers see the overview of every team; a period without snapshots is not computed and can be queued", async () => {
    const overview = (await get(teamLoader, "/kpi?period=2026-09", cookies.manager)).data as TeamView;
    expect(overview.teamId).toBe("all");
    expect(overview.rows.map((row) => row.id).sort()).toEqual([ids.t1, ids.t2].sort());
    expect(overview.rows.find((row) => row.id === ids.t2)?.cells.csat).toMatchObject({
      value: 70,
      target: 60,
      below: false,
    });
    // 首次响应时间 applies to t1 only: t2's row has no cell for it.
    expect(overview.rows.find((row) => row.id === ids.t2)?.cells).not.toHaveProperty("frt");
    expect(overview.rows.find((row) => row.id === ids.t1)?.cells).toHaveProperty("frt");

    const empty = (await get(teamLoader, `/kpi?team=${ids.t1}&period=2026-08`, cookies.lead)).data as TeamView & {
      canCompute: boolean;
    };
    expect(empty.computed).toBe(false);
    expect(empty.rows).toEqual([]);
    expect(empty.canCompute).toBe(false);
    expect((await get(exportLoader, `/kpi/export?team=${ids.t1}&period=2026-08`, cookies.lead)).status).toBe(409);
    const leadCompute = await callRoute(
      teamAction,
      buildRequest("/kpi", { cookie: cookies.lead, form: { intent: "compute", period: "2026-08", back: "" } }),
    );
    expect(leadCompute.status).toBe(403);
  });
});

describe("/performance/kpi", () => {
  type Mine = {
    computed: boolean;
    cards: {
      key: string;
      value: number | null;
      target: number | null;
      teamMedian: number | null;
      met: boolean | null;
      trend: { period: string; value: number | null; teamMedian: number | null }[];
    }[];
  };

  it("shows only the signed-in agent's own values with target, team median and trend", async () => {
    const result = await get(mineLoader, "/performance/kpi?period=2026-09", cookies.a1);
    expect(result.status).toBe(200);
    const mine = result.data as Mine;
    expect(mine.computed).toBe(true);
    const csat = mine.cards.find((card) => card.key === "csat")!;
    expect(csat).toMatchObject({ value: 95, target: 85, teamMedian: 87.5, met: true });
    expect(mine.cards.find((card) => card.key === "frt")).toMatchObject({
      value: 30,
      target: 60,
      teamMedian: 60,
      met: true,
    });
    expect(csat.trend).toHaveLength(12);
    expect(csat.trend.at(-1)).toEqual({ period: "2026-09", value: 95, teamMedian: 87.5, computed: true });
    expect(csat.trend.at(-2)).toMatchObject({ period: "2026-08", value: null, computed: false });
    expect(JSON.stringify(result.data)).not.toContain(ids.a2);
    // b1's team (T2) has no frt definition, and their own target is the T2 team target.
    const other = (await get(mineLoader, "/performance/kpi?period=2026-09", cookies.b1)).data as Mine;
    expect(other.cards.map((card) => card.key)).toEqual(["csat"]);
    expect(other.cards[0]).toMatchObject({ value: 70, target: 60, met: true });
  });

  it("reports a period with no computation as not computed, never as 0", async () => {
    const mine = (await get(mineLoader, "/performance/kpi?period=2026-08", cookies.a1)).data as Mine;
    expect(mine.computed).toBe(false);
    expect(mine.cards).toEqual([]);
  });

  it("the agent home card shows the newest computed month", async () => {
    const home = await get(agentHomeLoader, "/agent", cookies.a1);
    expect((home.data as { kpis: { period: string; items: { key: string; value: number }[] } }).kpis).toMatchObject({
      period: "2026-09",
      items: [
        { key: "csat", value: 95 },
        { key: "frt", value: 30 },
      ],
    });
  });
});

describe("drill-down", () => {
  it("lists the conversations behind a number from the snapshot engine; agents see no QA links", async () => {
    const agent = (externalId: string) => ({ from: "agent", agent: externalId });
    const item = (id: string, csat: number) => ({
      id,
      channel: "chat",
      startedAt: "2026-10-15T10:00:00+08:00",
      endedAt: "2026-10-15T10:10:00+08:00",
      agents: ["A9001"],
      customer: `buyer_${id}`,
      tags: [],
      csat,
      messages: [
        { from: "customer", at: "2026-10-15T10:00:00+08:00", text: "你好，在吗？" },
        { ...agent("A9001"), at: "2026-10-15T10:01:00+08:00", text: "亲，您好～" },
      ],
    });
    const imported = await importItems([item("KPD-1", 5), item("KPD-2", 2)], { source: "api" });
    expect(imported.rejections).toEqual([]);
    await computeKpiSnapshots(parsePeriodKey("2026-10")!, { trigger: "manual" });

    const lead = await get(
      drillLoader,
      `/kpi/drill?metric=csat_percent&subject=agent:${ids.a1}&period=2026-10`,
      cookies.lead,
    );
    expect(lead.status).toBe(200);
    const drill = (
      lead.data as {
        drill: {
          total: number;
          value: number;
          canOpenConversations: boolean;
          rows: { kind: string; externalId: string; value: number }[];
        };
      }
    ).drill;
    expect(drill.total).toBe(2);
    expect(drill.value).toBe(50);
    expect(drill.canOpenConversations).toBe(true);
    expect(drill.rows.map((row) => [row.externalId, row.value]).sort()).toEqual([
      ["KPD-1", 1],
      ["KPD-2", 0],
    ]);

    const own = await get(mineDrillLoader, "/performance/kpi/drill?metric=csat_percent&period=2026-10", cookies.a1);
    expect(own.status).toBe(200);
    expect((own.data as { drill: { total: number; canOpenConversations: boolean } }).drill).toMatchObject({
      total: 2,
      canOpenConversations: false,
    });
    // Another agent's drill-down reads their own (empty) rows: there is no way to name someone else.
    const other = await get(
      mineDrillLoader,
      `/performance/kpi/drill?metric=csat_percent&period=2026-10&subject=agent:${ids.a1}`,
      cookies.b1,
    );
    expect((other.data as { drill: { total: number } }).drill.total).toBe(0);
    expect(
      (await get(drillLoader, "/kpi/drill?metric=nope&subject=team:x&period=2026-10", cookies.manager)).status,
    ).toBe(400);
  });
});
