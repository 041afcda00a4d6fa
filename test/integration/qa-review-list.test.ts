import { beforeAll, describe, expect, it } from "vitest";
import { loader as reviewLoader } from "~/routes/qa.reviews.$reviewId";
import { loader as reviewsLoader } from "~/routes/qa.reviews._index";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

type Rows = { rows: { id: string }[]; total: number; summary: { submitted: number; averageScore: number | null } };

let inspectorCookie: string;
let leadCookie: string;
let inspector: TestUser;
let otherInspector: TestUser;
let rubricId: string;
const reviews: Record<string, string> = {};
let afterTeamId: string;

beforeAll(async () => {
  afterTeamId = (await db.team.create({ data: { code: "AFT", name: "售后服务组" }, select: { id: true } })).id;
  const preTeamId = (await db.team.create({ data: { code: "PRE", name: "售前咨询组" }, select: { id: true } })).id;
  const { user: lead, cookie } = await signInAs("team_lead", { teamId: afterTeamId });
  leadCookie = cookie;
  await db.team.update({ where: { id: afterTeamId }, data: { leadId: lead.id } });
  ({ user: inspector, cookie: inspectorCookie } = await signInAs("qa_inspector"));
  ({ user: otherInspector } = await signInAs("qa_inspector"));
  const { user: afterAgent } = await signInAs("agent", { teamId: afterTeamId });
  const { user: preAgent } = await signInAs("agent", { teamId: preTeamId });

  const rubric = await createTestRubric();
  rubricId = rubric.rubricId;
  const id = Object.fromEntries(rubric.criteria.map((criterion) => [criterion.key, criterion.id])) as Record<
    string,
    string
  >;
  const all = (overrides: Record<string, { value: number | null; score: number | null; failed?: boolean }> = {}) => ({
    [id.greeting!]: { value: 1, score: 1 },
    [id.accuracy!]: { value: 5, score: 1 },
    [id.empathy!]: { value: 3, score: 1 },
    [id.privacy!]: { value: 1, score: 1 },
    ...overrides,
  });
  const make = async (
    name: string,
    agentId: string,
    teamId: string,
    options: Partial<Parameters<typeof createTestReview>[0]> & { critical?: boolean; passed?: boolean } = {},
  ) => {
    const conversation = await createTestConversation({ agentIds: [agentId], teamId });
    const { critical, passed, ...rest } = options;
    const review = await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.id,
      rubricVersionId: rubric.versionId,
      agentId,
      status: "submitted",
      values: all(),
      ...rest,
    });
    if (critical !== undefined || passed !== undefined) {
      await db.review.update({
        where: { id: review.id },
        data: { criticalFailed: critical ?? false, ...(passed !== undefined ? { passed } : {}) },
      });
    }
    reviews[name] = review.id;
  };

  await make("greetingFailed", afterAgent.id, afterTeamId, {
    score: 80,
    values: all({ [id.greeting!]: { value: 0, score: 0, failed: true } }),
    submittedAt: new Date("2026-03-10T04:00:00Z"),
  });
  await make("redLine", preAgent.id, preTeamId, {
    score: 0,
    critical: true,
    passed: false,
    values: all({ [id.privacy!]: { value: 0, score: 0, failed: true } }),
    submittedAt: new Date("2026-03-20T04:00:00Z"),
  });
  await make("perfectAfter", afterAgent.id, afterTeamId, {
    score: 100,
    submittedAt: new Date("2026-03-31T17:00:00Z"), // 1 April in Shanghai
    inspectorId: otherInspector.id,
  });
  await make("openAfter", afterAgent.id, afterTeamId, { status: "assigned", values: undefined });
  await make("calibration", afterAgent.id, afterTeamId, { kind: "calibration", score: 90 });
});

async function list(query: string, cookie = inspectorCookie) {
  const result = await callRoute(reviewsLoader, buildRequest(`/qa/reviews?${query}`, { cookie }));
  expect(result.status).toBe(200);
  const data = result.data as Rows;
  return new Set(data.rows.map((row) => row.id));
}

describe("/qa/reviews drill-down filters", () => {
  it("lists every regular review for inspectors, without calibration reviews", async () => {
    expect(await list("")).toEqual(
      new Set([reviews.greetingFailed, reviews.redLine, reviews.perfectAfter, reviews.openAfter]),
    );
  });

  it("criterion + failed: reviews where that criterion failed", async () => {
    expect(await list("criterion=greeting&failed=1")).toEqual(new Set([reviews.greetingFailed]));
    expect(await list("criterion=privacy&failed=1")).toEqual(new Set([reviews.redLine]));
    // Without failed=1: every review that scored the criterion.
    expect((await list("criterion=greeting")).size).toBe(3);
  });

  it("critical=1: red-line reviews", async () => {
    expect(await list("critical=1")).toEqual(new Set([reviews.redLine]));
  });

  it("from/to are Shanghai calendar days on submittedAt", async () => {
    expect(await list("from=2026-03-15&to=2026-03-31")).toEqual(new Set([reviews.redLine]));
    expect(await list("from=2026-04-01&to=2026-04-01")).toEqual(new Set([reviews.perfectAfter]));
  });

  it("inspector, rubric and status", async () => {
    expect(await list(`inspector=${otherInspector.id}`)).toEqual(new Set([reviews.perfectAfter]));
    expect((await list(`rubric=${rubricId}`)).size).toBe(4);
    expect(await list("status=assigned")).toEqual(new Set([reviews.openAfter]));
  });

  it("summarises the submitted reviews of the filter in SQL", async () => {
    const result = await callRoute(
      reviewsLoader,
      buildRequest(`/qa/reviews?team=${afterTeamId}`, { cookie: inspectorCookie }),
    );
    expect((result.data as Rows).summary).toMatchObject({ submitted: 2, averageScore: 90 });
  });
});

describe("team scope", () => {
  it("shows a team lead only the reviews of agents in their team", async () => {
    expect(await list("", leadCookie)).toEqual(
      new Set([reviews.greetingFailed, reviews.perfectAfter, reviews.openAfter]),
    );
    expect(await list("critical=1", leadCookie)).toEqual(new Set());
  });

  it("answers 404 when a team lead opens another team's review and shows their own team's", async () => {
    const other = await callRoute(
      reviewLoader,
      buildRequest(`/qa/reviews/${reviews.redLine}`, { cookie: leadCookie }),
      {
        reviewId: reviews.redLine!,
      },
    );
    expect(other.status).toBe(404);
    const own = await callRoute(
      reviewLoader,
      buildRequest(`/qa/reviews/${reviews.greetingFailed}`, { cookie: leadCookie }),
      { reviewId: reviews.greetingFailed! },
    );
    expect(own.status).toBe(200);
    expect(own.data).toMatchObject({ mode: "read", result: { score: 80 } });
  });

  it("refuses agents (403)", async () => {
    const { cookie } = await signInAs("agent");
    const result = await callRoute(reviewsLoader, buildRequest("/qa/reviews", { cookie }));
    expect(result.status).toBe(403);
  });
});
