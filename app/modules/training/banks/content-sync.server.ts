/**
 * Syncs content/question-banks/*.yaml and content/exams/*.yaml into the database (formats:
 * docs/question-bank-format.md). Idempotent: banks by slug, questions by (bank, key) and content hash, exams by
 * slug; running it twice changes nothing. File problems are collected with file and line and reported; a bank file
 * with errors still imports its valid questions, an exam with problems is left unchanged.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { db, type Prisma } from "~/utils/db.server";
import { ExamSettingsSchema, instantToLocalDateTime, type ExamItemDraft } from "~/modules/training/exams/authoring";
import { analyseItems, examItemRows, settingsData, toDrafts } from "~/modules/training/exams/authoring.server";
import { applyQuestions } from "./banks.server";
import { parseQuestionYaml } from "./question-files";

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

export type BankSyncReport = {
  banks: { created: string[]; updated: string[]; unchanged: string[] };
  questions: { created: number; updated: number; unchanged: number };
  errors: string[];
};

async function yamlFiles(dir: string) {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.filter((name) => /\.ya?ml$/.test(name)).sort();
}

export async function syncQuestionBanks(dir: string): Promise<BankSyncReport> {
  const report: BankSyncReport = {
    banks: { created: [], updated: [], unchanged: [] },
    questions: { created: 0, updated: 0, unchanged: 0 },
    errors: [],
  };
  for (const name of await yamlFiles(dir)) {
    const slug = name.replace(/\.ya?ml$/, "");
    const text = await readFile(path.join(dir, name), "utf8");
    const parsed = parseQuestionYaml(text);
    for (const error of parsed.errors) {
      report.errors.push(`${name}:${error.line}${error.key ? ` (${error.key})` : ""}: ${error.messages.join(", ")}`);
    }
    if (!parsed.title) {
      report.errors.push(`${name}: title is required`);
      continue;
    }
    const fields = { title: parsed.title, description: parsed.description ?? "" };
    await db.$transaction(async (tx) => {
      const existing = await tx.questionBank.findUnique({
        where: { slug },
        select: { id: true, title: true, description: true, source: true },
      });
      let bankId: string;
      let changed = false;
      if (!existing) {
        bankId = (await tx.questionBank.create({ data: { slug, ...fields, source: "file" }, select: { id: true } })).id;
        report.banks.created.push(slug);
      } else {
        bankId = existing.id;
        if (
          existing.title !== fields.title ||
          existing.description !== fields.description ||
          existing.source !== "file"
        ) {
          await tx.questionBank.update({ where: { id: bankId }, data: { ...fields, source: "file" } });
          changed = true;
        }
      }
      const counts = await applyQuestions(
        tx,
        bankId,
        parsed.questions.map((question) => question.value),
        null,
      );
      report.questions.created += counts.created;
      report.questions.updated += counts.updated;
      report.questions.unchanged += counts.unchanged;
      if (existing)
        (changed || counts.created || counts.updated ? report.banks.updated : report.banks.unchanged).push(slug);
    }, TRANSACTION_OPTIONS);
  }
  return report;
}

// ---------- exams ----------

const ItemFileSchema = z.union([
  z.object({
    scenario: z.string().min(1),
    points: z.number().positive(),
    passPercent: z.number().min(0).max(100),
  }),
  z.object({
    bank: z.string(),
    key: z.union([z.string(), z.number()]).transform(String),
    points: z.number().positive().optional(),
  }),
  z.object({
    bank: z.string(),
    category: z.string().optional(),
    difficulty: z.enum(["easy", "medium", "hard"]).optional(),
    count: z.number().int().min(1),
    points: z.number().positive().optional(),
  }),
]);

export const ExamFileSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  title: z.string().min(1),
  description: z.string().optional().default(""),
  status: z.enum(["draft", "published"]).optional().default("published"),
  timeLimitMinutes: z.number().int().positive().nullable().optional(),
  maxAttempts: z.number().int().positive().nullable().optional(),
  passPercent: z.number().gt(0).max(100),
  gradingMethod: z.enum(["highest", "latest"]).optional().default("highest"),
  availableFrom: z.string().optional(),
  availableUntil: z.string().optional(),
  shuffleQuestions: z.boolean().optional().default(true),
  shuffleOptions: z.boolean().optional().default(true),
  reviewMode: z.enum(["score_only", "with_answers", "with_explanations"]).optional().default("with_explanations"),
  certificate: z
    .object({ title: z.string().min(1), validityMonths: z.number().int().positive().optional() })
    .optional(),
  remediation: z.object({ course: z.string().min(1), onFail: z.boolean().optional().default(true) }).optional(),
  items: z.array(ItemFileSchema).min(1),
});
export type ExamFile = z.infer<typeof ExamFileSchema>;

export type ExamSyncReport = { created: string[]; updated: string[]; unchanged: string[]; errors: string[] };

function sameJson(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Resolves bank slugs, question keys and the course slug; returns the problems when something is unknown. */
async function resolveExamFile(file: ExamFile, name: string, timeZone: string) {
  const problems: string[] = [];
  const bankSlugs = [...new Set(file.items.flatMap((item) => ("bank" in item ? [item.bank] : [])))];
  const scenarioSlugs = [...new Set(file.items.flatMap((item) => ("scenario" in item ? [item.scenario] : [])))];
  const scenarios = await db.scenario.findMany({
    where: { slug: { in: scenarioSlugs } },
    select: { id: true, slug: true },
  });
  const scenarioBySlug = new Map(scenarios.map((scenario) => [scenario.slug, scenario.id]));
  for (const slug of scenarioSlugs) {
    if (!scenarioBySlug.has(slug)) problems.push(`${name}: unknown scenario "${slug}" (sync scenarios first)`);
  }
  const banks = await db.questionBank.findMany({
    where: { slug: { in: bankSlugs } },
    select: { id: true, slug: true },
  });
  const bankBySlug = new Map(banks.map((bank) => [bank.slug, bank.id]));
  for (const slug of bankSlugs) if (!bankBySlug.has(slug)) problems.push(`${name}: unknown question bank "${slug}"`);
  const items: ExamItemDraft[] = [];
  for (const item of file.items) {
    if ("scenario" in item) {
      const scenarioId = scenarioBySlug.get(item.scenario);
      if (scenarioId) {
        items.push({ kind: "scenario", scenarioId, points: item.points, passPercent: item.passPercent });
      }
      continue;
    }
    const bankId = bankBySlug.get(item.bank);
    if (!bankId) continue;
    if ("key" in item) {
      const question = await db.question.findUnique({
        where: { bankId_key: { bankId, key: item.key } },
        select: { id: true },
      });
      if (!question) problems.push(`${name}: unknown question "${item.bank}/${item.key}"`);
      else items.push({ kind: "question", questionId: question.id, points: item.points ?? null });
    } else {
      items.push({
        kind: "draw",
        bankId,
        category: item.category ?? null,
        difficulty: item.difficulty ?? null,
        count: item.count,
        points: item.points ?? null,
      });
    }
  }
  let remediationCourseId = "";
  if (file.remediation) {
    const course = await db.course.findUnique({ where: { slug: file.remediation.course }, select: { id: true } });
    if (!course) problems.push(`${name}: unknown remediation course "${file.remediation.course}" (sync courses first)`);
    else remediationCourseId = course.id;
  }
  const settings = ExamSettingsSchema.safeParse({
    title: file.title,
    description: file.description,
    timeLimitMinutes: file.timeLimitMinutes ? String(file.timeLimitMinutes) : "",
    maxAttempts: file.maxAttempts ? String(file.maxAttempts) : "",
    passPercent: String(file.passPercent),
    gradingMethod: file.gradingMethod,
    availableFrom: file.availableFrom ?? "",
    availableUntil: file.availableUntil ?? "",
    shuffleQuestions: file.shuffleQuestions ? "on" : "",
    shuffleOptions: file.shuffleOptions ? "on" : "",
    reviewMode: file.reviewMode,
    isCertification: file.certificate ? "on" : "",
    certificateTitle: file.certificate?.title ?? "",
    certificateValidityMonths: file.certificate?.validityMonths ? String(file.certificate.validityMonths) : "",
    remediationCourseId,
    remediateOnFail: file.remediation?.onFail ? "on" : "",
  });
  if (!settings.success) {
    problems.push(
      `${name}: ${settings.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`,
    );
    return { problems };
  }
  return { problems, items, settings: settingsData(settings.data, timeZone) };
}

export async function syncExams(dir: string, timeZone: string): Promise<ExamSyncReport> {
  const report: ExamSyncReport = { created: [], updated: [], unchanged: [], errors: [] };
  for (const name of await yamlFiles(dir)) {
    let file: ExamFile;
    try {
      const parsed = ExamFileSchema.safeParse(parseYaml(await readFile(path.join(dir, name), "utf8")));
      if (!parsed.success) {
        report.errors.push(
          `${name}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`,
        );
        continue;
      }
      file = parsed.data;
    } catch (error) {
      report.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const resolved = await resolveExamFile(file, name, timeZone);
    if (resolved.problems.length > 0 || !resolved.items || !resolved.settings) {
      report.errors.push(...resolved.problems);
      continue;
    }
    const { items, settings } = resolved;
    const analysis = await analyseItems(db, items);
    if (analysis.problems.length > 0) {
      report.errors.push(
        ...analysis.problems.map((problem) => `${name}: ${problem.message} ${JSON.stringify(problem.params ?? {})}`),
      );
      continue;
    }
    await db.$transaction(async (tx) => {
      const existing = await tx.exam.findUnique({
        where: { slug: file.slug },
        select: {
          id: true,
          status: true,
          ...Object.fromEntries(Object.keys(settings).map((key) => [key, true])),
          items: {
            select: {
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
            },
          },
          _count: { select: { attempts: true } },
        },
      });
      const status = file.status;
      if (!existing) {
        const created = await tx.exam.create({
          data: { slug: file.slug, ...settings, status, publishedAt: status === "published" ? new Date() : null },
          select: { id: true },
        });
        await createItems(tx, created.id, items);
        report.created.push(file.slug);
        return;
      }
      const current = existing as unknown as Record<string, unknown> & {
        id: string;
        status: string;
        items: Parameters<typeof toDrafts>[0];
        _count: { attempts: number };
      };
      const currentSettings = Object.fromEntries(
        Object.keys(settings).map((key) => {
          const value = current[key];
          if (value instanceof Date) return [key, instantToLocalDateTime(value, timeZone)];
          if (value !== null && typeof value === "object") return [key, Number(value)];
          return [key, value];
        }),
      );
      const wantedSettings = Object.fromEntries(
        Object.entries(settings).map(([key, value]) => [
          key,
          value instanceof Date ? instantToLocalDateTime(value, timeZone) : value,
        ]),
      );
      const settingsChanged = !sameJson(currentSettings, wantedSettings);
      const itemsChanged = !sameJson(toDrafts(current.items), items);
      const statusChanged = current.status !== status && current.status !== "archived";
      if (!settingsChanged && !itemsChanged && !statusChanged) {
        report.unchanged.push(file.slug);
        return;
      }
      if (itemsChanged && current._count.attempts > 0) {
        report.errors.push(
          `${name}: items differ but the exam has attempts; items kept (copy the exam to change them)`,
        );
      } else if (itemsChanged) {
        await tx.examItem.deleteMany({ where: { examId: current.id } });
        await createItems(tx, current.id, items);
      }
      await tx.exam.update({
        where: { id: current.id },
        data: {
          ...settings,
          ...(statusChanged ? { status, publishedAt: status === "published" ? new Date() : null } : {}),
        },
      });
      report.updated.push(file.slug);
    }, TRANSACTION_OPTIONS);
  }
  return report;
}

async function createItems(tx: Prisma.TransactionClient, examId: string, items: ExamItemDraft[]) {
  await tx.examItem.createMany({ data: examItemRows(examId, items) });
}

export function describeBankSync(report: BankSyncReport) {
  return `question banks: ${report.banks.created.length} created, ${report.banks.updated.length} updated, ${report.banks.unchanged.length} unchanged; questions: ${report.questions.created} created, ${report.questions.updated} updated, ${report.questions.unchanged} unchanged`;
}

export function describeExamSync(report: ExamSyncReport) {
  return `exams: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged`;
}
