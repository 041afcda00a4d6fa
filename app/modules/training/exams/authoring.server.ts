/**
 * Exam authoring: list, create, settings, the item builder, publish/archive and copy. Items of an exam that has
 * attempts are locked (the engine replays papers from the items), settings stay editable. Every change is audited.
 */
import { randomUUID } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import {
  analyseExamItems,
  localDateTimeToInstant,
  settingsProblems,
  type Atom,
  type ExamItemDraft,
  type ExamSettingsInput,
  type FixedInfo,
  type Problem,
  type ScenarioInfo,
} from "./authoring";

export type Actor = { id: string; ipAddress: string | null };
type Client = Prisma.TransactionClient | typeof db;
type ExamStatus = "draft" | "published" | "archived";

const settingsSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  status: true,
  timeLimitMinutes: true,
  maxAttempts: true,
  passPercent: true,
  gradingMethod: true,
  availableFrom: true,
  availableUntil: true,
  shuffleQuestions: true,
  shuffleOptions: true,
  reviewMode: true,
  isCertification: true,
  certificateTitle: true,
  certificateValidityMonths: true,
  remediationCourseId: true,
  remediateOnFail: true,
  publishedAt: true,
  updatedAt: true,
} satisfies Prisma.ExamSelect;

export function settingsData(settings: ExamSettingsInput, timeZone: string) {
  return {
    title: settings.title,
    description: settings.description,
    timeLimitMinutes: settings.timeLimitMinutes,
    maxAttempts: settings.maxAttempts,
    passPercent: settings.passPercent,
    gradingMethod: settings.gradingMethod,
    availableFrom: settings.availableFrom ? localDateTimeToInstant(settings.availableFrom, timeZone) : null,
    availableUntil: settings.availableUntil ? localDateTimeToInstant(settings.availableUntil, timeZone) : null,
    shuffleQuestions: settings.shuffleQuestions,
    shuffleOptions: settings.shuffleOptions,
    reviewMode: settings.reviewMode,
    isCertification: settings.isCertification,
    certificateTitle: settings.isCertification ? settings.certificateTitle || null : null,
    certificateValidityMonths: settings.isCertification ? settings.certificateValidityMonths : null,
    remediationCourseId: settings.remediationCourseId || null,
    remediateOnFail: settings.remediateOnFail,
  };
}

function plain(value: unknown) {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export async function listExams(
  filter: { status?: ExamStatus },
  { page, pageSize }: { page: number; pageSize: number },
) {
  const where = filter.status ? { status: filter.status } : {};
  const [exams, total] = await Promise.all([
    db.exam.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        isCertification: true,
        timeLimitMinutes: true,
        passPercent: true,
        updatedAt: true,
        _count: { select: { items: true } },
      },
    }),
    db.exam.count({ where }),
  ]);
  const ids = exams.map((exam) => exam.id);
  const attempts = await db.examAttempt.groupBy({
    by: ["examId"],
    where: { examId: { in: ids }, status: "graded" },
    _count: true,
    _avg: { percent: true },
  });
  return {
    total,
    rows: exams.map((exam) => {
      const stats = attempts.find((row) => row.examId === exam.id);
      return {
        id: exam.id,
        slug: exam.slug,
        title: exam.title,
        status: exam.status,
        isCertification: exam.isCertification,
        timeLimitMinutes: exam.timeLimitMinutes,
        passPercent: Number(exam.passPercent),
        updatedAt: exam.updatedAt,
        items: exam._count.items,
        attempts: stats?._count ?? 0,
        meanPercent: stats?._avg.percent == null ? null : Number(stats._avg.percent),
      };
    }),
  };
}

export async function courseOptions() {
  return db.course.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true, slug: true } });
}

async function courseExists(client: Client, courseId: string) {
  return !!(await client.course.findUnique({ where: { id: courseId }, select: { id: true } }));
}

export async function createExam(slug: string, settings: ExamSettingsInput, timeZone: string, actor: Actor) {
  if (await db.exam.findUnique({ where: { slug }, select: { id: true } })) {
    return { ok: false as const, field: "slug", message: "training-exams:errors.slugTaken" };
  }
  if (settings.remediationCourseId && !(await courseExists(db, settings.remediationCourseId))) {
    return { ok: false as const, field: "remediationCourseId", message: "training-exams:errors.courseMissing" };
  }
  const data = settingsData(settings, timeZone);
  const exam = await db.$transaction(async (tx) => {
    const created = await tx.exam.create({
      data: { slug, ...data, createdById: actor.id, status: "draft" },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "exam.create",
        entityType: "Exam",
        entityId: created.id,
        after: plain({ slug, ...data }),
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return created;
  });
  return { ok: true as const, id: exam.id };
}

export async function updateExamSettings(examId: string, settings: ExamSettingsInput, timeZone: string, actor: Actor) {
  if (settings.remediationCourseId && !(await courseExists(db, settings.remediationCourseId))) {
    return { ok: false as const, field: "remediationCourseId", message: "training-exams:errors.courseMissing" };
  }
  const data = settingsData(settings, timeZone);
  return db.$transaction(async (tx) => {
    const before = await tx.exam.findUnique({ where: { id: examId }, select: settingsSelect });
    if (!before) return { ok: false as const, notFound: true as const };
    await tx.exam.update({ where: { id: examId }, data });
    await recordAudit(
      {
        actorId: actor.id,
        action: "exam.update-settings",
        entityType: "Exam",
        entityId: examId,
        before: plain(before),
        after: plain(data),
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true as const };
  });
}

// ---------- items and analysis ----------

type StoredItem = {
  id: string;
  position: number;
  kind: "question" | "draw" | "scenario";
  questionId: string | null;
  scenarioId: string | null;
  passPercent: Prisma.Decimal | null;
  bankId: string | null;
  category: string | null;
  difficulty: "easy" | "medium" | "hard" | null;
  count: number | null;
  points: Prisma.Decimal | null;
};

export function toDrafts(items: StoredItem[]): ExamItemDraft[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item): ExamItemDraft =>
      item.kind === "scenario"
        ? {
            kind: "scenario" as const,
            scenarioId: item.scenarioId!,
            points: Number(item.points ?? 0),
            passPercent: Number(item.passPercent ?? 0),
          }
        : item.kind === "question"
          ? {
              kind: "question" as const,
              questionId: item.questionId!,
              points: item.points ? Number(item.points) : null,
            }
          : {
              kind: "draw" as const,
              bankId: item.bankId!,
              category: item.category,
              difficulty: item.difficulty,
              count: item.count ?? 0,
              points: item.points ? Number(item.points) : null,
            },
    );
}

/** Atom counts (SQL groupBy) and fixed-question facts for the analysis of these items. */
export async function analysisInputs(client: Client, items: ExamItemDraft[]) {
  const questionIds = items.flatMap((item) => (item.kind === "question" ? [item.questionId] : []));
  const fixedRows = questionIds.length
    ? await client.question.findMany({
        where: { id: { in: questionIds } },
        select: { id: true, bankId: true, category: true, difficulty: true, active: true, points: true },
      })
    : [];
  const fixed: FixedInfo[] = fixedRows.map((row) => ({
    questionId: row.id,
    bankId: row.bankId,
    category: row.category,
    difficulty: row.difficulty,
    active: row.active,
    points: Number(row.points),
  }));
  const bankIds = [...new Set(items.flatMap((item) => (item.kind === "draw" ? [item.bankId] : [])))];
  const groups = bankIds.length
    ? await client.question.groupBy({
        by: ["bankId", "category", "difficulty"],
        where: { bankId: { in: bankIds }, active: true },
        _count: true,
        _min: { points: true },
        _max: { points: true },
      })
    : [];
  const atoms: Atom[] = groups.map((group) => ({
    bankId: group.bankId,
    category: group.category,
    difficulty: group.difficulty,
    size: group._count,
    minPoints: Number(group._min.points ?? 0),
    maxPoints: Number(group._max.points ?? 0),
  }));
  const scenarioIds = [...new Set(items.flatMap((item) => (item.kind === "scenario" ? [item.scenarioId] : [])))];
  const scenarioRows = scenarioIds.length
    ? await client.scenario.findMany({
        where: { id: { in: scenarioIds } },
        select: { id: true, title: true, status: true, publishedVersionId: true, archivedAt: true },
      })
    : [];
  const scenarios: ScenarioInfo[] = scenarioRows.map((row) => ({
    scenarioId: row.id,
    title: row.title,
    published: row.status === "published" && row.publishedVersionId !== null && row.archivedAt === null,
  }));
  return { atoms, fixed, scenarios };
}

export async function analyseItems(client: Client, items: ExamItemDraft[]) {
  const { atoms, fixed, scenarios } = await analysisInputs(client, items);
  return analyseExamItems(items, atoms, fixed, scenarios);
}

const itemSelect = {
  id: true,
  position: true,
  kind: true,
  questionId: true,
  bankId: true,
  category: true,
  difficulty: true,
  count: true,
  points: true,
  scenarioId: true,
  passPercent: true,
} satisfies Prisma.ExamItemSelect;

/** The exam with its settings, items (with labels), the analysis and the attempts summary. */
export async function getExamDetail(examId: string) {
  const exam = await db.exam.findUnique({
    where: { id: examId },
    select: {
      ...settingsSelect,
      remediationCourse: { select: { id: true, title: true } },
      items: { select: itemSelect, orderBy: { position: "asc" } },
    },
  });
  if (!exam) return null;
  const drafts = toDrafts(exam.items);
  const [analysis, questions, banks, scenarios, attemptCount, graded, passed, pending] = await Promise.all([
    analyseItems(db, drafts),
    db.question.findMany({
      where: { id: { in: drafts.flatMap((item) => (item.kind === "question" ? [item.questionId] : [])) } },
      select: { id: true, key: true, stem: true, type: true, bank: { select: { id: true, title: true } } },
    }),
    db.questionBank.findMany({
      where: { id: { in: drafts.flatMap((item) => (item.kind === "draw" ? [item.bankId] : [])) } },
      select: { id: true, title: true },
    }),
    db.scenario.findMany({
      where: { id: { in: drafts.flatMap((item) => (item.kind === "scenario" ? [item.scenarioId] : [])) } },
      select: { id: true, slug: true, title: true, difficulty: true },
    }),
    db.examAttempt.count({ where: { examId } }),
    db.examAttempt.aggregate({ where: { examId, status: "graded" }, _count: true, _avg: { percent: true } }),
    db.examAttempt.count({ where: { examId, status: "graded", passed: true } }),
    db.examAttempt.count({ where: { examId, status: "pending_grading" } }),
  ]);
  const questionById = new Map(questions.map((question) => [question.id, question]));
  const bankById = new Map(banks.map((bank) => [bank.id, bank]));
  const scenarioById = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const items = drafts.map((item, index) => {
    const report = analysis.items[index]!;
    if (item.kind === "scenario") return { ...item, report, scenario: scenarioById.get(item.scenarioId) ?? null };
    if (item.kind === "question") {
      const question = questionById.get(item.questionId);
      return {
        ...item,
        report,
        label: question
          ? { key: question.key, stem: question.stem.slice(0, 120), type: question.type, bank: question.bank }
          : null,
      };
    }
    return { ...item, report, bank: bankById.get(item.bankId) ?? null };
  });
  const problems = [...settingsProblems(exam), ...analysis.problems];
  return {
    exam: { ...exam, passPercent: Number(exam.passPercent), items: undefined },
    items,
    analysis: { ...analysis, problems },
    attempts: {
      total: attemptCount,
      graded: graded._count,
      pending,
      passed,
      passRate: graded._count ? passed / graded._count : null,
      meanPercent: graded._avg.percent == null ? null : Number(graded._avg.percent),
    },
    locked: attemptCount > 0,
  };
}

export async function listExamAttempts(examId: string, { page, pageSize }: { page: number; pageSize: number }) {
  const where = { examId };
  const [rows, total] = await Promise.all([
    db.examAttempt.findMany({
      where,
      orderBy: [{ startedAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        number: true,
        status: true,
        startedAt: true,
        submittedAt: true,
        percent: true,
        passed: true,
        user: { select: { name: true, externalId: true } },
      },
    }),
    db.examAttempt.count({ where }),
  ]);
  return { rows: rows.map((row) => ({ ...row, percent: row.percent == null ? null : Number(row.percent) })), total };
}

/** ExamItem rows for a list of drafts (positions from 1). */
export function examItemRows(examId: string, items: ExamItemDraft[]): Prisma.ExamItemCreateManyInput[] {
  return items.map((item, index) => {
    const position = index + 1;
    switch (item.kind) {
      case "question":
        return { examId, position, kind: "question", questionId: item.questionId, points: item.points };
      case "scenario":
        return {
          examId,
          position,
          kind: "scenario",
          scenarioId: item.scenarioId,
          points: item.points,
          passPercent: item.passPercent,
        };
      case "draw":
        return {
          examId,
          position,
          kind: "draw",
          bankId: item.bankId,
          category: item.category || null,
          difficulty: item.difficulty,
          count: item.count,
          points: item.points,
        };
    }
  });
}

async function writeItems(tx: Prisma.TransactionClient, examId: string, items: ExamItemDraft[]) {
  await tx.examItem.deleteMany({ where: { examId } });
  if (items.length === 0) return;
  await tx.examItem.createMany({ data: examItemRows(examId, items) });
}

export type SaveItemsResult =
  | { ok: true }
  | { ok: false; status: 404 }
  | { ok: false; status: 409; reason: string }
  | { ok: false; status: 400; problems: Problem[] };

/**
 * Replaces the exam's items. Refused with 409 once an attempt exists (copy the exam instead). References to
 * questions/banks that do not exist are refused; a published exam must stay publishable.
 */
export async function saveExamItems(examId: string, items: ExamItemDraft[], actor: Actor): Promise<SaveItemsResult> {
  return db.$transaction(async (tx) => {
    const exam = await tx.exam.findUnique({
      where: { id: examId },
      select: { id: true, status: true, items: { select: itemSelect } },
    });
    if (!exam) return { ok: false, status: 404 };
    const attempts = await tx.examAttempt.count({ where: { examId } });
    if (attempts > 0) return { ok: false, status: 409, reason: "training-exams:errors.itemsLocked" };
    const bankIds = [...new Set(items.flatMap((item) => (item.kind === "draw" ? [item.bankId] : [])))];
    const knownBanks = await tx.questionBank.count({ where: { id: { in: bankIds } } });
    if (knownBanks !== bankIds.length) {
      return { ok: false, status: 400, problems: [{ message: "training-exams:problems.unknownBank" }] };
    }
    const analysis = await analyseItems(tx, items);
    const missing = analysis.problems.filter((problem) => problem.message === "training-exams:problems.missing");
    if (missing.length > 0) return { ok: false, status: 400, problems: missing };
    if (exam.status === "published" && analysis.problems.length > 0) {
      return { ok: false, status: 400, problems: analysis.problems };
    }
    await writeItems(tx, examId, items);
    await recordAudit(
      {
        actorId: actor.id,
        action: "exam.update-items",
        entityType: "Exam",
        entityId: examId,
        before: plain(toDrafts(exam.items)),
        after: plain(items),
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

export type StatusResult = { ok: true } | { ok: false; status: 404 } | { ok: false; status: 400; problems: Problem[] };

/** Publishes when settings and items are valid (every draw satisfiable), else returns the reasons. */
export async function publishExam(examId: string, actor: Actor): Promise<StatusResult> {
  return db.$transaction(async (tx) => {
    const exam = await tx.exam.findUnique({
      where: { id: examId },
      select: { ...settingsSelect, items: { select: itemSelect } },
    });
    if (!exam) return { ok: false, status: 404 };
    const analysis = await analyseItems(tx, toDrafts(exam.items));
    const problems = [...settingsProblems(exam), ...analysis.problems];
    if (problems.length > 0) return { ok: false, status: 400, problems };
    const publishedAt = exam.publishedAt ?? new Date();
    await tx.exam.update({ where: { id: examId }, data: { status: "published", publishedAt } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "exam.publish",
        entityType: "Exam",
        entityId: examId,
        before: { status: exam.status },
        after: { status: "published", questionCount: analysis.questionCount },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

export async function setExamStatus(examId: string, status: "archived" | "draft", actor: Actor): Promise<StatusResult> {
  return db.$transaction(async (tx) => {
    const exam = await tx.exam.findUnique({ where: { id: examId }, select: { status: true } });
    if (!exam) return { ok: false, status: 404 };
    if (exam.status === status) return { ok: true };
    await tx.exam.update({ where: { id: examId }, data: { status } });
    await recordAudit(
      {
        actorId: actor.id,
        action: status === "archived" ? "exam.archive" : "exam.unpublish",
        entityType: "Exam",
        entityId: examId,
        before: { status: exam.status },
        after: { status },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

/** A draft copy with the same settings and items ("copy as new exam" when items are locked by attempts). */
export async function copyExam(examId: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    const exam = await tx.exam.findUnique({
      where: { id: examId },
      select: { ...settingsSelect, items: { select: itemSelect } },
    });
    if (!exam) return null;
    const { id, slug, status, publishedAt, updatedAt, ...settings } = exam;
    void id;
    void status;
    void publishedAt;
    void updatedAt;
    const copySlug = `${slug.slice(0, 50)}-copy-${randomUUID().slice(0, 6)}`;
    const created = await tx.exam.create({
      data: { ...settings, items: undefined, slug: copySlug, status: "draft", createdById: actor.id },
      select: { id: true },
    });
    await writeItems(tx, created.id, toDrafts(exam.items));
    await recordAudit(
      {
        actorId: actor.id,
        action: "exam.copy",
        entityType: "Exam",
        entityId: created.id,
        before: { from: examId },
        after: { slug: copySlug },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return created.id;
  });
}

// ---------- builder data ----------

export async function builderBanks() {
  const [banks, categories] = await Promise.all([
    db.questionBank.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
    db.question.groupBy({ by: ["bankId", "category"], where: { active: true }, orderBy: { category: "asc" } }),
  ]);
  return banks.map((bank) => ({
    ...bank,
    categories: categories.filter((row) => row.bankId === bank.id).map((row) => row.category),
  }));
}

/** Published scenarios a role-play item can use. */
export async function builderScenarios() {
  return db.scenario.findMany({
    where: { status: "published", publishedVersionId: { not: null }, archivedAt: null },
    orderBy: { title: "asc" },
    select: { id: true, title: true, difficulty: true },
  });
}

/** Active questions to add as fixed items: by bank and text (stem or key), one page. */
export async function searchQuestions(bankId: string | null, text: string, take = 20) {
  const query = text.trim();
  const rows = await db.question.findMany({
    where: {
      active: true,
      ...(bankId ? { bankId } : {}),
      ...(query
        ? {
            OR: [
              { stem: { contains: query, mode: "insensitive" as const } },
              { key: { contains: query, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    orderBy: [{ bankId: "asc" }, { key: "asc" }],
    take,
    select: {
      id: true,
      key: true,
      stem: true,
      type: true,
      points: true,
      category: true,
      bank: { select: { title: true } },
    },
  });
  return rows.map((row) => ({ ...row, points: Number(row.points), stem: row.stem.slice(0, 120) }));
}
