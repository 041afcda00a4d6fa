import { beforeAll, describe, expect, it } from "vitest";
import { action as agentTaskAction, loader as agentTaskLoader } from "~/routes/agent.coaching.$taskId";
import { loader as myTasksLoader } from "~/routes/agent.coaching._index";
import { loader as tasksLoader } from "~/routes/qa.coaching._index";
import { action as manageAction, loader as taskLoader } from "~/routes/qa.coaching.$taskId";
import { action as newAction, loader as newLoader } from "~/routes/qa.coaching.new";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

let inspector: TestUser;
let inspectorCookie: string;
let leadCookie: string;
let agent: TestUser;
let agentCookie: string;
let otherAgent: TestUser;
let otherAgentCookie: string;
let rubric: Awaited<ReturnType<typeof createTestRubric>>;
let failedReviewId: string;

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

async function submittedReview(agentId: string, failedKeys: string[], submittedAt = new Date(Date.now() - 86_400_000)) {
  const conversation = await createTestConversation({ agentIds: [agentId] });
  const values = Object.fromEntries(
    rubric.criteria.map((criterion) => {
      const failed = failedKeys.includes(criterion.key);
      return [criterion.id, { value: failed ? 0 : 1, score: failed ? 0 : 1, failed }];
    }),
  );
  return (
    await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.id,
      rubricVersionId: rubric.versionId,
      agentId,
      status: "submitted",
      score: failedKeys.length > 0 ? 60 : 100,
      submittedAt,
      values,
    })
  ).id;
}

beforeAll(async () => {
  ({ user: inspector, cookie: inspectorCookie } = await signInAs("qa_inspector", { name: "吴俊杰" }));
  const { user: lead, cookie } = await signInAs("team_lead");
  leadCookie = cookie;
  const team = await db.team.create({ data: { code: "AFT", name: "售后服务组", leadId: lead.id } });
  const otherTeam = await db.team.create({ data: { code: "CMP", name: "投诉处理组" } });
  agent = await createTestUser({ name: "林晓", teamId: team.id });
  agentCookie = await sessionCookieFor(agent.id);
  otherAgent = await createTestUser({ name: "周敏", teamId: otherTeam.id });
  otherAgentCookie = await sessionCookieFor(otherAgent.id);
  rubric = await createTestRubric({
    criteria: [
      { key: "greeting", name: "服务用语规范", scale: "binary" },
      { key: "empathy", name: "情绪安抚", scale: "binary" },
    ],
  });
  failedReviewId = await submittedReview(agent.id, ["empathy"]);
});

function createForm(overrides: Record<string, string | string[] | undefined> = {}) {
  return {
    agentId: agent.id,
    sourceReviewId: failedReviewId,
    title: "情绪安抚话术提升",
    criterionKeys: ["empathy"],
    notes: "客户情绪激动时先致歉，再复述诉求，给出明确的处理时限。",
    resourceTitle: "《投诉处理原则与话术》",
    resourceUrl: "https://kb.youpin.example/articles/complaint-phrasing",
    dueDate: inAWeek(),
    followUp: "on",
    ...overrides,
  };
}

async function createTask(overrides: Record<string, string | string[] | undefined> = {}, cookie = inspectorCookie) {
  const result = await callRoute(newAction, buildRequest("/qa/coaching/new", { cookie, form: createForm(overrides) }));
  return { result, taskId: result.location?.split("/").pop() ?? "" };
}

describe("creating a task", () => {
  it("pre-fills the agent and the review's failed criteria", async () => {
    const result = await callRoute(
      newLoader,
      buildRequest(`/qa/coaching/new?review=${failedReviewId}`, { cookie: inspectorCookie }),
    );
    expect(result.status).toBe(200);
    const data = result.data as {
      defaults: { agentId: string; criterionKeys: string[]; title: string; sourceReviewId: string };
    };
    expect(data.defaults).toMatchObject({
      agentId: agent.id,
      sourceReviewId: failedReviewId,
      criterionKeys: ["empathy"],
      title: "情绪安抚提升",
    });
  });

  it("answers 404 for an unknown review and 403 to agents", async () => {
    expect(
      (await callRoute(newLoader, buildRequest("/qa/coaching/new?review=nope", { cookie: inspectorCookie }))).status,
    ).toBe(404);
    expect((await callRoute(newLoader, buildRequest("/qa/coaching/new", { cookie: agentCookie }))).status).toBe(403);
  });

  it("creates the task, audits it and notifies the agent", async () => {
    const { result, taskId } = await createTask();
    expect(result.status).toBe(302);
    const task = await db.coachingTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({
      agentId: agent.id,
      criterionKeys: ["empathy"],
      status: "open",
      createdById: inspector.id,
    });
    expect(await db.auditLog.count({ where: { action: "coaching.create", entityId: taskId } })).toBe(1);
    const notification = await db.notification.findFirst({ where: { userId: agent.id, kind: "coaching-assigned" } });
    expect(notification?.link).toBe(`/agent/coaching/${taskId}`);
  });

  it("rejects bad input with field errors", async () => {
    const { result } = await createTask({ resourceUrl: "javascript:alert(1)", dueDate: "2000-01-01", notes: "" });
    expect(result.status).toBe(400);
    const reply = result.data as { error: Record<string, string[]> };
    expect(reply.error.resourceUrl).toEqual(["qa-coaching:errors.resourceUrl"]);
    expect(reply.error.notes).toEqual(["validation:required"]);
    const past = await createTask({ dueDate: "2000-01-01" });
    expect((past.result.data as { error: Record<string, string[]> }).error.dueDate).toEqual([
      "qa-coaching:errors.dueInPast",
    ]);
  });

  it("lets a team lead coach their own team only (403 otherwise)", async () => {
    const own = await createTask({ title: "服务用语规范提升", sourceReviewId: "" }, leadCookie);
    expect(own.result.status).toBe(302);
    const other = await createTask({ agentId: otherAgent.id, sourceReviewId: "" }, leadCookie);
    expect(other.result.status).toBe(403);
    expect(await db.coachingTask.count({ where: { agentId: otherAgent.id } })).toBe(0);
  });
});

describe("lists", () => {
  it("shows team leads only their team's tasks, with counts", async () => {
    await createTask({ agentId: otherAgent.id, sourceReviewId: "", title: "退换货政策准确解答" });
    const lead = await callRoute(tasksLoader, buildRequest("/qa/coaching?status=all", { cookie: leadCookie }));
    const leadData = lead.data as { tasks: { rows: { agent: { id: string } }[] }; counts: { teamName: string }[] };
    expect(leadData.tasks.rows.every((row) => row.agent.id === agent.id)).toBe(true);
    expect(leadData.counts.map((row) => row.teamName)).toEqual(["售后服务组"]);
    const all = await callRoute(tasksLoader, buildRequest("/qa/coaching?status=all", { cookie: inspectorCookie }));
    const allData = all.data as { tasks: { total: number } };
    expect(allData.tasks.total).toBe(3);
  });
});

describe("agent side", () => {
  it("lets the agent see and complete their own task; the creator is notified", async () => {
    const { taskId } = await createTask({ title: "首问负责制落实" });
    const mine = await callRoute(myTasksLoader, buildRequest("/agent/coaching", { cookie: agentCookie }));
    expect((mine.data as { current: { id: string }[] }).current.map((task) => task.id)).toContain(taskId);
    const view = await callRoute(agentTaskLoader, buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie }), {
      taskId,
    });
    expect(view.status).toBe(200);
    expect((view.data as { criteria: { name: string }[] }).criteria.map((c) => c.name)).toEqual(["情绪安抚"]);

    const empty = await callRoute(
      agentTaskAction,
      buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie, form: { agentNote: " " } }),
      { taskId },
    );
    expect(empty.status).toBe(400);
    const done = await callRoute(
      agentTaskAction,
      buildRequest(`/agent/coaching/${taskId}`, {
        cookie: agentCookie,
        form: { agentNote: "已学习话术，练习了三遍情景演练。" },
      }),
      { taskId },
    );
    expect(done.status).toBe(302);
    expect((await db.coachingTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("completed");
    expect(await db.notification.count({ where: { userId: inspector.id, kind: "coaching-completed" } })).toBe(1);
    const again = await callRoute(
      agentTaskAction,
      buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie, form: { agentNote: "再次提交" } }),
      { taskId },
    );
    expect(again.status).toBe(409);
  });

  it("answers 404 when an agent opens or completes another agent's task", async () => {
    const { taskId } = await createTask({ title: "响应速度提升" });
    const view = await callRoute(
      agentTaskLoader,
      buildRequest(`/agent/coaching/${taskId}`, { cookie: otherAgentCookie }),
      {
        taskId,
      },
    );
    expect(view.status).toBe(404);
    const post = await callRoute(
      agentTaskAction,
      buildRequest(`/agent/coaching/${taskId}`, { cookie: otherAgentCookie, form: { agentNote: "冒名完成" } }),
      { taskId },
    );
    expect(post.status).toBe(404);
    expect((await db.coachingTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("open");
  });

  it("closes a task without follow-up as soon as the agent completes it", async () => {
    const { taskId } = await createTask({ title: "服务用语复习", followUp: undefined });
    await callRoute(
      agentTaskAction,
      buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie, form: { agentNote: "已复习。" } }),
      { taskId },
    );
    const task = await db.coachingTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.status).toBe("closed");
    expect(task.closedAt).not.toBeNull();
  });
});

describe("follow-up", () => {
  it("lists later reviews as candidates and closes with the outcome", async () => {
    const { taskId } = await createTask({ title: "情绪安抚复检" });
    await callRoute(
      agentTaskAction,
      buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie, form: { agentNote: "已完成学习。" } }),
      { taskId },
    );
    const later = await submittedReview(agent.id, [], new Date(Date.now() + 1000));
    const detail = await callRoute(taskLoader, buildRequest(`/qa/coaching/${taskId}`, { cookie: inspectorCookie }), {
      taskId,
    });
    const candidates = (detail.data as { candidates: { id: string }[] }).candidates.map((review) => review.id);
    expect(candidates).toEqual([later]);

    const wrong = await callRoute(
      manageAction,
      buildRequest(`/qa/coaching/${taskId}`, {
        cookie: inspectorCookie,
        form: { intent: "follow-up", reviewId: failedReviewId, outcome: "improved" },
      }),
      { taskId },
    );
    expect(wrong.status).toBe(400);
    const result = await callRoute(
      manageAction,
      buildRequest(`/qa/coaching/${taskId}`, {
        cookie: inspectorCookie,
        form: { intent: "follow-up", reviewId: later, outcome: "improved" },
      }),
      { taskId },
    );
    expect(result.status).toBe(302);
    const task = await db.coachingTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ status: "closed", outcome: "improved", followUpReviewId: later });
    expect(await db.auditLog.count({ where: { action: "coaching.follow-up", entityId: taskId } })).toBe(1);
  });

  it("cancels open tasks and refuses to cancel twice; other teams' leads get 404", async () => {
    const { taskId } = await createTask({ title: "待取消任务" });
    const { cookie: strangerLead } = await signInAs("team_lead");
    const hidden = await callRoute(taskLoader, buildRequest(`/qa/coaching/${taskId}`, { cookie: strangerLead }), {
      taskId,
    });
    expect(hidden.status).toBe(404);
    const form = { intent: "cancel" };
    const first = await callRoute(manageAction, buildRequest(`/qa/coaching/${taskId}`, { cookie: leadCookie, form }), {
      taskId,
    });
    expect(first.status).toBe(302);
    const second = await callRoute(manageAction, buildRequest(`/qa/coaching/${taskId}`, { cookie: leadCookie, form }), {
      taskId,
    });
    expect(second.status).toBe(409);
    expect(await db.auditLog.count({ where: { action: "coaching.cancel", entityId: taskId } })).toBe(1);
  });
});

describe("suggestions", () => {
  it("finds an agent who failed the same criterion three times and drops them once a task is open", async () => {
    const repeat = await createTestUser({ name: "孙悦", teamId: null });
    for (let i = 0; i < 3; i++) await submittedReview(repeat.id, ["greeting"]);
    await submittedReview(repeat.id, ["empathy"]);
    const before = await callRoute(tasksLoader, buildRequest("/qa/coaching", { cookie: inspectorCookie }));
    const suggestions = (before.data as { suggestions: { agentId: string; criterionKey: string; failures: number }[] })
      .suggestions;
    expect(suggestions).toContainEqual(
      expect.objectContaining({ agentId: repeat.id, criterionKey: "greeting", failures: 3 }),
    );
    expect(suggestions.some((row) => row.agentId === repeat.id && row.criterionKey === "empathy")).toBe(false);

    await createTask({
      agentId: repeat.id,
      sourceReviewId: "",
      criterionKeys: ["greeting"],
      title: "服务用语规范提升",
    });
    const after = await callRoute(tasksLoader, buildRequest("/qa/coaching", { cookie: inspectorCookie }));
    const remaining = (after.data as { suggestions: { agentId: string }[] }).suggestions;
    expect(remaining.some((row) => row.agentId === repeat.id)).toBe(false);
  });
});

describe("course and knowledge-base links", () => {
  async function publishedCourse(title: string, status: "published" | "draft" = "published") {
    const course = await db.course.create({
      data: { slug: `course-${Math.random().toString(36).slice(2, 8)}`, type: "skills", status, title },
    });
    const version = await db.courseVersion.create({
      data: { courseId: course.id, version: 1, status: status === "published" ? "published" : "draft", title },
    });
    return { course, version };
  }

  async function article(slug: string, status: "published" | "draft" = "published") {
    return db.kbArticle.create({
      data: { slug, title: "投诉处理原则与话术", kind: "policy", body: "先共情，再处理。", status, searchText: "" },
    });
  }

  it("offers published courses, saves the links and shows the agent's course progress on both task pages", async () => {
    const { course, version } = await publishedCourse("情绪管理与压力调适");
    await publishedCourse("草稿课程", "draft");
    const form = await callRoute(newLoader, buildRequest("/qa/coaching/new", { cookie: inspectorCookie }));
    expect((form.data as { courses: { title: string }[] }).courses.map((row) => row.title)).toEqual([
      "情绪管理与压力调适",
    ]);
    const kb = await article("policy-complaint-phrasing");
    const { result, taskId } = await createTask({ title: "情绪管理课程学习", courseId: course.id, articleId: kb.id });
    expect(result.status).toBe(302);
    expect(await db.coachingTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      courseId: course.id,
      articleId: kb.id,
    });

    type View = { task: { course: { id: string; status: string } | null; article: { slug: string } | null } };
    const before = await callRoute(taskLoader, buildRequest(`/qa/coaching/${taskId}`, { cookie: inspectorCookie }), {
      taskId,
    });
    expect((before.data as View).task.course).toMatchObject({ id: course.id, status: "not_started" });
    expect((before.data as View).task.article).toMatchObject({ slug: "policy-complaint-phrasing" });

    await db.courseEnrollment.create({
      data: {
        userId: agent.id,
        courseId: course.id,
        versionId: version.id,
        status: "completed",
        completedAt: new Date(),
      },
    });
    const after = await callRoute(agentTaskLoader, buildRequest(`/agent/coaching/${taskId}`, { cookie: agentCookie }), {
      taskId,
    });
    expect((after.data as View).task.course).toMatchObject({ id: course.id, status: "completed" });
    expect((after.data as View).task.article).toMatchObject({ slug: "policy-complaint-phrasing" });
  });

  it("rejects unknown or unpublished courses and articles with field errors", async () => {
    const { course } = await publishedCourse("未发布课程", "draft");
    const draft = await article("draft-phrasing", "draft");
    const { result } = await createTask({ courseId: course.id, articleId: draft.id });
    expect(result.status).toBe(400);
    const reply = result.data as { error: Record<string, string[]> };
    expect(reply.error.courseId).toEqual(["training-kb:errors.courseUnavailable"]);
    expect(reply.error.articleId).toEqual(["training-kb:errors.articleUnavailable"]);
    const unknown = await createTask({ courseId: "nope", articleId: "nope" });
    expect(unknown.result.status).toBe(400);
  });
});
