import { recordAudit } from "~/modules/audit/audit.server";
import { db, Prisma } from "~/utils/db.server";
import type { DefinitionFormValue, NewDefinitionFormValue } from "./definition-schemas";
import { TARGET_ROLES } from "./definition-schemas";
import { displayUnitsFor, targetFromStored, targetToStored, type KpiDisplayUnit } from "./format";
import { isKpiMetricKey, KPI_METRICS } from "./metrics";
import { parseTargetScope } from "./targets";

export type Actor = { id: string; ipAddress: string };
export type FieldErrors = Record<string, string[]>;
export type DefinitionResult =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; status: 400 | 404 | 409; fieldErrors?: FieldErrors; formErrors?: string[] };

const definitionSelect = {
  id: true,
  key: true,
  metric: true,
  nameZh: true,
  nameEn: true,
  unit: true,
  direction: true,
  description: true,
  active: true,
  position: true,
  updatedAt: true,
  teams: { select: { teamId: true, team: { select: { name: true } } }, orderBy: { team: { code: "asc" } } },
  targets: { select: { scope: true, value: true }, orderBy: { scope: "asc" } },
} satisfies Prisma.KpiDefinitionSelect;

type DefinitionRow = Prisma.KpiDefinitionGetPayload<{ select: typeof definitionSelect }>;

function shape(row: DefinitionRow) {
  return {
    ...row,
    unit: row.unit as KpiDisplayUnit,
    teams: row.teams.map((entry) => ({ id: entry.teamId, name: entry.team.name })),
    targets: row.targets.map((target) => ({ scope: target.scope, value: Number(target.value) })),
  };
}

export type KpiDefinitionView = ReturnType<typeof shape>;

/** Every definition in display order (a catalogue of tens at most, so one page). */
export async function listDefinitions() {
  const rows = await db.kpiDefinition.findMany({
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: definitionSelect,
  });
  return rows.map(shape);
}

export async function getDefinition(id: string) {
  const row = await db.kpiDefinition.findUnique({ where: { id }, select: definitionSelect });
  return row ? shape(row) : null;
}

/** Teams and roles a target or an applies-to choice may name. */
export async function definitionFormOptions() {
  const teams = await db.team.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } });
  return { teams, roles: [...TARGET_ROLES] };
}

function auditShape(row: DefinitionRow) {
  const view = shape(row);
  return {
    key: view.key,
    metric: view.metric,
    nameZh: view.nameZh,
    nameEn: view.nameEn,
    unit: view.unit,
    direction: view.direction,
    description: view.description,
    active: view.active,
    position: view.position,
    teams: view.teams.map((team) => team.id),
    targets: view.targets,
  };
}

type Prepared = {
  fieldErrors: FieldErrors;
  teamIds: string[];
  targets: { scope: string; value: Prisma.Decimal }[];
};

/** Checks what the schema cannot (known teams, roles, the unit a metric allows) and converts targets. */
async function prepare(metric: string, value: DefinitionFormValue): Promise<Prepared> {
  const fieldErrors: FieldErrors = {};
  const teamIds = [...new Set(value.teamIds ?? [])];
  const targetRows = (value.targets ?? []).filter((target) => target.value !== undefined);
  const scopeTeamIds = targetRows.flatMap((target) => {
    const scope = parseTargetScope(target.scope);
    return scope?.kind === "team" ? [scope.teamId] : [];
  });
  const wanted = [...new Set([...teamIds, ...scopeTeamIds])];
  const known = new Set(
    wanted.length > 0
      ? (await db.team.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((team) => team.id)
      : [],
  );
  if (teamIds.some((id) => !known.has(id))) fieldErrors.teamIds = ["kpi:definitions.errors.unknownTeam"];
  if (isKpiMetricKey(metric) && !displayUnitsFor(KPI_METRICS[metric].unit).includes(value.unit)) {
    fieldErrors.unit = ["kpi:definitions.errors.unitForMetric"];
  }
  const seen = new Set<string>();
  const targets: Prepared["targets"] = [];
  (value.targets ?? []).forEach((target, index) => {
    if (target.value === undefined) return;
    const scope = parseTargetScope(target.scope);
    const validScope =
      scope !== null &&
      (scope.kind === "all" ||
        (scope.kind === "team" && known.has(scope.teamId)) ||
        (scope.kind === "role" && (TARGET_ROLES as readonly string[]).includes(scope.role)));
    if (!validScope || seen.has(target.scope)) {
      fieldErrors[`targets[${index}].value`] = ["kpi:definitions.errors.targetScope"];
      return;
    }
    seen.add(target.scope);
    targets.push({ scope: target.scope, value: new Prisma.Decimal(targetToStored(target.value, value.unit)) });
  });
  return { fieldErrors, teamIds, targets };
}

function editableData(value: DefinitionFormValue) {
  return {
    nameZh: value.nameZh,
    nameEn: value.nameEn,
    description: value.description ?? "",
    direction: value.direction,
    unit: value.unit,
    position: value.position,
    active: value.active ?? false,
  };
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createDefinition(value: NewDefinitionFormValue, actor: Actor): Promise<DefinitionResult> {
  const prepared = await prepare(value.metric, value);
  const existing = await db.kpiDefinition.findUnique({ where: { key: value.key }, select: { id: true } });
  if (existing) return { ok: false, status: 409, fieldErrors: { key: ["kpi:definitions.errors.keyTaken"] } };
  if (Object.keys(prepared.fieldErrors).length > 0)
    return { ok: false, status: 400, fieldErrors: prepared.fieldErrors };
  try {
    const id = await db.$transaction(async (tx) => {
      const created = await tx.kpiDefinition.create({
        data: {
          key: value.key,
          metric: value.metric,
          ...editableData(value),
          teams: { create: prepared.teamIds.map((teamId) => ({ teamId })) },
          targets: { create: prepared.targets },
        },
        select: definitionSelect,
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "kpi.definition.create",
          entityType: "kpi_definition",
          entityId: created.id,
          after: auditShape(created),
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      return created.id;
    });
    return { ok: true, id, changed: true };
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, status: 409, fieldErrors: { key: ["kpi:definitions.errors.keyTaken"] } };
    }
    throw error;
  }
}

export async function updateDefinition(
  id: string,
  value: DefinitionFormValue,
  actor: Actor,
): Promise<DefinitionResult> {
  const current = await db.kpiDefinition.findUnique({ where: { id }, select: definitionSelect });
  if (!current) return { ok: false, status: 404 };
  const prepared = await prepare(current.metric, value);
  if (Object.keys(prepared.fieldErrors).length > 0)
    return { ok: false, status: 400, fieldErrors: prepared.fieldErrors };
  return db.$transaction(async (tx) => {
    await tx.kpiDefinitionTeam.deleteMany({ where: { definitionId: id } });
    await tx.kpiTarget.deleteMany({ where: { definitionId: id } });
    const updated = await tx.kpiDefinition.update({
      where: { id },
      data: {
        ...editableData(value),
        teams: { create: prepared.teamIds.map((teamId) => ({ teamId })) },
        targets: { create: prepared.targets },
      },
      select: definitionSelect,
    });
    const before = auditShape(current);
    const after = auditShape(updated);
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    if (changed) {
      await recordAudit(
        {
          actorId: actor.id,
          action: "kpi.definition.update",
          entityType: "kpi_definition",
          entityId: id,
          before,
          after,
          ipAddress: actor.ipAddress,
        },
        tx,
      );
    }
    return { ok: true as const, id, changed };
  });
}

export async function setDefinitionActive(id: string, active: boolean, actor: Actor): Promise<DefinitionResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.kpiDefinition.findUnique({ where: { id }, select: { active: true, key: true } });
    if (!current) return { ok: false as const, status: 404 as const };
    if (current.active === active) return { ok: true as const, id, changed: false };
    await tx.kpiDefinition.update({ where: { id }, data: { active } });
    await recordAudit(
      {
        actorId: actor.id,
        action: active ? "kpi.definition.activate" : "kpi.definition.deactivate",
        entityType: "kpi_definition",
        entityId: id,
        before: { key: current.key, active: current.active },
        after: { key: current.key, active },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true as const, id, changed: true };
  });
}

/** Form defaults: the definition's values with targets in the unit shown, one row per possible scope. */
export function definitionFormDefaults(
  definition: Pick<KpiDefinitionView, "targets" | "unit">,
  options: { teams: { id: string }[]; roles: readonly string[] },
) {
  const stored = new Map(definition.targets.map((target) => [target.scope, target.value]));
  const scopes = ["all", ...options.teams.map((team) => `team:${team.id}`), ...options.roles.map((r) => `role:${r}`)];
  return scopes.map((scope) => {
    const value = stored.get(scope);
    return { scope, value: value === undefined ? "" : String(targetFromStored(value, definition.unit)) };
  });
}
