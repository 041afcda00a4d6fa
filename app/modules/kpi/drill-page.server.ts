/** Parameters, scope and data of the drill-down pages (/kpi/drill for leads and managers, /performance/kpi/drill). */
import { forbidden, userCan, type SessionUser } from "~/modules/identity/session.server";
import { db } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { drillDown } from "./drill-down.server";
import type { KpiDisplayUnit } from "./format";
import { isKpiMetricKey, KPI_METRICS, type KpiMetricKey } from "./metrics";
import { parsePeriodKey, periodKey, type KpiPeriod } from "./periods";
import { isComputed, kpiScope, scopeAllowsTeam } from "./read.server";

export type DrillSubject = { kind: "agent" | "team"; id: string };

export function parseSubject(value: string | null): DrillSubject | null {
  const match = /^(agent|team):([A-Za-z0-9_-]{1,64})$/.exec(value ?? "");
  return match ? { kind: match[1] as "agent" | "team", id: match[2]! } : null;
}

/** Read the subject's name and check the viewer may see it: oneself always, others by read:kpi team/any scope. */
async function authorise(user: SessionUser, subject: DrillSubject) {
  if (subject.kind === "agent") {
    const person = await db.user.findUnique({
      where: { id: subject.id },
      select: { id: true, name: true, externalId: true, teamId: true },
    });
    if (person && person.id === user.id) return { name: person.name };
    const scope = kpiScope(user);
    if (!scope) throw forbidden("read:kpi:team");
    if (!person) notFound("person not found");
    if (!person.teamId || !scopeAllowsTeam(scope, person.teamId)) {
      if (scope.teamIds !== null) throw forbidden("read:kpi:team");
    }
    return { name: `${person.name}（${person.externalId}）` };
  }
  const scope = kpiScope(user);
  if (!scope) throw forbidden("read:kpi:team");
  if (!scopeAllowsTeam(scope, subject.id)) throw forbidden("read:kpi:team");
  const team = await db.team.findUnique({ where: { id: subject.id }, select: { name: true } });
  if (!team) notFound("team not found");
  return { name: team.name };
}

async function definitionFor(metric: KpiMetricKey) {
  const definition = await db.kpiDefinition.findFirst({
    where: { metric },
    orderBy: [{ active: "desc" }, { position: "asc" }],
    select: { nameZh: true, nameEn: true, unit: true },
  });
  const catalogue = KPI_METRICS[metric];
  return {
    nameZh: definition?.nameZh ?? catalogue.nameZh,
    nameEn: definition?.nameEn ?? catalogue.nameEn,
    unit: (definition?.unit ?? catalogue.unit) as KpiDisplayUnit,
  };
}

export async function loadDrill(
  user: SessionUser,
  input: { metric: string | null; subject: DrillSubject | null; period: string | null; page: number },
) {
  if (!input.metric || !isKpiMetricKey(input.metric)) badRequest("unknown metric");
  if (!input.subject) badRequest("subject must be agent:<id> or team:<id>");
  const period: KpiPeriod | null = parsePeriodKey(input.period ?? "");
  if (!period) badRequest("invalid period");
  const subject = await authorise(user, input.subject);
  const metric = input.metric;
  const [definition, computed, snapshot] = await Promise.all([
    definitionFor(metric),
    isComputed(period),
    db.kpiSnapshot.findUnique({
      where: {
        periodKind_periodStart_subjectKind_subjectId_metric: {
          periodKind: period.kind,
          periodStart: new Date(`${period.start}T00:00:00Z`),
          subjectKind: input.subject.kind,
          subjectId: input.subject.id,
          metric,
        },
      },
      select: { value: true, sampleSize: true },
    }),
  ]);
  const result = await drillDown({
    metric,
    subjectKind: input.subject.kind,
    subjectId: input.subject.id,
    period,
    page: input.page,
  });
  return {
    metric,
    definition,
    subject: { ...input.subject, name: subject.name },
    period: periodKey(period),
    computed,
    value: computed ? (snapshot?.value ?? null) : null,
    source: result.source,
    total: result.total,
    rows: result.rows,
    // Agents do not hold read:conversation: they see ids, times and channels without a link to the QA pages.
    canOpenConversations: userCan(user, "read:conversation:team"),
  };
}
