/**
 * Question banks and questions: listing with aggregate counts, CRUD, retire/restore and file import. Every
 * change is audited in its transaction. A question's `key` never changes after creation (imports match by it).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { parseQuestionCsv, parseQuestionYaml, type FileRowError, type ParsedQuestionFile } from "./question-files";
import {
  contentOf,
  DIFFICULTIES,
  QUESTION_TYPES,
  questionFromRow,
  type QuestionInput,
  type QuestionType,
  type Difficulty,
} from "./question-schema";

export type Actor = { id: string; ipAddress: string | null };
type Tx = Prisma.TransactionClient;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

export const BankFieldsSchema = z.object({
  slug: z
    .string({ error: "validation:required" })
    .trim()
    .toLowerCase()
    .regex(SLUG_PATTERN, { message: "training-banks:errors.slug" }),
  title: z.string({ error: "validation:required" }).trim().min(1, "validation:required").max(100),
  description: z.string().trim().max(2000).optional().default(""),
});
export type BankFields = z.infer<typeof BankFieldsSchema>;

/** Stable hash of a question's content (key excluded): imports skip questions whose hash is unchanged. */
export function questionHash(question: QuestionInput): string {
  return createHash("sha256")
    .update(JSON.stringify(contentOf(question)))
    .digest("hex");
}

function questionData(question: QuestionInput) {
  return {
    type: question.type,
    stem: question.stem,
    options: question.options as Prisma.InputJsonValue,
    answer: (question.answer ?? null) as Prisma.InputJsonValue,
    modelAnswer: question.modelAnswer,
    explanation: question.explanation,
    points: question.points,
    multipleScoring: question.multipleScoring,
    category: question.category,
    difficulty: question.difficulty,
    competencies: question.competencies,
    contentHash: questionHash(question),
  };
}

export const questionRowSelect = {
  id: true,
  key: true,
  type: true,
  category: true,
  difficulty: true,
  competencies: true,
  points: true,
  stem: true,
  options: true,
  answer: true,
  multipleScoring: true,
  modelAnswer: true,
  explanation: true,
  active: true,
  contentHash: true,
} satisfies Prisma.QuestionSelect;

// ---------- banks ----------

export async function listBanks({ page, pageSize }: { page: number; pageSize: number }) {
  const [banks, total] = await Promise.all([
    db.questionBank.findMany({
      orderBy: [{ title: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, slug: true, title: true, description: true, source: true, updatedAt: true },
    }),
    db.questionBank.count(),
  ]);
  const ids = banks.map((bank) => bank.id);
  const [byType, byDifficulty, retired] = await Promise.all([
    db.question.groupBy({ by: ["bankId", "type"], where: { bankId: { in: ids }, active: true }, _count: true }),
    db.question.groupBy({ by: ["bankId", "difficulty"], where: { bankId: { in: ids }, active: true }, _count: true }),
    db.question.groupBy({ by: ["bankId"], where: { bankId: { in: ids }, active: false }, _count: true }),
  ]);
  const rows = banks.map((bank) => {
    const types = Object.fromEntries(QUESTION_TYPES.map((type) => [type, 0])) as Record<QuestionType, number>;
    const difficulties = Object.fromEntries(DIFFICULTIES.map((level) => [level, 0])) as Record<Difficulty, number>;
    for (const row of byType) if (row.bankId === bank.id) types[row.type] = row._count;
    for (const row of byDifficulty) if (row.bankId === bank.id) difficulties[row.difficulty] = row._count;
    const active = Object.values(types).reduce((sum, count) => sum + count, 0);
    return {
      ...bank,
      active,
      retired: retired.find((row) => row.bankId === bank.id)?._count ?? 0,
      types,
      difficulties,
    };
  });
  return { rows, total };
}

export async function getBank(bankId: string) {
  return db.questionBank.findUnique({
    where: { id: bankId },
    select: { id: true, slug: true, title: true, description: true, source: true, updatedAt: true },
  });
}

export async function bankCategories(bankId: string) {
  const rows = await db.question.groupBy({
    by: ["category"],
    where: { bankId },
    _count: true,
    orderBy: { category: "asc" },
  });
  return rows.map((row) => ({ category: row.category, count: row._count }));
}

export async function createBank(fields: BankFields, actor: Actor) {
  const taken = await db.questionBank.findUnique({ where: { slug: fields.slug }, select: { id: true } });
  if (taken) return { ok: false as const, field: "slug", message: "training-banks:errors.slugTaken" };
  const bank = await db.$transaction(async (tx) => {
    const created = await tx.questionBank.create({ data: { ...fields, source: "app" }, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "question-bank.create",
        entityType: "QuestionBank",
        entityId: created.id,
        after: fields,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return created;
  });
  return { ok: true as const, id: bank.id };
}

export async function updateBank(bankId: string, fields: Omit<BankFields, "slug">, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.questionBank.findUnique({
      where: { id: bankId },
      select: { title: true, description: true },
    });
    if (!before) return false;
    await tx.questionBank.update({ where: { id: bankId }, data: fields });
    await recordAudit(
      {
        actorId: actor.id,
        action: "question-bank.update",
        entityType: "QuestionBank",
        entityId: bankId,
        before,
        after: fields,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return true;
  });
}

// ---------- questions ----------

export type QuestionFilter = {
  type?: QuestionType;
  category?: string;
  difficulty?: Difficulty;
  active?: boolean;
  q?: string;
};

export function questionWhere(bankId: string, filter: QuestionFilter): Prisma.QuestionWhereInput {
  const text = filter.q?.trim();
  return {
    bankId,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.difficulty ? { difficulty: filter.difficulty } : {}),
    ...(filter.active === undefined ? {} : { active: filter.active }),
    ...(text
      ? {
          OR: [
            { stem: { contains: text, mode: "insensitive" as const } },
            { key: { contains: text, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

export async function listQuestions(
  bankId: string,
  filter: QuestionFilter,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const where = questionWhere(bankId, filter);
  const [rows, total] = await Promise.all([
    db.question.findMany({
      where,
      orderBy: [{ key: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        key: true,
        type: true,
        category: true,
        difficulty: true,
        points: true,
        stem: true,
        active: true,
        updatedAt: true,
      },
    }),
    db.question.count({ where }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, points: Number(row.points), stem: row.stem.slice(0, 140) })),
    total,
  };
}

export async function getQuestion(bankId: string, questionId: string) {
  const row = await db.question.findFirst({ where: { id: questionId, bankId }, select: questionRowSelect });
  if (!row) return null;
  return { id: row.id, active: row.active, question: questionFromRow(row) };
}

export async function createQuestion(bankId: string, question: QuestionInput, actor: Actor) {
  const taken = await db.question.findUnique({
    where: { bankId_key: { bankId, key: question.key } },
    select: { id: true },
  });
  if (taken) return { ok: false as const, field: "key", message: "training-banks:errors.keyTaken" };
  const id = await db.$transaction(async (tx) => {
    const created = await tx.question.create({
      data: { bankId, key: question.key, ...questionData(question) },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "question.create",
        entityType: "Question",
        entityId: created.id,
        after: question,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return created.id;
  });
  return { ok: true as const, id };
}

/** Saves an edit. The key stays what it was, whatever the form says. */
export async function updateQuestion(bankId: string, questionId: string, question: QuestionInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const existing = await tx.question.findFirst({ where: { id: questionId, bankId }, select: questionRowSelect });
    if (!existing) return { ok: false as const, notFound: true as const };
    const value = { ...question, key: existing.key };
    const data = questionData(value);
    if (data.contentHash === existing.contentHash) return { ok: true as const, changed: false };
    await tx.question.update({ where: { id: questionId }, data });
    await recordAudit(
      {
        actorId: actor.id,
        action: "question.update",
        entityType: "Question",
        entityId: questionId,
        before: questionFromRow(existing),
        after: value,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
}

export async function setQuestionActive(bankId: string, questionId: string, active: boolean, actor: Actor) {
  return db.$transaction(async (tx) => {
    const existing = await tx.question.findFirst({ where: { id: questionId, bankId }, select: { active: true } });
    if (!existing) return false;
    if (existing.active === active) return true;
    await tx.question.update({ where: { id: questionId }, data: { active } });
    await recordAudit(
      {
        actorId: actor.id,
        action: active ? "question.restore" : "question.retire",
        entityType: "Question",
        entityId: questionId,
        before: { active: existing.active },
        after: { active },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return true;
  });
}

// ---------- import / export ----------

export type ImportFormat = "csv" | "yaml";
export type ImportResult = { created: number; updated: number; unchanged: number; errors: FileRowError[] };

export function parseQuestionFile(text: string, format: ImportFormat): ParsedQuestionFile {
  return format === "csv" ? parseQuestionCsv(text) : parseQuestionYaml(text);
}

/**
 * Upserts the parsed questions into the bank by key in the given transaction: new keys are created, changed
 * content updated, identical content left alone (importing the same file twice changes nothing). Questions that
 * are not in the file are kept as they are; a retired question stays retired.
 */
export async function applyQuestions(
  tx: Tx,
  bankId: string,
  questions: QuestionInput[],
  actor: Actor | null,
): Promise<Omit<ImportResult, "errors">> {
  const existing = await tx.question.findMany({
    where: { bankId, key: { in: questions.map((question) => question.key) } },
    select: { id: true, key: true, contentHash: true },
  });
  const byKey = new Map(existing.map((row) => [row.key, row]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const question of questions) {
    const data = questionData(question);
    const current = byKey.get(question.key);
    if (!current) {
      await tx.question.create({ data: { bankId, key: question.key, ...data } });
      created += 1;
    } else if (current.contentHash !== data.contentHash) {
      await tx.question.update({ where: { id: current.id }, data });
      updated += 1;
    } else unchanged += 1;
  }
  if (actor && (created > 0 || updated > 0)) {
    await recordAudit(
      {
        actorId: actor.id,
        action: "question-bank.import",
        entityType: "QuestionBank",
        entityId: bankId,
        after: { created, updated, unchanged, keys: questions.map((question) => question.key) },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  }
  return { created, updated, unchanged };
}

/** Imports a CSV or YAML file into a bank; rows with errors are reported with their line and skipped. */
export async function importQuestions(
  bankId: string,
  text: string,
  format: ImportFormat,
  actor: Actor,
): Promise<ImportResult> {
  const parsed = parseQuestionFile(text, format);
  if (parsed.questions.length === 0) return { created: 0, updated: 0, unchanged: 0, errors: parsed.errors };
  const counts = await db.$transaction(
    (tx) =>
      applyQuestions(
        tx,
        bankId,
        parsed.questions.map((question) => question.value),
        actor,
      ),
    TRANSACTION_OPTIONS,
  );
  return { ...counts, errors: parsed.errors };
}

/** Every question of the bank (retired ones included, so an export restores the whole bank), by key. */
export async function exportQuestions(bankId: string): Promise<QuestionInput[]> {
  const rows = await db.question.findMany({ where: { bankId }, orderBy: { key: "asc" }, select: questionRowSelect });
  return rows.map(questionFromRow);
}
