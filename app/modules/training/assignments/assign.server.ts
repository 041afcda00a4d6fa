/**
 * Assigning courses, paths and exams: who may target whom, expanding a target into recipient rows, counting
 * work already done, retraining rounds. Used by the assignment pages, new-hire auto-assignment, remediation and
 * certificate renewal, always inside the caller's transaction.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { accessLevel, type Permission, type RoleName } from "~/modules/identity/permissions";
import { notify } from "~/modules/notifications/notifications.server";
import { endOfLocalDay } from "~/modules/qa/reports/dates";
import { dayIn } from "~/utils/calendar";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { itemLink, type AssignmentKindName, type CreateAssignmentInput } from "./rules";

export type Tx = Prisma.TransactionClient;
export type ScopeUser = {
  id: string;
  teamId: string | null;
  permissions: ReadonlySet<Permission>;
  ledTeamIds: string[];
};
/** null teamIds = anyone in the company. */
export type AssignScope = { teamIds: string[] | null };
export type Actor = { id: string | null; ipAddress?: string | null };

/** Trainers/managers assign to anyone; a lead to members of the teams they lead (and their own team). */
export function assignScope(user: ScopeUser): AssignScope | null {
  const level = accessLevel(user.permissions, "assign", "learning");
  if (level === "any") return { teamIds: null };
  if (level === "team") return { teamIds: [...new Set([...user.ledTeamIds, ...(user.teamId ? [user.teamId] : [])])] };
  return null;
}

export function teamInScope(scope: AssignScope, teamId: string | null) {
  return scope.teamIds === null || (teamId !== null && scope.teamIds.includes(teamId));
}

export function scopeUserWhere(scope: AssignScope): Prisma.UserWhereInput {
  return scope.teamIds === null ? {} : { teamId: { in: scope.teamIds } };
}

export type AssignableItem = {
  kind: AssignmentKindName;
  id: string;
  title: string;
  /** Courses whose rounds a retrain restarts: the course itself, a path's courses, none for an exam. */
  courseIds: string[];
};

/** A published course, path or exam by id; null when missing or not published. */
export async function loadPublishedItem(client: Tx | typeof db, kind: AssignmentKindName, id: string) {
  if (kind === "course") {
    const course = await client.course.findFirst({
      where: { id, status: "published", publishedVersionId: { not: null } },
      select: { id: true, title: true },
    });
    return course ? ({ kind, id: course.id, title: course.title, courseIds: [course.id] } as AssignableItem) : null;
  }
  if (kind === "path") {
    const path = await client.learningPath.findFirst({
      where: { id, status: "published" },
      select: { id: true, title: true, items: { orderBy: { position: "asc" }, select: { courseId: true } } },
    });
    return path
      ? ({ kind, id: path.id, title: path.title, courseIds: path.items.map((item) => item.courseId) } as AssignableItem)
      : null;
  }
  const exam = await client.exam.findFirst({ where: { id, status: "published" }, select: { id: true, title: true } });
  return exam ? ({ kind, id: exam.id, title: exam.title, courseIds: [] } as AssignableItem) : null;
}

/** The items a picker offers: published ones of each kind. */
export async function assignableItems() {
  const [courses, paths, exams] = await Promise.all([
    db.course.findMany({
      where: { status: "published", publishedVersionId: { not: null } },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db.learningPath.findMany({
      where: { status: "published" },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db.exam.findMany({ where: { status: "published" }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  return { course: courses, path: paths, exam: exams };
}

function itemWhere(item: Pick<AssignableItem, "kind" | "id">): Prisma.LearningAssignmentWhereInput {
  if (item.kind === "course") return { kind: "course", courseId: item.id };
  if (item.kind === "path") return { kind: "path", pathId: item.id };
  return { kind: "exam", examId: item.id };
}

export function itemIds(item: Pick<AssignableItem, "kind" | "id">) {
  return {
    courseId: item.kind === "course" ? item.id : null,
    pathId: item.kind === "path" ? item.id : null,
    examId: item.kind === "exam" ? item.id : null,
  };
}

export type TargetInput = Pick<CreateAssignmentInput, "target" | "userIds" | "teamId" | "role">;

/**
 * Active people a target reaches, within the scope. `forbidden` when the target reaches outside it (a lead naming
 * another team, a person of another team, or a company-wide role).
 */
export async function resolveTarget(
  client: Tx | typeof db,
  target: TargetInput,
  scope: AssignScope,
): Promise<{ forbidden: true } | { forbidden: false; userIds: string[] }> {
  if (target.target === "users") {
    const users = await client.user.findMany({
      where: { id: { in: target.userIds } },
      select: { id: true, status: true, teamId: true },
    });
    if (users.some((user) => !teamInScope(scope, user.teamId))) return { forbidden: true };
    return { forbidden: false, userIds: users.filter((user) => user.status === "active").map((user) => user.id) };
  }
  if (target.target === "team") {
    if (!target.teamId || !teamInScope(scope, target.teamId)) return { forbidden: true };
    const users = await client.user.findMany({
      where: {
        teamId: target.teamId,
        status: "active",
        ...(target.role ? { roles: { some: { role: target.role as RoleName } } } : {}),
      },
      select: { id: true },
    });
    return { forbidden: false, userIds: users.map((user) => user.id) };
  }
  if (scope.teamIds !== null || !target.role) return { forbidden: true };
  const users = await client.user.findMany({
    where: { status: "active", roles: { some: { role: target.role as RoleName } } },
    select: { id: true },
  });
  return { forbidden: false, userIds: users.map((user) => user.id) };
}

export type RecipientPlan = {
  /** People who get a row (open, or completed when already done and not retraining). */
  toAdd: string[];
  /** Already holding an open row for the same item (any assignment): not duplicated. */
  skipped: string[];
  /** Of toAdd: already done, with when. */
  done: Map<string, Date>;
};

/** Who is new, who already holds an open row, who already did it. Read-only: the preview uses it too. */
export async function planRecipients(
  client: Tx | typeof db,
  item: AssignableItem,
  userIds: string[],
  options: { retrain: boolean; assignmentId?: string },
): Promise<RecipientPlan> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return { toAdd: [], skipped: [], done: new Map() };
  const [open, existing] = await Promise.all([
    client.assignmentRecipient.findMany({
      where: { userId: { in: unique }, completedAt: null, assignment: itemWhere(item) },
      distinct: ["userId"],
      select: { userId: true },
    }),
    options.assignmentId
      ? client.assignmentRecipient.findMany({
          where: { assignmentId: options.assignmentId, userId: { in: unique } },
          select: { userId: true },
        })
      : Promise.resolve([]),
  ]);
  const openIds = new Set(open.map((row) => row.userId));
  const existingIds = new Set(existing.map((row) => row.userId));
  const skipped = unique.filter((id) => openIds.has(id) && !existingIds.has(id));
  const toAdd = unique.filter((id) => !openIds.has(id) && !existingIds.has(id));
  const done = options.retrain ? new Map<string, Date>() : await completedAt(client, item, toAdd);
  return { toAdd, skipped, done };
}

/** When each person completed the item (latest completion), for those who did. */
async function completedAt(client: Tx | typeof db, item: AssignableItem, userIds: string[]) {
  const done = new Map<string, Date>();
  if (userIds.length === 0) return done;
  if (item.kind === "exam") {
    const rows = await client.examAttempt.groupBy({
      by: ["userId"],
      where: { examId: item.id, userId: { in: userIds }, status: "graded", passed: true },
      _max: { gradedAt: true },
    });
    for (const row of rows) done.set(row.userId, row._max.gradedAt ?? new Date());
    return done;
  }
  if (item.courseIds.length === 0) return done;
  const rows = await client.courseEnrollment.groupBy({
    by: ["userId", "courseId"],
    where: { courseId: { in: item.courseIds }, userId: { in: userIds }, status: "completed" },
    _max: { completedAt: true },
  });
  const byUser = new Map<string, { courses: number; last: number }>();
  for (const row of rows) {
    const entry = byUser.get(row.userId) ?? { courses: 0, last: 0 };
    entry.courses += 1;
    entry.last = Math.max(entry.last, row._max.completedAt?.getTime() ?? 0);
    byUser.set(row.userId, entry);
  }
  for (const [userId, entry] of byUser) {
    if (entry.courses === item.courseIds.length) done.set(userId, new Date(entry.last || Date.now()));
  }
  return done;
}

/**
 * Starts a new round (not started) of each course for each person whose latest round is completed, so they go
 * through it again. A person with no round, or with a round still open, keeps it. Returns the rounds created.
 */
export async function startNewRounds(client: Tx, userIds: string[], courseIds: string[]) {
  if (userIds.length === 0 || courseIds.length === 0) return 0;
  const [latest, courses] = await Promise.all([
    client.courseEnrollment.findMany({
      where: { userId: { in: userIds }, courseId: { in: courseIds } },
      orderBy: [{ round: "desc" }],
      distinct: ["userId", "courseId"],
      select: { userId: true, courseId: true, round: true, status: true },
    }),
    client.course.findMany({ where: { id: { in: courseIds } }, select: { id: true, publishedVersionId: true } }),
  ]);
  const versionOf = new Map(courses.map((course) => [course.id, course.publishedVersionId]));
  const data = latest
    .filter((row) => row.status === "completed" && versionOf.get(row.courseId))
    .map((row) => ({
      userId: row.userId,
      courseId: row.courseId,
      versionId: versionOf.get(row.courseId)!,
      round: row.round + 1,
      status: "not_started" as const,
    }));
  if (data.length === 0) return 0;
  return (await client.courseEnrollment.createMany({ data, skipDuplicates: true })).count;
}

export type AddRecipientsOptions = {
  retrain: boolean;
  /** Per-person due instants (new hires); otherwise the assignment's. */
  dueAtByUser?: Map<string, Date | null>;
  notifyKind?: string | null;
  now?: Date;
};

/** Expands an assignment to these people (idempotent by (assignment, person)). Returns the counts. */
export async function addRecipients(
  tx: Tx,
  assignment: { id: string; dueAt: Date | null },
  item: AssignableItem,
  userIds: string[],
  options: AddRecipientsOptions,
) {
  const plan = await planRecipients(tx, item, userIds, { retrain: options.retrain, assignmentId: assignment.id });
  if (plan.toAdd.length > 0) {
    await tx.assignmentRecipient.createMany({
      data: plan.toAdd.map((userId) => ({
        assignmentId: assignment.id,
        userId,
        dueAt: options.dueAtByUser?.has(userId) ? options.dueAtByUser.get(userId)! : assignment.dueAt,
        completedAt: plan.done.get(userId) ?? null,
        ...(options.now ? { createdAt: options.now } : {}),
      })),
      skipDuplicates: true,
    });
  }
  const retrained = options.retrain ? await startNewRounds(tx, plan.toAdd, item.courseIds) : 0;
  const open = plan.toAdd.filter((userId) => !plan.done.has(userId));
  const kind = options.notifyKind === undefined ? "training-assigned" : options.notifyKind;
  if (kind && open.length > 0) {
    const timeZone = env().APP_TIME_ZONE;
    await notify(
      open.map((userId) => {
        const dueAt = options.dueAtByUser?.has(userId) ? options.dueAtByUser.get(userId)! : assignment.dueAt;
        return {
          userId,
          kind,
          params: { item: item.title, due: dueAt ? dayIn(dueAt, timeZone) : "—" },
          link: itemLink(item.kind, itemIds(item)),
        };
      }),
      tx,
    );
  }
  return { added: plan.toAdd.length, skipped: plan.skipped.length, alreadyDone: plan.done.size, retrained };
}

/** A due day (YYYY-MM-DD, organisation time zone) means "by the end of that day". */
export function dueInstant(dueDate: string | undefined | null): Date | null {
  return dueDate ? endOfLocalDay(dueDate, env().APP_TIME_ZONE) : null;
}

export type CreateResult =
  | { ok: true; id: string; added: number; skipped: number; alreadyDone: number; retrained: number }
  | { ok: false; forbidden?: boolean; fieldErrors?: Record<string, string[]>; formErrors?: string[] };

export async function createAssignment(
  input: CreateAssignmentInput,
  scope: AssignScope,
  actor: Actor,
): Promise<CreateResult> {
  return db.$transaction(async (tx) => {
    const item = await loadPublishedItem(tx, input.kind, input.itemId);
    if (!item) return { ok: false, fieldErrors: { itemId: ["training-assign:errors.itemNotPublished"] } };
    const resolved = await resolveTarget(tx, input, scope);
    if (resolved.forbidden) return { ok: false, forbidden: true };
    if (resolved.userIds.length === 0) return { ok: false, formErrors: ["training-assign:errors.nobody"] };
    const assignment = await tx.learningAssignment.create({
      data: {
        kind: item.kind,
        ...itemIds(item),
        target: input.target,
        targetTeamId: input.target === "team" ? input.teamId! : null,
        targetRole: input.target === "users" ? null : ((input.role as RoleName | undefined) ?? null),
        reason: "manual",
        note: input.note ?? null,
        dueAt: dueInstant(input.dueDate),
        assignedById: actor.id,
      },
      select: { id: true, dueAt: true },
    });
    const counts = await addRecipients(tx, assignment, item, resolved.userIds, { retrain: input.retrain });
    await recordAudit(
      {
        actorId: actor.id,
        action: "training.assignment.create",
        entityType: "learning-assignment",
        entityId: assignment.id,
        after: {
          kind: item.kind,
          item: item.title,
          target: input.target,
          teamId: input.teamId ?? null,
          role: input.role ?? null,
          dueDate: input.dueDate ?? null,
          retrain: input.retrain,
          ...counts,
        },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, id: assignment.id, ...counts };
  });
}

/** How many people the form's current choices reach, how many are skipped and already done. */
export async function previewAssignment(input: CreateAssignmentInput, scope: AssignScope) {
  const item = await loadPublishedItem(db, input.kind, input.itemId);
  if (!item) return null;
  const resolved = await resolveTarget(db, input, scope);
  if (resolved.forbidden) return { forbidden: true as const };
  const plan = await planRecipients(db, item, resolved.userIds, { retrain: input.retrain });
  return {
    forbidden: false as const,
    reached: resolved.userIds.length,
    added: plan.toAdd.length,
    skipped: plan.skipped.length,
    alreadyDone: plan.done.size,
  };
}

/** Options of the target pickers: people (grouped by team), teams and roles, within the scope. */
export async function targetOptions(scope: AssignScope) {
  const [people, teams] = await Promise.all([
    db.user.findMany({
      where: { status: "active", ...scopeUserWhere(scope) },
      orderBy: [{ team: { name: "asc" } }, { externalId: "asc" }],
      select: {
        id: true,
        name: true,
        externalId: true,
        team: { select: { name: true } },
        roles: { select: { role: true } },
      },
    }),
    db.team.findMany({
      where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    people: people.map((person) => ({
      id: person.id,
      name: person.name,
      externalId: person.externalId,
      team: person.team?.name ?? null,
      roles: person.roles.map((entry) => entry.role as string),
    })),
    teams,
    canTargetRole: scope.teamIds === null,
  };
}
