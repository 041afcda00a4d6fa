import { beforeAll, describe, expect, it } from "vitest";
import { recordCourseCompleted } from "~/modules/training/completion.server";
import { sendCertificateRenewals } from "~/modules/training/certificates/certificates.server";
import { afterAttemptGraded, remediationPending } from "~/modules/training/exams/outcome.server";
import { loader as printLoader } from "~/routes/certificates.$certificateId";
import { loader as myCertificatesLoader } from "~/routes/learn.certificates";
import { loader as staffLoader } from "~/routes/training.certificates._index";
import { loader as csvLoader } from "~/routes/training.certificates[.csv]";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";
import {
  completeCourse,
  createPublishedCourse,
  createPublishedExam,
  gradedAttempt,
} from "../support/training-assign-fixtures";

const DAY = 86_400_000;
let holder: TestUser;
let holderCookie: string;
let otherAgentCookie: string;
let leadCookie: string;
let otherLeadCookie: string;
let trainerCookie: string;

beforeAll(async () => {
  const lead = await signInAs("team_lead");
  leadCookie = lead.cookie;
  const otherLead = await signInAs("team_lead");
  otherLeadCookie = otherLead.cookie;
  const aft = await db.team.create({ data: { code: "AFT", name: "售后服务组", leadId: lead.user.id } });
  await db.team.create({ data: { code: "CMP", name: "投诉处理组", leadId: otherLead.user.id } });
  ({ user: holder, cookie: holderCookie } = await signInAs("agent", {
    name: "夏丽娟",
    externalId: "A2003",
    teamId: aft.id,
  }));
  ({ cookie: otherAgentCookie } = await signInAs("agent", { teamId: aft.id }));
  ({ cookie: trainerCookie } = await signInAs("trainer"));
});

async function finalise(attemptId: string) {
  await db.$transaction((tx) => afterAttemptGraded(tx, attemptId));
}

describe("remediation", () => {
  it("a failed final attempt assigns the course again, starts a new round, and holds retakes until it is completed", async () => {
    const course = await createPublishedCourse("投诉处理原则与话术");
    const exam = await createPublishedExam({
      title: "投诉处理专员认证",
      remediationCourseId: course.id,
      remediateOnFail: true,
    });
    await completeCourse(holder.id, course, new Date(Date.now() - 30 * DAY));
    const failed = await gradedAttempt(holder.id, exam.id, false, new Date(Date.now() - DAY));
    await finalise(failed.id);
    await finalise(failed.id); // idempotent per attempt

    const assignments = await db.learningAssignment.findMany({
      where: { courseId: course.id, reason: "remediation" },
      select: { id: true, dueAt: true, note: true, recipients: { select: { userId: true, completedAt: true } } },
    });
    expect(assignments).toHaveLength(1);
    expect(assignments[0]!.recipients).toEqual([{ userId: holder.id, completedAt: null }]);
    expect(assignments[0]!.note).toContain("投诉处理专员认证");
    const dueInDays = (assignments[0]!.dueAt!.getTime() - (Date.now() - DAY)) / DAY;
    expect(dueInDays).toBeGreaterThan(6.5);
    expect(dueInDays).toBeLessThan(8.5);
    const rounds = await db.courseEnrollment.findMany({
      where: { userId: holder.id, courseId: course.id },
      orderBy: { round: "asc" },
      select: { round: true, status: true },
    });
    expect(rounds).toEqual([
      { round: 1, status: "completed" },
      { round: 2, status: "not_started" },
    ]);
    expect(await db.notification.count({ where: { userId: holder.id, kind: "training-remediation-assigned" } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { action: "exam.remediation.assign", entityId: failed.id } })).toBe(1);

    const pending = await db.$transaction((tx) => remediationPending(tx, exam.id, holder.id));
    expect(pending).toEqual({ courseId: course.id, courseTitle: course.title });

    // Completing the new round clears the hold and closes the remediation assignment.
    const now = new Date();
    await db.$transaction(async (tx) => {
      await tx.courseEnrollment.update({
        where: { userId_courseId_round: { userId: holder.id, courseId: course.id, round: 2 } },
        data: { status: "completed", startedAt: now, completedAt: now },
      });
      await recordCourseCompleted(tx, holder.id, course.id, now);
    });
    expect(await db.$transaction((tx) => remediationPending(tx, exam.id, holder.id))).toBeNull();
    const closed = await db.assignmentRecipient.findFirstOrThrow({ where: { assignmentId: assignments[0]!.id } });
    expect(closed.completedAt).not.toBeNull();
  });

  it("a learner who already holds the course open gets no second (empty) assignment, but the hold applies", async () => {
    const course = await createPublishedCourse("售后政策：运费规则");
    const exam = await createPublishedExam({
      title: "运费规则测验",
      remediationCourseId: course.id,
      remediateOnFail: true,
    });
    await db.learningAssignment.create({
      data: { kind: "course", courseId: course.id, target: "users", recipients: { create: [{ userId: holder.id }] } },
    });
    const failed = await gradedAttempt(holder.id, exam.id, false, new Date());
    await finalise(failed.id);
    expect(await db.learningAssignment.count({ where: { courseId: course.id, reason: "remediation" } })).toBe(0);
    expect(await db.learningAssignment.count({ where: { courseId: course.id } })).toBe(1);
    expect(await db.$transaction((tx) => remediationPending(tx, exam.id, holder.id))).toEqual({
      courseId: course.id,
      courseTitle: course.title,
    });
  });

  it("an exam without remediation never holds retakes", async () => {
    const exam = await createPublishedExam({ title: "普通测验" });
    const failed = await gradedAttempt(holder.id, exam.id, false, new Date());
    await finalise(failed.id);
    expect(await db.$transaction((tx) => remediationPending(tx, exam.id, holder.id))).toBeNull();
    expect(await db.auditLog.count({ where: { action: "exam.remediation.assign", entityId: failed.id } })).toBe(0);
  });
});

describe("certificates", () => {
  let certificationExamId: string;
  let firstCertificateId: string;

  it("a pass of a certification exam issues a certificate with a readable serial and an expiry, closes the assignment", async () => {
    const exam = await createPublishedExam({
      title: "新人入职结业考试",
      isCertification: true,
      certificateTitle: "优品客服上岗证",
      certificateValidityMonths: 12,
    });
    certificationExamId = exam.id;
    const assignment = await db.learningAssignment.create({
      data: { kind: "exam", examId: exam.id, target: "users", recipients: { create: [{ userId: holder.id }] } },
    });
    const gradedAt = new Date(Date.UTC(2026, 0, 31, 2, 0, 0));
    const attempt = await gradedAttempt(holder.id, exam.id, true, gradedAt, 88);
    await finalise(attempt.id);
    await finalise(attempt.id); // once per attempt

    const certificates = await db.certificate.findMany({ where: { userId: holder.id, examId: exam.id } });
    expect(certificates).toHaveLength(1);
    const certificate = certificates[0]!;
    firstCertificateId = certificate.id;
    expect(certificate.serial).toMatch(/^YP-2026-\d{6}$/);
    expect(certificate.title).toBe("优品客服上岗证");
    expect(certificate.issuedAt.toISOString()).toBe(gradedAt.toISOString());
    expect(certificate.expiresAt?.toISOString()).toBe("2027-01-31T02:00:00.000Z");
    expect(await db.auditLog.count({ where: { action: "certificate.issue", entityId: certificate.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: holder.id, kind: "training-certificate-issued" } })).toBe(1);
    const recipient = await db.assignmentRecipient.findFirstOrThrow({ where: { assignmentId: assignment.id } });
    expect(recipient.completedAt?.toISOString()).toBe(gradedAt.toISOString());
  });

  it("a later pass renews: a new certificate with the next serial; the list shows it as current, the old one in history", async () => {
    const attempt = await gradedAttempt(holder.id, certificationExamId, true, new Date(Date.UTC(2026, 5, 1)), 95);
    await finalise(attempt.id);
    const [older, newer] = await db.certificate.findMany({
      where: { userId: holder.id, examId: certificationExamId },
      orderBy: { issuedAt: "asc" },
    });
    const sequence = (serial: string) => Number(serial.split("-")[2]);
    expect(sequence(newer!.serial)).toBe(sequence(older!.serial) + 1);

    const mine = await callRoute(myCertificatesLoader, buildRequest("/learn/certificates", { cookie: holderCookie }));
    const rows = (mine.data as { certificates: { id: string; current: boolean }[] }).certificates;
    expect(rows.find((row) => row.id === newer!.id)?.current).toBe(true);
    expect(rows.find((row) => row.id === older!.id)?.current).toBe(false);

    const staff = await callRoute(staffLoader, buildRequest("/training/certificates", { cookie: trainerCookie }));
    const ids = (staff.data as { rows: { id: string }[] }).rows.map((row) => row.id);
    expect(ids).toContain(newer!.id);
    expect(ids).not.toContain(older!.id);
  });

  it("the renewal job reminds the holder and assigns the exam due on the expiry date, once", async () => {
    const exam = await createPublishedExam({
      title: "隐私合规认证",
      isCertification: true,
      certificateValidityMonths: 12,
    });
    const attempt = await gradedAttempt(holder.id, exam.id, true, new Date(Date.now() - 340 * DAY));
    await finalise(attempt.id);
    const certificate = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(certificate.expiresAt!.getTime() - Date.now()).toBeLessThan(30 * DAY);

    const first = await sendCertificateRenewals();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const renewal = await db.learningAssignment.findFirstOrThrow({
      where: { examId: exam.id, reason: "renewal" },
      select: { dueAt: true, recipients: { select: { userId: true, completedAt: true } } },
    });
    expect(renewal.dueAt?.toISOString()).toBe(certificate.expiresAt!.toISOString());
    expect(renewal.recipients).toEqual([{ userId: holder.id, completedAt: null }]); // the earlier pass does not count
    expect(await db.notification.count({ where: { userId: holder.id, kind: "training-certificate-expiring" } })).toBe(
      1,
    );
    const again = await sendCertificateRenewals();
    expect(again).toEqual({ reminded: 0, assigned: 0 });

    const staff = await callRoute(
      staffLoader,
      buildRequest("/training/certificates?status=expiring", { cookie: trainerCookie }),
    );
    expect((staff.data as { rows: { id: string }[] }).rows.map((row) => row.id)).toEqual([certificate.id]);
  });

  it("the printable page: holder 200, the team's lead 200, another agent 404, another team's lead 404", async () => {
    const path = `/certificates/${firstCertificateId}`;
    const params = { certificateId: firstCertificateId };
    const own = await callRoute(printLoader, buildRequest(path, { cookie: holderCookie }), params);
    expect(own.status).toBe(200);
    expect(own.data).toMatchObject({ certificate: { holder: "夏丽娟", externalId: "A2003", title: "优品客服上岗证" } });
    const lead = await callRoute(printLoader, buildRequest(path, { cookie: leadCookie }), params);
    expect(lead.status).toBe(200);
    const other = await callRoute(printLoader, buildRequest(path, { cookie: otherAgentCookie }), params);
    expect(other.status).toBe(404);
    const otherLead = await callRoute(printLoader, buildRequest(path, { cookie: otherLeadCookie }), params);
    expect(otherLead.status).toBe(404);
  });

  it("leads see only their teams' certificates; agents get 403; the CSV has a BOM and the same rows", async () => {
    const lead = await callRoute(staffLoader, buildRequest("/training/certificates", { cookie: leadCookie }));
    expect((lead.data as { total: number }).total).toBeGreaterThan(0);
    const otherLead = await callRoute(staffLoader, buildRequest("/training/certificates", { cookie: otherLeadCookie }));
    expect((otherLead.data as { total: number }).total).toBe(0);
    const agent = await callRoute(staffLoader, buildRequest("/training/certificates", { cookie: holderCookie }));
    expect(agent.status).toBe(403);

    const response = (await csvLoader({
      request: buildRequest("/training/certificates.csv", { cookie: trainerCookie }),
      params: {},
      context: {},
    })) as Response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("优品客服上岗证");
    expect(text.trim().split("\n")).toHaveLength(1 + 2);
  });
});
