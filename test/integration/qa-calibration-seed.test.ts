import { beforeAll, describe, expect, it } from "vitest";
import { loadCalibrationSession } from "~/modules/qa/calibration/calibration.server";
import { getSessionUser } from "~/modules/identity/session.server";
import { db } from "~/utils/db.server";
import { seedQaCalibration } from "../../prisma/seed/qa-calibration";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { buildRequest, signInAs } from "../support/auth";
import { createTestConversation } from "../support/qa-fixtures";

let leadCookie: string;

beforeAll(async () => {
  await seedQaRubrics();
  ({ cookie: leadCookie } = await signInAs(["qa_lead", "qa_inspector"], { externalId: "Q001", name: "赵静怡" }));
  await signInAs("qa_inspector", { externalId: "Q002", name: "吴俊杰" });
  await signInAs("qa_inspector", { externalId: "Q003", name: "陈思彤" });
  for (let index = 0; index < 6; index++) {
    await createTestConversation({
      externalId: `SEED-CHAT-${index}`,
      startedAt: new Date(Date.now() - (10 - index) * 86_400_000),
    });
  }
});

describe("seedQaCalibration", () => {
  it("creates a released and an open session, once", async () => {
    const first = await seedQaCalibration();
    expect(first).toContain("11月第3周 在线客服校准");
    const second = await seedQaCalibration();
    expect(second).toContain("already present");
    expect(await db.calibrationSession.count()).toBe(2);

    const open = await db.calibrationSession.findFirstOrThrow({
      where: { title: "11月第4周 在线客服校准" },
      select: {
        status: true,
        deadline: true,
        participants: { select: { submittedAt: true, user: { select: { externalId: true } } } },
      },
    });
    expect(open.status).toBe("open");
    expect(open.deadline.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(open.participants.map((entry) => [entry.user.externalId, entry.submittedAt !== null]).sort()).toEqual([
      ["Q001", true],
      ["Q002", false],
      ["Q003", false],
    ]);
  });

  it("gives the released session believable figures", async () => {
    const session = await db.calibrationSession.findFirstOrThrow({
      where: { title: "11月第3周 在线客服校准" },
      select: { id: true },
    });
    const viewer = (await getSessionUser(buildRequest("/qa/calibration", { cookie: leadCookie })))!;
    const view = await loadCalibrationSession(session.id, viewer);
    const results = view!.results!;
    expect(results.scoreAlpha).toBeGreaterThan(0.6);
    expect(results.scoreAlpha).toBeLessThan(0.9);
    const [lenient, strict] = results.inspectors;
    expect(lenient!.leniency).toBeGreaterThan(0);
    expect(strict!.leniency).toBeLessThan(0);
    for (const inspector of results.inspectors) {
      expect(inspector.alignment).toBeGreaterThan(0.8);
      expect(inspector.alignment).toBeLessThan(1);
    }
  });
});
