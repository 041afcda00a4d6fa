/** The role-play sessions seed on the real content: the story it tells, and that a second run changes nothing. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { importUsers } from "~/modules/admin/user-import.server";
import { db } from "~/utils/db.server";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { seedScenarios } from "../../prisma/seed/training-roleplay";
import { seedRolePlaySessions } from "../../prisma/seed/training-roleplay-sessions";

const CONTENT = path.resolve(import.meta.dirname, "../../content");

async function counts() {
  const [sessions, turns, reviews, submitted, audits, notices] = await Promise.all([
    db.rolePlaySession.count(),
    db.rolePlayTurn.count(),
    db.rolePlayReview.count(),
    db.rolePlayReview.count({ where: { status: "submitted" } }),
    db.auditLog.count({ where: { action: { startsWith: "roleplay." } } }),
    db.notification.count({ where: { kind: "roleplay-review-submitted" } }),
  ]);
  return { sessions, turns, reviews, submitted, audits, notices };
}

describe("seedRolePlaySessions", () => {
  it("plays A2003's fail-then-pass, a mix of other results and a rubric queue, once", async () => {
    const { teams } = parseYaml(readFileSync(path.join(CONTENT, "org/teams.yaml"), "utf8")) as {
      teams: { code: string; name: string }[];
    };
    for (const team of teams) await db.team.create({ data: { code: team.code, name: team.name } });
    const imported = await importUsers(readFileSync(path.join(CONTENT, "org/users.csv"), "utf8"), {
      id: null,
      ipAddress: "seed",
    });
    expect(imported.errors).toEqual([]);
    await seedQaRubrics();
    await seedScenarios();

    const now = new Date();
    const summary = await seedRolePlaySessions(now);
    expect(summary).toMatch(/Role-play sessions: 6 played/);

    const sessionsOf = (externalId: string) =>
      db.rolePlaySession.findMany({
        where: { user: { externalId } },
        orderBy: { startedAt: "asc" },
        select: {
          status: true,
          outcome: true,
          passed: true,
          autoScore: true,
          finalScore: true,
          startedAt: true,
          autoReport: true,
          review: { select: { status: true, reviewer: { select: { externalId: true } } } },
        },
      });

    const demo = await sessionsOf("A2003");
    expect(demo.map((s) => [s.status, s.outcome, s.passed])).toEqual([
      ["completed", "customer_left", false],
      ["completed", "resolved", true],
    ]);
    expect(demo[0]!.finalScore).toBe(0);
    expect((demo[0]!.autoReport as { redLines: { key: string }[] }).redLines.map((line) => line.key)).toEqual([
      "pass-the-buck",
    ]);
    expect(demo[1]!.autoScore).toBe(100);
    expect(demo[1]!.review).toEqual({ status: "submitted", reviewer: { externalId: "T001" } });
    // rubric: emotion-soothing 4/5 and expectation-setting 2/3 cost (3 × 0.25 + 1.5 × 0.5) / 29 → 94.83, no bonus;
    // final = 100 × 50% + 94.83 × 50% = 97.415 → 97.42
    expect(demo[1]!.finalScore).toBe(97.42);
    expect(demo.every((s) => s.startedAt < now)).toBe(true);

    const [returns] = await sessionsOf("A2006");
    expect(returns).toMatchObject({ status: "completed", outcome: "resolved", passed: true, autoScore: 96 });
    const [logistics] = await sessionsOf("A2009");
    expect(logistics).toMatchObject({ status: "completed", outcome: "customer_left", passed: false });

    // A3003: greeting missed (10 of 11 step weight), 5 of 6 replies in time: 54.55 + 16.67 + 20 = 91.21
    // A3006: every step, 5 of 6 replies in time: 60 + 16.67 + 20 = 96.67
    for (const [agent, autoScore] of [
      ["A3003", 91.21],
      ["A3006", 96.67],
    ] as const) {
      const [pending] = await sessionsOf(agent);
      expect(pending).toMatchObject({ status: "pending_review", outcome: "resolved", finalScore: null, autoScore });
      expect(pending!.review).toEqual({ status: "pending", reviewer: null });
    }

    const before = await counts();
    expect(before).toMatchObject({ sessions: 6, reviews: 3, submitted: 1, notices: 1 });
    expect(await seedRolePlaySessions(now)).toMatch(/nothing to do/);
    expect(await counts()).toEqual(before);
  });
});
