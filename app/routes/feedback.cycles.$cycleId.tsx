import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CycleStatusBadge } from "~/components/feedback/badges";
import { CycleProgressTable, PendingRaters } from "~/components/feedback/cycle-progress";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { closeCycle, cycleProgress, loadCycle, openCycle } from "~/modules/feedback/cycles.server";
import { RATER_GROUPS, responseRate, WEIGHTED_GROUPS } from "~/modules/feedback/scoring";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:feedback-cycle:any");
  const cycle = await loadCycle(params.cycleId ?? "");
  const { page, pageSize } = readPagination(new URL(request.url));
  const progress = await cycleProgress(cycle.id, page, pageSize);
  return {
    cycle,
    progress,
    page,
    pageSize,
    pageTitle: await pageTitle(request, "feedback:cycles.detailTitle", { name: cycle.name }),
  };
}

const IntentSchema = z.object({ intent: z.enum(["open", "close"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:feedback-cycle:any");
  const parsed = IntentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ message: "unknown intent" }, { status: 400 });
  const id = params.cycleId ?? "";
  const actor = { id: user.id, ipAddress: clientIp(request) };
  if (parsed.data.intent === "open") {
    const result = await openCycle(id, actor);
    return redirectWithFlash(`/feedback/cycles/${id}`, {
      kind: "success",
      message: "feedback:flash.cycleOpened",
      params: { count: result.requests },
    });
  }
  const result = await closeCycle(id, actor);
  return redirectWithFlash(`/feedback/cycles/${id}`, {
    kind: "success",
    message: "feedback:flash.cycleClosed",
    params: { count: result.subjects },
  });
}

function ActionButton({
  intent,
  label,
  confirm,
  className,
}: {
  intent: string;
  label: string;
  confirm: string;
  className: string;
}) {
  const navigation = useNavigation();
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={className} disabled={navigation.state === "submitting"}>
        {label}
      </button>
    </Form>
  );
}

export default function FeedbackCyclePage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { cycle, progress, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  const totals = RATER_GROUPS.reduce(
    (sum, group) => ({
      total: sum.total + (progress.groups[group]?.total ?? 0),
      submitted: sum.submitted + (progress.groups[group]?.submitted ?? 0),
    }),
    { total: 0, submitted: 0 },
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={cycle.name}
        description={t("cycles.detailIntro", {
          template: cycle.template.name,
          from: format.date(cycle.periodStart, true),
          to: format.date(cycle.periodEnd, true),
          due: format.date(cycle.dueAt),
        })}
        actions={
          <>
            <CycleStatusBadge status={cycle.status} />
            {cycle.status !== "closed" ? (
              <Link to={`/feedback/cycles/${cycle.id}/peers`} className="btn-secondary">
                {t("peers.title")}
              </Link>
            ) : null}
            {cycle.status === "draft" ? (
              <ActionButton
                intent="open"
                label={t("cycles.open")}
                confirm={t("cycles.openConfirm")}
                className="btn-primary"
              />
            ) : null}
            {cycle.status === "open" ? (
              <ActionButton
                intent="close"
                label={t("cycles.close")}
                confirm={t("cycles.closeConfirm")}
                className="btn-primary"
              />
            ) : null}
            <Link to="/feedback/cycles" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label={t("cycles.subjectsCount")} value={progress.total} />
        <StatCard label={t("cycles.requests")} value={totals.total} />
        <StatCard
          label={t("cycles.responseRate")}
          value={format.number(responseRate(totals.submitted, totals.total), { style: "percent" })}
          hint={t("cycles.submittedOf", totals)}
        />
        <StatCard label={t("cycles.pendingPeople")} value={progress.pendingPeople} />
      </div>
      <section className="card p-5">
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("cycles.settings")}</h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("cycles.weights")}</dt>
            <dd>
              {WEIGHTED_GROUPS.map((group) => `${t(`groups.${group}`)} ${cycle.groupWeights[group]}%`).join(" · ")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("cycles.minGroupResponses")}</dt>
            <dd>{t("cycles.minResponsesValue", { count: Math.max(2, cycle.minGroupResponses) })}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("cycles.peerSelection")}</dt>
            <dd>
              {t(`cycles.peerSelectionMode.${cycle.peerSelection}`)} ·{" "}
              {t("cycles.peerRange", { min: cycle.minPeers, max: cycle.maxPeers })}
            </dd>
          </div>
        </dl>
        <div className="mt-4 flex flex-wrap gap-3 text-sm">
          {RATER_GROUPS.map((group) =>
            progress.groups[group] ? (
              <span key={group} className="rounded-md bg-slate-50 px-3 py-1 text-slate-700">
                {t(`groups.${group}`)} {progress.groups[group]!.submitted}/{progress.groups[group]!.total}
              </span>
            ) : null,
          )}
        </div>
      </section>
      <section className="card overflow-hidden" aria-label={t("cycles.perSubject")}>
        <h2 className="px-5 pt-4 text-base font-semibold text-slate-900">{t("cycles.perSubject")}</h2>
        <p className="px-5 pb-3 text-xs text-slate-500">{t("cycles.countsOnly")}</p>
        <CycleProgressTable subjects={progress.subjects} closed={cycle.status === "closed"} />
        <Pagination page={page} pageSize={pageSize} total={progress.total} />
      </section>
      {cycle.status === "open" ? (
        <PendingRaters raters={progress.pendingRaters} total={progress.pendingPeople} />
      ) : null}
    </div>
  );
}
