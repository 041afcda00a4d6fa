/**
 * Syncs content/awards/programs.yaml into AwardProgram + AwardProgramMetric. A programme whose key is not in the
 * database yet is created with its weights; one that exists is left alone, because after the first sync the
 * programmes belong to the managers who edit them on /awards/programs (a second seed must not undo them).
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { db } from "~/utils/db.server";
import { ProgramFileSchema, type ProgramFileEntry } from "./program-schemas";

export type ProgramSyncReport = { created: string[]; kept: string[]; errors: string[] };

export async function readProgramFile(file: string): Promise<{ programs: ProgramFileEntry[] } | { errors: string[] }> {
  const raw: unknown = parseYaml(await readFile(file, "utf8"));
  const parsed = ProgramFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  }
  return { programs: parsed.data.programs };
}

/** Every weighted or tie-breaking KPI must be a KPI definition. */
async function checkKpiKeys(programs: ProgramFileEntry[]): Promise<string[]> {
  const keys = new Set(programs.flatMap((program) => [...program.metrics.map((m) => m.kpi), ...program.tieBreakers]));
  const known = new Set(
    (await db.kpiDefinition.findMany({ where: { key: { in: [...keys] } }, select: { key: true } })).map((d) => d.key),
  );
  return [...keys].filter((key) => !known.has(key)).map((key) => `KPI "${key}" is not a KPI definition`);
}

export async function syncPrograms(file: string, actorId: string | null = null): Promise<ProgramSyncReport> {
  const read = await readProgramFile(file);
  if ("errors" in read) return { created: [], kept: [], errors: read.errors };
  const errors = await checkKpiKeys(read.programs);
  if (errors.length > 0) return { created: [], kept: [], errors };
  const existing = new Set((await db.awardProgram.findMany({ select: { key: true } })).map((program) => program.key));
  const report: ProgramSyncReport = { created: [], kept: [], errors: [] };
  await db.$transaction(async (tx) => {
    for (const program of read.programs) {
      if (existing.has(program.key)) {
        report.kept.push(program.key);
        continue;
      }
      const { metrics, cooldownPeriods, ...fields } = program;
      await tx.awardProgram.create({
        data: {
          ...fields,
          cooldownPeriods: cooldownPeriods ?? null,
          createdById: actorId,
          metrics: {
            create: metrics.map((metric, position) => ({ kpiKey: metric.kpi, weight: metric.weight, position })),
          },
        },
      });
      report.created.push(program.key);
    }
  });
  return report;
}

export function describeProgramSync(report: ProgramSyncReport): string {
  return `award programmes: ${report.created.length} created, ${report.kept.length} kept as edited in the app`;
}
