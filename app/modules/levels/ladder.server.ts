/**
 * The ladder as pages show it (levels, criteria, holders), the manager's edit of a level, and a person's level with
 * "what is needed for the next level" evaluated on the same facts and month as the monthly evaluation.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { renderMarkdown } from "~/modules/training/markdown.server";
import { currentMonth, shiftPeriod } from "~/modules/kpi/periods";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { evaluateLevel, nextLevel, type CriterionSpec } from "./criteria";
import { loadLadder } from "./evaluate.server";
import { gatherFacts } from "./facts.server";
import type { LevelEdit } from "./level-form";
import type { Actor } from "./proposals.server";

/** Names of the KPI definitions and certification exams criteria refer to, for labels and the edit form. */
export async function criterionVocabulary() {
  const [kpis, exams] = await Promise.all([
    db.kpiDefinition.findMany({
      orderBy: [{ position: "asc" }, { key: "asc" }],
      select: { key: true, nameZh: true, nameEn: true, unit: true, direction: true },
    }),
    db.exam.findMany({
      where: { isCertification: true },
      orderBy: { slug: "asc" },
      select: { slug: true, title: true, certificateTitle: true },
    }),
  ]);
  return { kpis, exams };
}

export async function ladderOverview() {
  const [levels, holders, vocabulary] = await Promise.all([
    db.skillLevel.findMany({
      orderBy: [{ track: "asc" }, { rank: "asc" }],
      include: { criteria: { orderBy: { position: "asc" } } },
    }),
    db.user.groupBy({ by: ["levelId"], where: { status: "active", levelId: { not: null } }, _count: { _all: true } }),
    criterionVocabulary(),
  ]);
  const count = new Map(holders.map((row) => [row.levelId, row._count._all]));
  return {
    vocabulary,
    levels: levels.map((level) => ({
      id: level.id,
      code: level.code,
      track: level.track,
      rank: level.rank,
      name: level.name,
      nameEn: level.nameEn,
      payBand: level.payBand,
      duties: level.duties,
      dutiesHtml: renderMarkdown(level.duties),
      demoteBelow: level.demoteBelow,
      holders: count.get(level.id) ?? 0,
      criteria: level.criteria.map(toCriterionView),
    })),
  };
}

function toCriterionView(criterion: {
  kind: CriterionSpec["kind"];
  threshold: unknown;
  months: number | null;
  kpiKey: string | null;
  examSlug: string | null;
}): CriterionSpec {
  return {
    kind: criterion.kind,
    threshold: criterion.threshold === null ? null : Number(criterion.threshold),
    months: criterion.months,
    kpiKey: criterion.kpiKey,
    examSlug: criterion.examSlug,
  };
}

export type EditResult =
  { ok: true } | { ok: false; status: 404 } | { ok: false; fieldErrors: Record<string, string[]> };

/** Criteria must name KPI definitions and certification exams that exist. */
async function checkReferences(edit: LevelEdit): Promise<Record<string, string[]>> {
  const { kpis, exams } = await criterionVocabulary();
  const kpiKeys = new Set(kpis.map((kpi) => kpi.key));
  const slugs = new Set(exams.map((exam) => exam.slug));
  const errors: Record<string, string[]> = {};
  edit.criteria.forEach((criterion, index) => {
    if (criterion.kind === "kpi" && !kpiKeys.has(criterion.kpiKey ?? "")) {
      errors[`criteria[${index}].kpiKey`] = ["levels:errors.kpiKey"];
    }
    if (criterion.kind === "certificate" && !slugs.has(criterion.examSlug ?? "")) {
      errors[`criteria[${index}].examSlug`] = ["levels:errors.examSlug"];
    }
  });
  return errors;
}

export async function updateLevel(levelId: string, edit: LevelEdit, actor: Actor): Promise<EditResult> {
  const before = await db.skillLevel.findUnique({
    where: { id: levelId },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  if (!before) return { ok: false, status: 404 };
  const fieldErrors = await checkReferences(edit);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  await db.$transaction(async (tx) => {
    await tx.levelCriterion.deleteMany({ where: { levelId } });
    await tx.skillLevel.update({
      where: { id: levelId },
      data: {
        name: edit.name,
        nameEn: edit.nameEn,
        payBand: edit.payBand,
        duties: edit.duties,
        demoteBelow: edit.demoteBelow,
        criteria: { create: edit.criteria.map((criterion, position) => ({ position, ...criterion })) },
      },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "level.update",
        entityType: "SkillLevel",
        entityId: levelId,
        before: {
          name: before.name,
          nameEn: before.nameEn,
          payBand: before.payBand,
          demoteBelow: before.demoteBelow,
          criteria: before.criteria.map(toCriterionView),
        },
        after: edit,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
  return { ok: true };
}

/** The month the evaluation last looked at: the last complete month. */
export function lastEvaluatedMonth(now = new Date()) {
  return shiftPeriod(currentMonth(now, env().APP_TIME_ZONE), -1);
}

/** A person's level, duties, pay band and progress toward the next level of their track. */
export async function levelStanding(userId: string, now = new Date()) {
  const person = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      externalId: true,
      hireDate: true,
      teamId: true,
      team: { select: { name: true } },
      level: {
        select: {
          id: true,
          code: true,
          name: true,
          nameEn: true,
          payBand: true,
          duties: true,
          track: true,
          rank: true,
        },
      },
    },
  });
  if (!person) return null;
  const ladder = await loadLadder();
  const month = lastEvaluatedMonth(now);
  const current = person.level ? (ladder.find((level) => level.id === person.level!.id) ?? null) : null;
  const next = current ? nextLevel(ladder, current) : null;
  let progress = null;
  if (next) {
    const facts = await gatherFacts([userId], month, next.criteria, env().APP_TIME_ZONE);
    const personFacts = facts.get(userId);
    if (personFacts) progress = evaluateLevel(next.criteria, personFacts);
  }
  return {
    person: { ...person, hireDate: person.hireDate?.toISOString().slice(0, 10) ?? null },
    level: person.level ? { ...person.level, dutiesHtml: renderMarkdown(person.level.duties) } : null,
    next: next ? { id: next.id, code: next.code, name: next.name } : null,
    progress,
    month: month.start,
  };
}

export async function levelOptions() {
  return db.skillLevel.findMany({
    orderBy: [{ track: "asc" }, { rank: "asc" }],
    select: { id: true, code: true, name: true },
  });
}
