// Training fixtures for the assignment/certificate tests: published courses, paths and exams created with `db`.
import { randomUUID } from "node:crypto";
import { db } from "~/utils/db.server";

const suffix = () => randomUUID().slice(0, 8);

export async function createPublishedCourse(title = "售后政策：7天无理由退换货", lessons = 2) {
  const course = await db.course.create({
    data: { slug: `course-${suffix()}`, type: "onboarding", status: "published", title },
    select: { id: true },
  });
  const version = await db.courseVersion.create({
    data: { courseId: course.id, version: 1, status: "published", title, publishedAt: new Date() },
    select: { id: true },
  });
  const module = await db.courseModule.create({ data: { versionId: version.id, position: 1, title: "第一章" } });
  for (let index = 0; index < lessons; index++) {
    await db.lesson.create({
      data: {
        versionId: version.id,
        moduleId: module.id,
        key: `lesson-${index + 1}`,
        position: index + 1,
        title: `第 ${index + 1} 课`,
        body: "正文",
        estimatedMinutes: 30,
        contentHash: `hash-${index}`,
      },
    });
  }
  await db.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } });
  return { id: course.id, versionId: version.id, title };
}

export async function completeCourse(userId: string, course: { id: string; versionId: string }, at: Date, round = 1) {
  return db.courseEnrollment.upsert({
    where: { userId_courseId_round: { userId, courseId: course.id, round } },
    create: {
      userId,
      courseId: course.id,
      versionId: course.versionId,
      round,
      status: "completed",
      startedAt: at,
      completedAt: at,
    },
    update: { status: "completed", startedAt: at, completedAt: at },
  });
}

export async function createPublishedPath(
  courseIds: string[],
  options: {
    title?: string;
    autoAssignNewHires?: boolean;
    dueDays?: number | null;
    audienceRoles?: ("agent" | "team_lead")[];
    audienceTeamIds?: string[];
  } = {},
) {
  return db.learningPath.create({
    data: {
      slug: `path-${suffix()}`,
      title: options.title ?? "新人入职路径",
      status: "published",
      autoAssignNewHires: options.autoAssignNewHires ?? false,
      dueDays: options.dueDays === undefined ? 30 : options.dueDays,
      audienceRoles: options.audienceRoles ?? ["agent"],
      audienceTeamIds: options.audienceTeamIds ?? [],
      items: { create: courseIds.map((courseId, index) => ({ courseId, position: index + 1 })) },
    },
    select: { id: true, title: true },
  });
}

export async function createPublishedExam(
  options: {
    title?: string;
    isCertification?: boolean;
    certificateTitle?: string | null;
    certificateValidityMonths?: number | null;
    remediationCourseId?: string | null;
    remediateOnFail?: boolean;
  } = {},
) {
  return db.exam.create({
    data: {
      slug: `exam-${suffix()}`,
      title: options.title ?? "售后政策测验",
      status: "published",
      isCertification: options.isCertification ?? false,
      certificateTitle: options.certificateTitle ?? null,
      certificateValidityMonths: options.certificateValidityMonths ?? null,
      remediationCourseId: options.remediationCourseId ?? null,
      remediateOnFail: options.remediateOnFail ?? false,
      publishedAt: new Date(),
    },
    select: { id: true, title: true },
  });
}

/** A graded (final) attempt: number = previous + 1. */
export async function gradedAttempt(userId: string, examId: string, passed: boolean, gradedAt: Date, percent?: number) {
  const previous = await db.examAttempt.count({ where: { userId, examId } });
  const score = percent ?? (passed ? 90 : 40);
  return db.examAttempt.create({
    data: {
      examId,
      userId,
      number: previous + 1,
      seed: suffix(),
      status: "graded",
      startedAt: new Date(gradedAt.getTime() - 30 * 60_000),
      submittedAt: gradedAt,
      submittedBy: "learner",
      gradedAt,
      score,
      maxScore: 100,
      percent: score,
      passed,
    },
    select: { id: true },
  });
}
