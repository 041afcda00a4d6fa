/**
 * Demo learning assignments (学习指派). Runs after courses, paths and exams are synced and before the progress and
 * attempts seeds. Idempotent: new-hire paths are unique per (path, person); each team assignment is looked up by
 * item + target + assigner and left alone when it exists.
 *
 * The story (dates relative to today):
 * - every recent hire in content/org/users.csv (hired in the last 90 days) holds 新人入职路径, due 30 days after
 *   their hire date, so the earliest of them are already overdue;
 * - 售后服务组 (AFT): its lead 刘志强 assigned 售后政策 before the Double 11 peak (due 5 days ago: some are overdue,
 *   A2003 夏丽娟 among the recipients), and trainer 孙丽娟 the 售后政策专项测验 due next week;
 * - 投诉处理组 (CMP): lead 林雅琪 assigned the 投诉专员进阶路径 six weeks ago, trainer 郑浩然 the 投诉处理专员认证;
 * - 售前咨询组 (PRE): lead 陈晓燕 assigned the 售前岗位进阶路径;
 * - every agent: trainer 孙丽娟 assigned the 新人入职结业考试 (the attempts seed issues certificates for passes).
 */
import { recordAudit } from "~/modules/audit/audit.server";
import {
  addRecipients,
  dueInstant,
  loadPublishedItem,
  resolveTarget,
  type AssignableItem,
} from "~/modules/training/assignments/assign.server";
import { assignNewHirePaths } from "~/modules/training/assignments/new-hires.server";
import { addCalendarDays, type AssignmentKindName } from "~/modules/training/assignments/rules";
import { dayIn } from "~/utils/calendar";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const DAY = 86_400_000;
const SEED_IP = "seed";

type Planned = {
  kind: AssignmentKindName;
  slug: string;
  team: string | null; // team code; null = every agent in the company
  assigner: string; // 工号
  createdDaysAgo: number;
  dueInDays: number; // negative = already past
  note: string;
};

const PLAN: Planned[] = [
  {
    kind: "course",
    slug: "after-sales-policies",
    team: "AFT",
    assigner: "L201",
    createdDaysAgo: 26,
    dueInDays: -5,
    note: "双十一大促前全员复习7天无理由、特殊商品和运费规则，请在截止日前学完并对照知识库自查近期会话。",
  },
  {
    kind: "course",
    slug: "complaint-principles",
    team: "AFT",
    assigner: "L201",
    createdDaysAgo: 6,
    dueInDays: 9,
    note: "近期售后升级投诉增多，请学习投诉分级、首问负责和补偿权限，遇到重大/紧急投诉按流程升级。",
  },
  {
    kind: "exam",
    slug: "after-sales-quiz",
    team: "AFT",
    assigner: "T001",
    createdDaysAgo: 9,
    dueInDays: 6,
    note: "售后政策专项测验，80 分合格，可多次作答，以最后一次成绩为准；未通过的同学系统会安排补训。",
  },
  {
    kind: "path",
    slug: "complaint-track",
    team: "CMP",
    assigner: "L301",
    createdDaysAgo: 42,
    dueInDays: 18,
    note: "投诉组专员进阶培训，重点是重大/紧急投诉的升级与闭环，学完后参加投诉处理专员认证。",
  },
  {
    kind: "exam",
    slug: "complaint-certification",
    team: "CMP",
    assigner: "T002",
    createdDaysAgo: 12,
    dueInDays: 16,
    note: "投诉处理专员资格认证（含简答题人工阅卷），通过后颁发投诉处理专员资格证，有效期一年。",
  },
  {
    kind: "path",
    slug: "presales-track",
    team: "PRE",
    assigner: "L101",
    createdDaysAgo: 30,
    dueInDays: 15,
    note: "售前组进阶：需求挖掘、异议处理与活动规则，配合本月转化率提升目标。",
  },
  {
    kind: "exam",
    slug: "onboarding-final",
    team: null,
    assigner: "T001",
    createdDaysAgo: 60,
    dueInDays: 20,
    note: "全体客服上岗资格考核（优品客服上岗证），已通过且证书在有效期内的同学记为完成。",
  },
];

async function itemBySlug(kind: AssignmentKindName, slug: string): Promise<AssignableItem | null> {
  const row =
    kind === "course"
      ? await db.course.findUnique({ where: { slug }, select: { id: true } })
      : kind === "path"
        ? await db.learningPath.findUnique({ where: { slug }, select: { id: true } })
        : await db.exam.findUnique({ where: { slug }, select: { id: true } });
  return row ? loadPublishedItem(db, kind, row.id) : null;
}

/** New-hire rows date from the person's hire day, as if the job had run that morning. */
async function backdateNewHireRows() {
  await db.$executeRaw`
    UPDATE "AssignmentRecipient" ar SET "createdAt" = u."hireDate"::timestamp + interval '1 hour'
    FROM "User" u, "LearningAssignment" a
    WHERE u."id" = ar."userId" AND a."id" = ar."assignmentId" AND a."reason" = 'new_hire'
      AND u."hireDate" IS NOT NULL AND ar."createdAt" > u."hireDate"::timestamp + interval '1 hour'`;
  await db.$executeRaw`
    UPDATE "LearningAssignment" a SET "createdAt" = first."at"
    FROM (SELECT ar."assignmentId", MIN(ar."createdAt") AS "at" FROM "AssignmentRecipient" ar GROUP BY ar."assignmentId") first
    WHERE first."assignmentId" = a."id" AND a."reason" = 'new_hire' AND a."createdAt" > first."at"`;
}

export async function seedAssignments(): Promise<string> {
  const newHires = await db.$transaction((tx) => assignNewHirePaths(tx), { timeout: 60_000, maxWait: 10_000 });
  await backdateNewHireRows();

  const timeZone = env().APP_TIME_ZONE;
  const today = dayIn(new Date(), timeZone);
  let created = 0;
  let recipients = 0;
  const missing: string[] = [];
  for (const planned of PLAN) {
    const item = await itemBySlug(planned.kind, planned.slug);
    const assigner = await db.user.findUnique({ where: { externalId: planned.assigner }, select: { id: true } });
    const team = planned.team
      ? await db.team.findUnique({ where: { code: planned.team }, select: { id: true } })
      : null;
    if (!item || !assigner || (planned.team && !team)) {
      missing.push(`${planned.kind}:${planned.slug}`);
      continue;
    }
    const target = team ? ("team" as const) : ("role" as const);
    const existing = await db.learningAssignment.findFirst({
      where: {
        kind: item.kind,
        ...(item.kind === "course"
          ? { courseId: item.id }
          : item.kind === "path"
            ? { pathId: item.id }
            : { examId: item.id }),
        reason: "manual",
        target,
        targetTeamId: team?.id ?? null,
        assignedById: assigner.id,
      },
      select: { id: true },
    });
    if (existing) continue;
    const createdAt = new Date(Date.now() - planned.createdDaysAgo * DAY);
    const counts = await db.$transaction(
      async (tx) => {
        const resolved = await resolveTarget(
          tx,
          { target, userIds: [], teamId: team?.id, role: "agent" },
          { teamIds: null },
        );
        if (resolved.forbidden) return null;
        const assignment = await tx.learningAssignment.create({
          data: {
            kind: item.kind,
            courseId: item.kind === "course" ? item.id : null,
            pathId: item.kind === "path" ? item.id : null,
            examId: item.kind === "exam" ? item.id : null,
            target,
            targetTeamId: team?.id ?? null,
            targetRole: "agent",
            reason: "manual",
            note: planned.note,
            dueAt: dueInstant(addCalendarDays(today, planned.dueInDays)),
            assignedById: assigner.id,
            createdAt,
          },
          select: { id: true, dueAt: true },
        });
        const result = await addRecipients(tx, assignment, item, resolved.userIds, { retrain: false, now: createdAt });
        await recordAudit(
          {
            actorId: assigner.id,
            action: "training.assignment.create",
            entityType: "learning-assignment",
            entityId: assignment.id,
            after: { kind: item.kind, item: item.title, target, team: planned.team, seed: true, ...result },
            ipAddress: SEED_IP,
          },
          tx,
        );
        return result;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (counts) {
      created += 1;
      recipients += counts.added;
    }
  }
  const skippedNote = missing.length > 0 ? `; not yet synced, skipped: ${missing.join(", ")}` : "";
  return `Training assignments: ${newHires} new-hire path rows, ${created} team/company assignments created with ${recipients} recipients${skippedNote}.`;
}
