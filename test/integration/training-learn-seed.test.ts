import { describe, expect, it } from "vitest";
import { seedTrainingProgress } from "../../prisma/seed/training-progress";
import { db } from "~/utils/db.server";
import { createTestUser } from "../support/auth";

const DAY = 86_400_000;

async function publishedCourse(slug: string, lessons: number) {
  const course = await db.course.create({ data: { slug, type: "onboarding", status: "published", title: slug } });
  const version = await db.courseVersion.create({
    data: { courseId: course.id, version: 1, status: "published", title: slug, estimatedMinutes: lessons * 30 },
  });
  const module = await db.courseModule.create({ data: { versionId: version.id, position: 0, title: "第一章" } });
  for (let i = 0; i < lessons; i += 1) {
    await db.lesson.create({
      data: {
        versionId: version.id,
        moduleId: module.id,
        key: `${slug}-${i}`,
        position: i,
        title: `课时${i + 1}`,
        body: "正文",
        estimatedMinutes: 30,
        contentHash: `${slug}-${i}`,
      },
    });
  }
  await db.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } });
  return course.id;
}

describe("seedTrainingProgress", () => {
  it("studies assigned courses in the past, closes finished assignments, and changes nothing when run again", async () => {
    const team = await db.team.create({ data: { code: "AFT", name: "售后服务组" } });
    const courseIds = [
      await publishedCourse("company-and-products", 4),
      await publishedCourse("after-sales-policies", 4),
    ];
    const path = await db.learningPath.create({
      data: {
        slug: "new-hire-onboarding",
        title: "新人入职路径",
        status: "published",
        requiredHours: 4,
        items: { create: courseIds.map((courseId, position) => ({ courseId, position })) },
      },
    });
    const created = new Date(Date.now() - 40 * DAY);
    const assignment = await db.learningAssignment.create({
      data: {
        kind: "path",
        pathId: path.id,
        target: "users",
        dueAt: new Date(Date.now() - 10 * DAY),
        createdAt: created,
      },
    });
    const demo = await createTestUser({ externalId: "A2003", name: "夏丽娟", teamId: team.id });
    const people = [demo];
    for (let i = 0; i < 8; i += 1) people.push(await createTestUser({ externalId: `A20${10 + i}`, teamId: team.id }));
    for (const person of people) {
      await db.assignmentRecipient.create({
        data: { assignmentId: assignment.id, userId: person.id, dueAt: assignment.dueAt, createdAt: created },
      });
    }

    const summary = await seedTrainingProgress();
    expect(summary).toMatch(/training progress/);
    const now = Date.now();
    const progress = await db.lessonProgress.findMany({ select: { completedAt: true, firstViewedAt: true } });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((row) => (row.completedAt ?? row.firstViewedAt).getTime() <= now)).toBe(true);

    // The demo agent finished the first course and is in the middle of after-sales-policies.
    const demoEnrollments = await db.courseEnrollment.findMany({
      where: { userId: demo.id },
      select: { courseId: true, status: true },
    });
    expect(demoEnrollments.find((row) => row.courseId === courseIds[0])?.status).toBe("completed");
    expect(demoEnrollments.find((row) => row.courseId === courseIds[1])?.status).toBe("in_progress");

    // A mix: some finished the path (assignment closed), some did not (still overdue).
    const recipients = await db.assignmentRecipient.findMany({ select: { completedAt: true } });
    const closed = recipients.filter((row) => row.completedAt !== null).length;
    expect(closed).toBeGreaterThan(0);
    expect(closed).toBeLessThan(recipients.length);

    const before = {
      enrollments: await db.courseEnrollment.count(),
      progress: await db.lessonProgress.count(),
      seconds: await db.courseEnrollment.aggregate({ _sum: { timeSpentSeconds: true } }),
    };
    await seedTrainingProgress();
    expect(await db.courseEnrollment.count()).toBe(before.enrollments);
    expect(await db.lessonProgress.count()).toBe(before.progress);
    expect(await db.courseEnrollment.aggregate({ _sum: { timeSpentSeconds: true } })).toEqual(before.seconds);
  });
});
