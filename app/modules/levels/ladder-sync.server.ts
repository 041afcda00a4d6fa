/**
 * Syncs content/levels/ladder.yaml into SkillLevel + LevelCriterion. The file seeds the ladder: a level whose code
 * is not in the database yet is created with its criteria; a level that exists is left as it is, because after
 * the first sync the ladder belongs to the managers who edit it on /levels (a second seed must not undo them).
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { db } from "~/utils/db.server";
import { LadderFileSchema, toSpec, type LadderLevel } from "./criteria";

export type LadderSyncReport = { created: string[]; kept: string[]; errors: string[] };

export async function readLadderFile(file: string): Promise<{ levels: LadderLevel[] } | { errors: string[] }> {
  const raw: unknown = parseYaml(await readFile(file, "utf8"));
  const parsed = LadderFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  }
  return { levels: parsed.data.levels };
}

/** Certificate criteria must name a certification exam that exists. */
async function checkExamSlugs(levels: LadderLevel[]): Promise<string[]> {
  const slugs = new Set(
    levels.flatMap((level) => level.criteria.flatMap((c) => (c.kind === "certificate" ? [c.examSlug] : []))),
  );
  if (slugs.size === 0) return [];
  const exams = await db.exam.findMany({
    where: { slug: { in: [...slugs] }, isCertification: true },
    select: { slug: true },
  });
  const known = new Set(exams.map((exam) => exam.slug));
  return [...slugs]
    .filter((slug) => !known.has(slug))
    .map((slug) => `certificate exam "${slug}" is not a certification exam`);
}

export async function syncLadder(file: string): Promise<LadderSyncReport> {
  const read = await readLadderFile(file);
  if ("errors" in read) return { created: [], kept: [], errors: read.errors };
  const errors = await checkExamSlugs(read.levels);
  if (errors.length > 0) return { created: [], kept: [], errors };
  const existing = new Set((await db.skillLevel.findMany({ select: { code: true } })).map((level) => level.code));
  const report: LadderSyncReport = { created: [], kept: [], errors: [] };
  await db.$transaction(async (tx) => {
    for (const level of read.levels) {
      if (existing.has(level.code)) {
        report.kept.push(level.code);
        continue;
      }
      await tx.skillLevel.create({
        data: {
          code: level.code,
          track: level.track,
          rank: level.rank,
          name: level.name,
          nameEn: level.nameEn,
          payBand: level.payBand,
          duties: level.duties.trim(),
          demoteBelow: level.demoteBelow,
          criteria: { create: level.criteria.map((criterion, position) => ({ position, ...toSpec(criterion) })) },
        },
      });
      report.created.push(level.code);
    }
  });
  return report;
}

export function describeLadderSync(report: LadderSyncReport): string {
  return `levels: ${report.created.length} created, ${report.kept.length} kept as edited in the app`;
}
