/** The exam-attempts seed on the real content: the story it tells, and that a second run changes nothing. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { importUsers } from "~/modules/admin/user-import.server";
import { db } from "~/utils/db.server";
import { seedQuestionBanks } from "../../prisma/seed/training-banks";
import { seedExamAttempts } from "../../prisma/seed/training-attempts";
import { seedTrainingCourses } from "../../prisma/seed/training-courses";
import { seedExams } from "../../prisma/seed/training-exams";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { seedScenarios } from "../../prisma/seed/training-roleplay";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const DAY = 86_400_000;

describe("seedExamAttempts", () => {
  it("seeds passes, retakes, expiring certificates, A2003's fail-then-pass and a grading queue, once", async () => {
    const { teams } = parseYaml(readFileSync(path.join(CONTENT, "org/teams.yaml"), "utf8")) as {
      teams: { code: string; name: string }[];
    };
    for (const team of teams) await db.team.create({ data: { code: team.code, name: team.name } });
    const imported = await importUsers(readFileSync(path.join(CONTENT, "org/users.csv"), "utf8"), {
      id: null,
      ipAddress: "seed",
    });
    expect(imported.errors).toEqual([]);
    await seedTrainingCourses();
    await seedQuestionBanks();
    await seedQaRubrics();
    await seedScenarios();
    await seedExams();

    const summary = await seedExamAttempts();
    expect(summary).toMatch(/exam attempts: \d+ created/);

    const exam = (slug: string) => db.exam.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const onboarding = await exam("onboarding-final");
    const quiz = await exam("after-sales-quiz");
    const certification = await exam("complaint-certification");

    const demo = await db.user.findUniqueOrThrow({ where: { externalId: "A2003" }, select: { id: true } });
    const demoAttempts = await db.examAttempt.findMany({
      where: { examId: quiz.id, userId: demo.id },
      orderBy: { number: "asc" },
      select: { status: true, passed: true, submittedAt: true },
    });
    expect(demoAttempts.map((attempt) => [attempt.status, attempt.passed])).toEqual([
      ["graded", false],
      ["graded", true],
    ]);
    expect(demoAttempts.every((attempt) => attempt.submittedAt! < new Date())).toBe(true);

    const pending = await db.examAttempt.findMany({
      where: { examId: certification.id, status: "pending_grading" },
      select: { user: { select: { team: { select: { code: true } } } } },
    });
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.length).toBeLessThanOrEqual(3);
    expect(pending.every((attempt) => attempt.user.team?.code === "CMP")).toBe(true);

    const onboardingGraded = await db.examAttempt.groupBy({
      by: ["passed"],
      where: { examId: onboarding.id, status: "graded" },
      _count: { _all: true },
    });
    const passes = onboardingGraded.find((row) => row.passed === true)?._count._all ?? 0;
    const fails = onboardingGraded.find((row) => row.passed === false)?._count._all ?? 0;
    expect(passes).toBeGreaterThan(20);
    expect(fails).toBeGreaterThan(0);
    expect(fails).toBeLessThan(passes / 4);
    // everyone who failed the first time passed a retake
    const retakers = await db.examAttempt.findMany({
      where: { examId: onboarding.id, passed: false },
      select: { userId: true },
    });
    for (const { userId } of retakers) {
      expect(await db.examAttempt.count({ where: { examId: onboarding.id, userId, passed: true } })).toBe(1);
    }
    const expiringSoon = await db.certificate.count({
      where: { examId: onboarding.id, expiresAt: { gt: new Date(), lt: new Date(Date.now() + 31 * DAY) } },
    });
    expect(expiringSoon).toBeGreaterThanOrEqual(3);
    expect(expiringSoon).toBeLessThanOrEqual(4);

    const before = await db.examAttempt.count();
    const items = await db.examAttemptItem.count();
    expect(await seedExamAttempts()).toMatch(/exam attempts: 0 created/);
    expect(await db.examAttempt.count()).toBe(before);
    expect(await db.examAttemptItem.count()).toBe(items);
  }, 600_000);
});
