/** The scenarios seed on the real content/scenarios: every file is published once, a second run changes nothing. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { seedScenarios } from "../../prisma/seed/training-roleplay";

describe("seedScenarios", () => {
  it("publishes the seven shipped scenarios with their rubrics, idempotently", async () => {
    await seedQaRubrics();
    expect(await seedScenarios()).toBe("scenarios: 7 created, 0 updated, 0 unchanged, 0 skipped (edited in the app)");
    const scenarios = await db.scenario.findMany({
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        status: true,
        source: true,
        publishedVersion: {
          select: { version: true, rubricVersion: { select: { rubric: { select: { slug: true } } } } },
        },
      },
    });
    expect(
      scenarios.map((scenario) => [
        scenario.slug,
        scenario.status,
        scenario.source,
        scenario.publishedVersion?.version,
      ]),
    ).toEqual([
      ["angry-cannot-reach-service", "published", "file", 1],
      ["crisis-counterfeit-rumour", "published", "file", 1],
      ["logistics-delay", "published", "file", 1],
      ["quality-defect-refund", "published", "file", 1],
      ["seven-day-return", "published", "file", 1],
      ["special-goods-no-return", "published", "file", 1],
      ["warranty-repair", "published", "file", 1],
    ]);
    const rubrics = Object.fromEntries(
      scenarios.map((scenario) => [scenario.slug, scenario.publishedVersion?.rubricVersion?.rubric.slug ?? null]),
    );
    expect(rubrics).toMatchObject({
      "quality-defect-refund": "complaint-handling",
      "warranty-repair": "phone-service",
      "angry-cannot-reach-service": "complaint-handling",
      "crisis-counterfeit-rumour": "complaint-handling",
      "logistics-delay": null,
    });

    const versions = await db.scenarioVersion.count();
    const audits = await db.auditLog.count({ where: { action: { startsWith: "scenario." } } });
    expect(await seedScenarios()).toBe("scenarios: 0 created, 0 updated, 7 unchanged, 0 skipped (edited in the app)");
    expect(await db.scenarioVersion.count()).toBe(versions);
    expect(await db.auditLog.count({ where: { action: { startsWith: "scenario." } } })).toBe(audits);
  });
});
