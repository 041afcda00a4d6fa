/** The assignments seed on hand-built items: new hires, team and company assignments, and idempotent. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedAssignments } from "../../prisma/seed/training-assignments";
import { createTestUser } from "../support/auth";
import { createPublishedCourse, createPublishedExam, createPublishedPath } from "../support/training-assign-fixtures";

const DAY = 86_400_000;

async function withSlug<T extends { id: string }>(model: "course" | "learningPath" | "exam", row: T, slug: string) {
  if (model === "course") await db.course.update({ where: { id: row.id }, data: { slug } });
  if (model === "learningPath") await db.learningPath.update({ where: { id: row.id }, data: { slug } });
  if (model === "exam") await db.exam.update({ where: { id: row.id }, data: { slug } });
  return row;
}

describe("seedAssignments", () => {
  it("assigns new hires and the teams' learning with past and future due dates, and changes nothing when run again", async () => {
    const teams: Record<string, string> = {};
    for (const [code, name, lead] of [
      ["PRE", "售前咨询组", "L101"],
      ["AFT", "售后服务组", "L201"],
      ["CMP", "投诉处理组", "L301"],
    ] as const) {
      const leadUser = await createTestUser({ roles: ["team_lead"], externalId: lead });
      teams[code] = (await db.team.create({ data: { code, name, leadId: leadUser.id } })).id;
    }
    await createTestUser({ roles: ["trainer"], externalId: "T001" });
    await createTestUser({ roles: ["trainer"], externalId: "T002" });
    const demo = await createTestUser({ externalId: "A2003", name: "夏丽娟", teamId: teams.AFT });
    await db.user.update({ where: { id: demo.id }, data: { hireDate: new Date("2024-03-01") } });
    const newHire = await createTestUser({ externalId: "A2001", teamId: teams.AFT });
    await db.user.update({ where: { id: newHire.id }, data: { hireDate: new Date(Date.now() - 40 * DAY) } });
    for (const [externalId, team] of [
      ["A1001", "PRE"],
      ["A3001", "CMP"],
    ] as const) {
      const user = await createTestUser({ externalId, teamId: teams[team] });
      await db.user.update({ where: { id: user.id }, data: { hireDate: new Date("2023-05-01") } });
    }

    const afterSales = await withSlug("course", await createPublishedCourse("售后政策"), "after-sales-policies");
    const basics = await createPublishedCourse("公司与商品");
    await withSlug(
      "learningPath",
      await createPublishedPath([basics.id, afterSales.id], { autoAssignNewHires: true, dueDays: 30 }),
      "new-hire-onboarding",
    );
    await withSlug(
      "learningPath",
      await createPublishedPath([basics.id], { title: "投诉专员进阶路径" }),
      "complaint-track",
    );
    await withSlug(
      "learningPath",
      await createPublishedPath([basics.id], { title: "售前岗位进阶路径" }),
      "presales-track",
    );
    await withSlug("exam", await createPublishedExam({ title: "售后政策专项测验" }), "after-sales-quiz");
    await withSlug("exam", await createPublishedExam({ title: "投诉处理专员认证" }), "complaint-certification");
    await withSlug("exam", await createPublishedExam({ title: "新人入职结业考试" }), "onboarding-final");

    const first = await seedAssignments();
    expect(first).toMatch(/1 new-hire path rows, 6 team\/company assignments/);
    const newHireRow = await db.assignmentRecipient.findFirstOrThrow({
      where: { userId: newHire.id, assignment: { reason: "new_hire" } },
    });
    expect(newHireRow.dueAt!.getTime()).toBeLessThan(Date.now()); // hired 40 days ago, 30 days to finish
    const demoRows = await db.assignmentRecipient.findMany({
      where: { userId: demo.id },
      select: { dueAt: true, assignment: { select: { kind: true, assignedBy: { select: { externalId: true } } } } },
    });
    expect(demoRows.map((row) => row.assignment.kind).sort()).toEqual(["course", "exam", "exam"]);
    expect(demoRows.some((row) => row.dueAt! < new Date())).toBe(true);
    expect(demoRows.some((row) => row.dueAt! > new Date())).toBe(true);
    const onboardingExam = await db.learningAssignment.findFirstOrThrow({
      where: { exam: { slug: "onboarding-final" } },
      select: { createdAt: true, _count: { select: { recipients: true } } },
    });
    expect(onboardingExam._count.recipients).toBe(4); // every agent
    expect(onboardingExam.createdAt.getTime()).toBeLessThan(Date.now() - 50 * DAY);

    const counts = async () => ({
      assignments: await db.learningAssignment.count(),
      recipients: await db.assignmentRecipient.count(),
      notifications: await db.notification.count(),
    });
    const before = await counts();
    const second = await seedAssignments();
    expect(second).toMatch(/0 new-hire path rows, 0 team\/company assignments/);
    expect(await counts()).toEqual(before);
  });
});
