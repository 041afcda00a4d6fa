/**
 * Syncs content/kpi/definitions.yaml into KpiDefinition (+ teams and targets). The file seeds the catalogue: a
 * definition whose key is not in the database is created; one that exists is left exactly as it is, because after
 * the first sync definitions belong to the managers who edit them on /kpi/definitions — a second seed must not undo
 * their names, targets or teams, nor bring back a definition they deactivated.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { db } from "~/utils/db.server";
import { displayUnitsFor, isDisplayUnit, targetToStored, type KpiDisplayUnit } from "./format";
import { isKpiMetricKey, KPI_METRICS } from "./metrics";

const DefinitionSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    metric: z.string().refine(isKpiMetricKey, "unknown metric"),
    nameZh: z.string().min(1).max(60),
    nameEn: z.string().min(1).max(80),
    unit: z.string().refine(isDisplayUnit, "unknown unit"),
    direction: z.enum(["higher", "lower"]),
    description: z.string().max(500).default(""),
    teams: z.array(z.string().min(1)).default([]),
    targets: z.record(z.string().regex(/^(all|team:[A-Z0-9_-]+|role:(agent|team_lead))$/), z.number()).default({}),
  })
  .superRefine((definition, context) => {
    if (isKpiMetricKey(definition.metric)) {
      const allowed = displayUnitsFor(KPI_METRICS[definition.metric].unit);
      if (!allowed.includes(definition.unit as KpiDisplayUnit)) {
        context.addIssue({ code: "custom", path: ["unit"], message: `must be one of ${allowed.join(", ")}` });
      }
    }
  });

export const KpiDefinitionsFileSchema = z.strictObject({ definitions: z.array(DefinitionSchema).min(1) });
export type KpiDefinitionsFile = z.infer<typeof KpiDefinitionsFileSchema>;

export type KpiDefinitionSyncReport = { created: string[]; kept: string[]; errors: string[] };

export async function readKpiDefinitionsFile(file: string): Promise<KpiDefinitionsFile | { errors: string[] }> {
  const parsed = KpiDefinitionsFileSchema.safeParse(parseYaml(await readFile(file, "utf8")));
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  }
  const keys = parsed.data.definitions.map((definition) => definition.key);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) return { errors: [`definitions: key "${duplicate}" appears twice`] };
  return parsed.data;
}

export async function syncKpiDefinitions(file: string): Promise<KpiDefinitionSyncReport> {
  const read = await readKpiDefinitionsFile(file);
  if ("errors" in read) return { created: [], kept: [], errors: read.errors };
  const teams = new Map((await db.team.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  const codes = read.definitions.flatMap((definition) => [
    ...definition.teams,
    ...Object.keys(definition.targets).flatMap((scope) => (scope.startsWith("team:") ? [scope.slice(5)] : [])),
  ]);
  const unknown = [...new Set(codes.filter((code) => !teams.has(code)))];
  if (unknown.length > 0) return { created: [], kept: [], errors: unknown.map((code) => `unknown team ${code}`) };

  const existing = new Set((await db.kpiDefinition.findMany({ select: { key: true } })).map((row) => row.key));
  const report: KpiDefinitionSyncReport = { created: [], kept: [], errors: [] };
  await db.$transaction(async (tx) => {
    for (const [position, definition] of read.definitions.entries()) {
      if (existing.has(definition.key)) {
        report.kept.push(definition.key);
        continue;
      }
      const unit = definition.unit as KpiDisplayUnit;
      await tx.kpiDefinition.create({
        data: {
          key: definition.key,
          metric: definition.metric,
          nameZh: definition.nameZh,
          nameEn: definition.nameEn,
          unit,
          direction: definition.direction,
          description: definition.description.trim(),
          position,
          teams: { create: definition.teams.map((code) => ({ teamId: teams.get(code)! })) },
          targets: {
            create: Object.entries(definition.targets).map(([scope, value]) => ({
              scope: scope.startsWith("team:") ? `team:${teams.get(scope.slice(5))!}` : scope,
              value: targetToStored(value, unit),
            })),
          },
        },
      });
      report.created.push(definition.key);
    }
  });
  return report;
}
