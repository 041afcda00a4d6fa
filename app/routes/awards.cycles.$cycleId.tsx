import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CycleStatusBadge, CycleStepper, usePeriodLabel } from "~/components/awards/badges";
import { CandidatesTable, type DecisionError } from "~/components/awards/candidates-table";
import { CycleActions } from "~/components/awards/cycle-actions";
import { CycleAuditTrail } from "~/components/awards/cycle-audit";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { candidateDecisionsOpen } from "~/modules/awards/cycle-state";
import {
  approveCycle,
  closeCycle,
  cycleAuditTrail,
  excludeCandidate,
  getCycle,
  listCandidates,
  nominate,
  publishCycle,
  requestCompute,
  restoreCandidate,
  startReview,
  type WorkflowResult,
} from "~/modules/awards/cycles.server";
import { subjectIdFromCode } from "~/modules/awards/nominations.server";
import { kpiChoices } from "~/modules/awards/programs.server";
import { getLocale } from "~/modules/i18n/i18n.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, conflict, notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "run:award-cycle:any");
  const cycle = await getCycle(params.cycleId ?? "");
  if (!cycle) notFound("cycle not found");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const eligibleOnly = url.searchParams.get("eligible") === "1";
  const [candidates, audit, kpis, locale] = await Promise.all([
    listCandidates(cycle.id, { eligibleOnly }, page, pageSize),
    cycleAuditTrail(cycle.id, 1, 50),
    kpiChoices(),
    getLocale(request),
  ]);
  return {
    cycle,
    candidates,
    audit,
    kpiNames: Object.fromEntries(kpis.map((kpi) => [kpi.key, locale === "en" ? kpi.nameEn : kpi.nameZh])),
    eligibleOnly,
    page,
    pageSize,
    pageTitle: await pageTitle(request, "awards:cycles.detailTitle", { name: cycle.program.name }),
  };
}

const DecisionSchema = z.object({
  intent: z.enum(["compute", "startReview", "approve", "publish", "close", "exclude", "restore", "nominate"]),
  candidateId: z.string().optional(),
  subjectId: z.string().optional(),
  subjectCode: z.string().optional(),
  reason: z.string().max(500).optional(),
  inviteStories: z.string().optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "run:award-cycle:any");
  const cycleId = params.cycleId ?? "";
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) badRequest("unknown intent");
  const form = parsed.data;
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const reason = form.reason ?? "";
  let result: WorkflowResult;
  switch (form.intent) {
    case "compute":
      result = await requestCompute(cycleId, actor);
      break;
    case "startReview":
      result = await startReview(cycleId, actor);
      break;
    case "approve":
      result = await approveCycle(cycleId, actor);
      break;
    case "publish":
      result = await publishCycle(cycleId, actor, { inviteStories: form.inviteStories === "on" });
      break;
    case "close":
      result = await closeCycle(cycleId, actor);
      break;
    case "exclude":
      result = await excludeCandidate(form.candidateId ?? "", reason, actor);
      break;
    case "restore":
      result = await restoreCandidate(form.candidateId ?? "", reason, actor);
      break;
    case "nominate": {
      const subjectId = form.subjectId || (await subjectIdFromCode(cycleId, form.subjectCode ?? ""));
      result = subjectId
        ? await nominate(cycleId, subjectId, reason, actor, { teamIds: null })
        : { ok: false, status: 400, fieldErrors: { subjectId: ["awards:nominations.errors.subject"] } };
      break;
    }
  }
  if (!result.ok) {
    if (result.status === 400) {
      const errors = Object.values(result.fieldErrors).flat();
      return data({ candidateId: form.candidateId ?? "new", intent: form.intent, errors }, { status: 400 });
    }
    if (result.status === 403) throw forbidden(result.reason);
    if (result.status === 404) notFound(result.reason);
    conflict(result.reason);
  }
  return redirectWithFlash(`/awards/cycles/${cycleId}`, {
    kind: "success",
    message: `awards:cycles.flash.${form.intent}`,
  });
}

export default function AwardCyclePage() {
  const { t } = useTranslation(["awards", "common"]);
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const { cycle, candidates, audit, kpiNames, eligibleOnly, page, pageSize } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as DecisionError | undefined;
  const decisionsOpen = candidateDecisionsOpen(cycle.status);
  const improvement = cycle.program.kind === "improvement";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("cycles.detailTitle", { name: cycle.program.name })}
        description={t(cycle.program.winnersPerTeam ? "cycles.detailDescriptionPerTeam" : "cycles.detailDescription", {
          period: periodLabel(cycle.periodKind, cycle.periodStart),
          count: cycle.program.winnerCount,
        })}
        actions={
          <>
            <CycleStatusBadge status={cycle.status} />
            <Link to="/awards/cycles" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <section className="card space-y-4 p-4">
        <CycleStepper status={cycle.status} />
        <p className="text-sm text-slate-600">{t(`cycles.next.${cycle.status}`)}</p>
        <CycleActions status={cycle.status} />
        {cycle.computedAt ? (
          <p className="text-xs text-slate-500">
            {t("cycles.computedAt", { at: format.dateTime(cycle.computedAt) })}
            {cycle.inputsHash ? <span className="ml-2 font-mono">{cycle.inputsHash.slice(0, 12)}</span> : null}
          </p>
        ) : null}
      </section>
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("cycles.stats.eligible")} value={cycle.counts.eligible} />
        <StatCard label={t("cycles.stats.ineligible")} value={cycle.counts.ineligible} />
        <StatCard label={t("cycles.stats.winners")} value={cycle.counts.winners} />
      </div>
      <section className="card overflow-hidden">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <h2 className="text-base font-semibold text-slate-900">{t("cycles.candidates")}</h2>
          <Form method="get" className="flex items-center gap-2 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="eligible"
                value="1"
                defaultChecked={eligibleOnly}
                onChange={(event) => event.currentTarget.form?.requestSubmit()}
                className="h-4 w-4"
              />
              {t("cycles.eligibleOnly")}
            </label>
            <noscript>
              <button type="submit" className="btn-ghost">
                {t("common:actions.filter")}
              </button>
            </noscript>
          </Form>
        </div>
        {candidates.rows.length === 0 ? (
          <EmptyState icon="flag" title={t(cycle.status === "open" ? "cycles.notComputed" : "cycles.noCandidates")} />
        ) : (
          <CandidatesTable
            rows={candidates.rows}
            kpiNames={kpiNames}
            decisionsOpen={decisionsOpen}
            improvement={improvement}
            error={actionData ?? null}
          />
        )}
      </section>
      <Pagination page={page} pageSize={pageSize} total={candidates.total} />
      {decisionsOpen ? <NominateForm subjectKind={cycle.program.subjectKind} error={actionData ?? null} /> : null}
      <section className="card overflow-hidden">
        <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("cycles.audit.title")}
        </h2>
        {audit.rows.length === 0 ? (
          <EmptyState title={t("cycles.audit.empty")} />
        ) : (
          <CycleAuditTrail rows={audit.rows} />
        )}
      </section>
    </div>
  );
}

function NominateForm({ subjectKind, error }: { subjectKind: string; error: DecisionError }) {
  const { t } = useTranslation(["awards", "common"]);
  const navigation = useNavigation();
  const errors = error && error.candidateId === "new" && error.intent === "nominate" ? error.errors : null;
  return (
    <Form method="post" className="card grid gap-3 p-4 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
      <h2 className="text-base font-semibold text-slate-900 sm:col-span-3">{t("cycles.nominateNew")}</h2>
      <input type="hidden" name="intent" value="nominate" />
      <div>
        <label htmlFor="nominate-code" className="label">
          {t(subjectKind === "team" ? "cycles.nominateTeam" : "cycles.nominateCode")}
        </label>
        <input id="nominate-code" name="subjectCode" className="input font-mono" />
      </div>
      <div>
        <label htmlFor="nominate-reason" className="label">
          {t("cycles.reasonLabel.nominate")}
        </label>
        <input id="nominate-reason" name="reason" maxLength={500} className="input" />
      </div>
      <button type="submit" className="btn-secondary" disabled={navigation.state !== "idle"}>
        {t("cycles.actions.nominate")}
      </button>
      {errors ? (
        <p className="text-xs text-rose-600 sm:col-span-3" role="alert">
          {errors.map((message) => t(message)).join("；")}
        </p>
      ) : null}
    </Form>
  );
}
