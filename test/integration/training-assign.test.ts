import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/modules/admin/users.server";
import { runAssignNewHires } from "~/modules/training/assignments/new-hires.server";
import { sendOverdueReminders } from "~/modules/training/assignments/reminders.server";
import { action as detailAction, loader as detailLoader } from "~/routes/training.assignments.$assignmentId";
import { loader as listLoader } from "~/routes/training.assignments._index";
import { action as newAction, loader as newLoader } from "~/routes/training.assignments.new";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs, type TestUser } from "../support/auth";
import {
  completeCourse,
  createPublishedCourse,
  createPublishedExam,
  createPublishedPath,
  gradedAttempt,
} from "../support/training-assign-fixtures";

const DAY = 86_400_000;
let trainerCookie: string;
let leadCookie: string;
let agentCookie: string;
let aft: { id: string };
let cmp: { id: string };
let aftAgents: TestUser[];
let aftLead: TestUser;
let cmpAgent: TestUser;
let course: Awaited<ReturnType<typeof createPublishedCourse>>;

const futureDay = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function assign(cookie: string, form: Record<string, string | string[]>) {
  return callRoute(
    newAction,
    buildRequest("/training/assignments/new", { cookie, form: { intent: "create", ...form } }),
  );
}

function assignmentIdFrom(location: string | null) {
  const match = /\/training\/assignments\/([^/?]+)$/.exec(location ?? "");
  expect(match, `redirect to the assignment, got ${location}`).not.toBeNull();
  return match![1]!;
}

beforeAll(async () => {
  ({ cookie: trainerCookie } = await signInAs("trainer", { name: "朱培训" }));
  const signedLead = await signInAs("team_lead", { name: "刘志强" });
  aftLead = signedLead.user;
  leadCookie = signedLead.cookie;
  aft = await db.team.create({ data: { code: "AFT", name: "售后服务组", leadId: aftLead.id }, select: { id: true } });
  cmp = await db.team.create({ data: { code: "CMP", name: "投诉处理组" }, select: { id: true } });
  aftAgents = [];
  for (const name of ["夏丽娟", "韩欣怡", "方婧"]) aftAgents.push(await createTestUser({ name, teamId: aft.id }));
  await createTestUser({ name: "离职员工", teamId: aft.id, status: "inactive" });
  cmpAgent = await createTestUser({ name: "江琳", teamId: cmp.id });
  ({ cookie: agentCookie } = await signInAs("agent", { teamId: cmp.id }));
  course = await createPublishedCourse();
});

describe("assigning to a team, a role and chosen people", () => {
  it("expands a team target to its active agents, notifies them and counts completions and overdue", async () => {
    await completeCourse(aftAgents[0]!.id, course, new Date(Date.now() - 10 * DAY));
    const result = await assign(trainerCookie, {
      kind: "course",
      itemId: course.id,
      target: "team",
      teamId: aft.id,
      role: "agent",
      dueDate: futureDay(14),
      note: "大促前复习售后政策",
    });
    expect(result.status).toBe(302);
    const id = assignmentIdFrom(result.location);
    const recipients = await db.assignmentRecipient.findMany({ where: { assignmentId: id } });
    expect(recipients).toHaveLength(3); // the inactive member is left out
    const done = recipients.find((row) => row.userId === aftAgents[0]!.id)!;
    expect(done.completedAt).not.toBeNull(); // already completed counts
    const notified = await db.notification.count({
      where: { kind: "training-assigned", userId: { in: aftAgents.map((a) => a.id) } },
    });
    expect(notified).toBe(2); // only those with open work
    const audit = await db.auditLog.findFirst({ where: { action: "training.assignment.create", entityId: id } });
    expect(audit?.after).toMatchObject({ added: 3, skipped: 0, alreadyDone: 1 });

    const list = await callRoute(listLoader, buildRequest("/training/assignments", { cookie: trainerCookie }));
    const row = (list.data as { rows: { id: string; counts: object }[] }).rows.find((entry) => entry.id === id);
    expect(row?.counts).toEqual({ total: 3, completed: 1, overdue: 0 });
  });

  it("does not duplicate people who already hold an open row for the same item, and says how many were skipped", async () => {
    const result = await assign(trainerCookie, {
      kind: "course",
      itemId: course.id,
      target: "users",
      userIds: [aftAgents[1]!.id, cmpAgent.id],
    });
    const id = assignmentIdFrom(result.location);
    const rows = await db.assignmentRecipient.findMany({ where: { assignmentId: id }, select: { userId: true } });
    expect(rows.map((row) => row.userId)).toEqual([cmpAgent.id]);
    const audit = await db.auditLog.findFirst({ where: { action: "training.assignment.create", entityId: id } });
    expect(audit?.after).toMatchObject({ added: 1, skipped: 1 });
  });

  it("previews the counts without writing anything", async () => {
    const exam = await createPublishedExam({ title: "预览测验" });
    const before = await db.assignmentRecipient.count();
    const result = await callRoute(
      newAction,
      buildRequest("/training/assignments/new", {
        cookie: trainerCookie,
        form: { intent: "preview", kind: "exam", itemId: exam.id, target: "role", role: "agent" },
      }),
    );
    const preview = (result.data as { preview: { reached: number; added: number } }).preview;
    expect(preview.reached).toBe(5); // 3 AFT + CMP agent + the signed-in agent
    expect(preview.added).toBe(5);
    expect(await db.assignmentRecipient.count()).toBe(before);
  });

  it("a role target reaches every active holder of the role company-wide", async () => {
    const exam = await createPublishedExam({ title: "全员结业考试" });
    await gradedAttempt(cmpAgent.id, exam.id, true, new Date(Date.now() - 5 * DAY));
    const result = await assign(trainerCookie, { kind: "exam", itemId: exam.id, target: "role", role: "agent" });
    const id = assignmentIdFrom(result.location);
    const rows = await db.assignmentRecipient.findMany({ where: { assignmentId: id } });
    expect(rows).toHaveLength(5);
    expect(rows.filter((row) => row.completedAt !== null).map((row) => row.userId)).toEqual([cmpAgent.id]);
  });

  it("refuses unpublished items", async () => {
    const draft = await db.course.create({
      data: { slug: "draft-course", type: "skills", title: "草稿课程", status: "draft" },
    });
    const result = await assign(trainerCookie, { kind: "course", itemId: draft.id, target: "team", teamId: aft.id });
    expect(result.status).toBe(400);
  });
});

describe("retraining", () => {
  it("creates a new not-started round for people who completed the course, and keeps their row open", async () => {
    const retrainCourse = await createPublishedCourse("投诉处理原则");
    const person = aftAgents[2]!;
    await completeCourse(person.id, retrainCourse, new Date(Date.now() - 200 * DAY));
    const result = await assign(trainerCookie, {
      kind: "course",
      itemId: retrainCourse.id,
      target: "users",
      userIds: [person.id],
      retrain: "on",
    });
    const id = assignmentIdFrom(result.location);
    const row = await db.assignmentRecipient.findFirstOrThrow({ where: { assignmentId: id, userId: person.id } });
    expect(row.completedAt).toBeNull();
    const rounds = await db.courseEnrollment.findMany({
      where: { userId: person.id, courseId: retrainCourse.id },
      orderBy: { round: "asc" },
      select: { round: true, status: true },
    });
    expect(rounds).toEqual([
      { round: 1, status: "completed" },
      { round: 2, status: "not_started" },
    ]);
  });
});

describe("lead scope", () => {
  it("a lead may assign to their own team", async () => {
    const leadCourse = await createPublishedCourse("售后工单系统操作");
    const result = await assign(leadCookie, {
      kind: "course",
      itemId: leadCourse.id,
      target: "team",
      teamId: aft.id,
      role: "agent",
    });
    expect(result.status).toBe(302);
  });

  it("a lead gets 403 for another team, for people of another team and for a company-wide role", async () => {
    const other = await createPublishedCourse("投诉升级流程");
    const team = await assign(leadCookie, { kind: "course", itemId: other.id, target: "team", teamId: cmp.id });
    expect(team.status).toBe(403);
    const people = await assign(leadCookie, {
      kind: "course",
      itemId: other.id,
      target: "users",
      userIds: [cmpAgent.id],
    });
    expect(people.status).toBe(403);
    const role = await assign(leadCookie, { kind: "course", itemId: other.id, target: "role", role: "agent" });
    expect(role.status).toBe(403);
    expect(await db.learningAssignment.count({ where: { courseId: other.id } })).toBe(0);
  });

  it("a lead's form offers only their team's people; an agent gets 403", async () => {
    const form = await callRoute(newLoader, buildRequest("/training/assignments/new", { cookie: leadCookie }));
    const people = (form.data as { people: { id: string }[] }).people.map((person) => person.id);
    expect(people).toContain(aftAgents[0]!.id);
    expect(people).not.toContain(cmpAgent.id);
    const denied = await callRoute(listLoader, buildRequest("/training/assignments", { cookie: agentCookie }));
    expect(denied.status).toBe(403);
  });

  it("a lead's list counts only their team's recipients", async () => {
    const list = await callRoute(listLoader, buildRequest("/training/assignments?kind=exam", { cookie: leadCookie }));
    const rows = (list.data as { rows: { item: string; counts: { total: number } }[] }).rows;
    const exam = rows.find((row) => row.item === "全员结业考试");
    expect(exam?.counts.total).toBe(3);
  });
});

describe("new hires", () => {
  it("an admin-created new hire gets the auto-assigned path with a due date from the hire date", async () => {
    const onboarding = await createPublishedCourse("公司与商品");
    const path = await createPublishedPath([onboarding.id], { autoAssignNewHires: true, dueDays: 30 });
    const hireDate = new Date(Date.now() - 5 * DAY).toISOString().slice(0, 10);
    const created = await createUser(
      {
        externalId: "A2099",
        name: "新同事",
        email: null,
        teamId: aft.id,
        roles: ["agent"],
        hireDate,
        locale: "zh-CN",
        status: "active",
      },
      { id: null, ipAddress: "test" },
    );
    expect(created.ok).toBe(true);
    const userId = created.ok ? created.value.id : "";
    const row = await db.assignmentRecipient.findFirstOrThrow({
      where: { userId, assignment: { pathId: path.id, reason: "new_hire" } },
    });
    const expectedDay = new Date(Date.parse(`${hireDate}T00:00:00Z`) + 30 * DAY).toISOString().slice(0, 10);
    expect(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(row.dueAt!)).toBe(expectedDay);
    expect(await db.notification.count({ where: { userId, kind: "training-assigned" } })).toBe(1);
  });

  it("the daily job assigns recent hires (not long-serving staff) once, and brings team assignments to joiners", async () => {
    const path = await db.learningPath.findFirstOrThrow({ where: { autoAssignNewHires: true }, select: { id: true } });
    const recent = await createTestUser({ name: "近期入职", teamId: cmp.id });
    await db.user.update({ where: { id: recent.id }, data: { hireDate: new Date(Date.now() - 20 * DAY) } });
    const veteran = await createTestUser({ name: "老员工", teamId: cmp.id });
    await db.user.update({ where: { id: veteran.id }, data: { hireDate: new Date(Date.now() - 400 * DAY) } });
    const joiner = await createTestUser({ name: "转岗同事", teamId: aft.id });
    await db.user.update({ where: { id: joiner.id }, data: { hireDate: new Date(Date.now() - 400 * DAY) } });

    const first = await runAssignNewHires();
    expect(first.newHires).toBeGreaterThanOrEqual(1);
    const containers = await db.learningAssignment.count({ where: { pathId: path.id, reason: "new_hire" } });
    expect(containers).toBe(1);
    const holders = await db.assignmentRecipient.findMany({
      where: { assignment: { pathId: path.id, reason: "new_hire" } },
      select: { userId: true },
    });
    expect(holders.map((row) => row.userId)).toContain(recent.id);
    expect(holders.map((row) => row.userId)).not.toContain(veteran.id);
    // The joiner of AFT gets the open team assignment (due in 14 days) made before they joined.
    const joined = await db.assignmentRecipient.count({
      where: { userId: joiner.id, assignment: { target: "team", targetTeamId: aft.id, courseId: course.id } },
    });
    expect(joined).toBe(1);

    const before = await db.assignmentRecipient.count();
    const second = await runAssignNewHires();
    expect(second).toEqual({ newHires: 0, joiners: 0 });
    expect(await db.assignmentRecipient.count()).toBe(before);
  });
});

describe("overdue reminders", () => {
  it("reminds overdue learners once per 3 days, sends the lead one digest per run, and supports remind-now", async () => {
    const overdueCourse = await createPublishedCourse("物流异常处理");
    const assignment = await db.learningAssignment.create({
      data: {
        kind: "course",
        courseId: overdueCourse.id,
        target: "team",
        targetTeamId: aft.id,
        dueAt: new Date(Date.now() - 2 * DAY),
        recipients: {
          create: [
            { userId: aftAgents[0]!.id, dueAt: new Date(Date.now() - 2 * DAY) },
            { userId: aftAgents[1]!.id, dueAt: new Date(Date.now() - 2 * DAY) },
            { userId: aftAgents[2]!.id, dueAt: new Date(Date.now() - 2 * DAY), completedAt: new Date() },
          ],
        },
      },
    });
    await db.notification.deleteMany({
      where: { kind: { in: ["training-assignment-overdue", "training-team-overdue-digest"] } },
    });
    const now = new Date();
    const first = await sendOverdueReminders(now);
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    const learnerNotes = await db.notification.findMany({
      where: { kind: "training-assignment-overdue", userId: aftAgents[0]!.id },
    });
    expect(learnerNotes.length).toBeGreaterThanOrEqual(1);
    expect(learnerNotes[0]!.link).toBe(`/learn/courses/${overdueCourse.id}`);
    expect(
      await db.notification.count({ where: { kind: "training-assignment-overdue", userId: aftAgents[2]!.id } }),
    ).toBe(0);
    const digests = await db.notification.findMany({
      where: { kind: "training-team-overdue-digest", userId: aftLead.id },
    });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.link).toBe("/training/progress/overdue");
    expect((digests[0]!.params as { count: number }).count).toBe(2);

    // A day later: nothing again (3-day interval); four days later: again.
    const again = await sendOverdueReminders(new Date(now.getTime() + DAY));
    expect(again).toEqual({ reminded: 0, digests: 0 });
    const later = await sendOverdueReminders(new Date(now.getTime() + 3 * DAY + 1000));
    expect(later.reminded).toBeGreaterThanOrEqual(2);

    // Remind now is refused right after a reminder, and the detail page shows the statuses.
    const recipient = await db.assignmentRecipient.findFirstOrThrow({
      where: { assignmentId: assignment.id, userId: aftAgents[0]!.id },
    });
    const tooSoon = await callRoute(
      detailAction,
      buildRequest(`/training/assignments/${assignment.id}`, {
        cookie: leadCookie,
        form: { intent: "remind", recipientId: recipient.id },
      }),
      { assignmentId: assignment.id },
    );
    expect(tooSoon.status).toBe(302);
    await db.assignmentRecipient.update({
      where: { id: recipient.id },
      data: { lastRemindedAt: new Date(Date.now() - 4 * DAY) },
    });
    const reminded = await callRoute(
      detailAction,
      buildRequest(`/training/assignments/${assignment.id}`, {
        cookie: leadCookie,
        form: { intent: "remind", recipientId: recipient.id },
      }),
      { assignmentId: assignment.id },
    );
    expect(reminded.status).toBe(302);
    const refreshed = await db.assignmentRecipient.findUniqueOrThrow({ where: { id: recipient.id } });
    expect(Date.now() - refreshed.lastRemindedAt!.getTime()).toBeLessThan(60_000);

    const detail = await callRoute(
      detailLoader,
      buildRequest(`/training/assignments/${assignment.id}`, { cookie: leadCookie }),
      { assignmentId: assignment.id },
    );
    const statuses = (detail.data as { recipients: { status: string }[] }).recipients.map((row) => row.status).sort();
    expect(statuses).toEqual(["completed", "overdue", "overdue"]);
  });

  it("extending one recipient's due date is audited; a lead cannot touch another team's recipient", async () => {
    const assignment = await db.learningAssignment.findFirstOrThrow({
      where: { course: { title: "物流异常处理" } },
      select: { id: true },
    });
    const recipient = await db.assignmentRecipient.findFirstOrThrow({
      where: { assignmentId: assignment.id, userId: aftAgents[1]!.id },
    });
    const result = await callRoute(
      detailAction,
      buildRequest(`/training/assignments/${assignment.id}`, {
        cookie: leadCookie,
        form: { intent: "extend", recipientId: recipient.id, dueDate: futureDay(7) },
      }),
      { assignmentId: assignment.id },
    );
    expect(result.status).toBe(302);
    const updated = await db.assignmentRecipient.findUniqueOrThrow({ where: { id: recipient.id } });
    expect(updated.dueAt!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    const audit = await db.auditLog.findFirst({
      where: { action: "training.assignment.extend-due", entityId: recipient.id },
    });
    expect(audit).not.toBeNull();

    const cmpRow = await db.assignmentRecipient.findFirstOrThrow({ where: { userId: cmpAgent.id } });
    const denied = await callRoute(
      detailAction,
      buildRequest(`/training/assignments/${cmpRow.assignmentId}`, {
        cookie: leadCookie,
        form: { intent: "extend", recipientId: cmpRow.id, dueDate: futureDay(7) },
      }),
      { assignmentId: cmpRow.assignmentId },
    );
    expect(denied.status).toBe(404);
  });
});
