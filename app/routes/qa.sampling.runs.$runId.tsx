import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatCard, PageHeader } from "~/components/page-header";
import { titleFromLoader } from "~/components/meta";
import { RunInputsView } from "~/components/qa/sampling/run-inputs";
import { PreviewPanel, RunStatusBadge } from "~/components/qa/sampling/run-parts";
import { RunReviewsTable } from "~/components/qa/sampling/run-reviews-table";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { getRunDetail } from "~/modules/qa/sampling/plans.server";
import { parseRunInputs, previewRun, startRun } from "~/modules/qa/sampling/run.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

async function filterNames(inputs: ReturnType<typeof parseRunInputs>) {
  const [teams, agents] = await Promise.all([
    inputs.filters.teams.length
      ? db.team.findMany({ where: { id: { in: inputs.filters.teams } }, select: { name: true } })
      : [],
    inputs.filters.agents.length
      ? db.user.findMany({ where: { id: { in: inputs.filters.agents } }, select: { name: true, externalId: true } })
      : [],
  ]);
  return {
    teams: teams.map((team) => team.name),
    agents: agents.map((agent) => `${agent.name}（${agent.externalId}）`),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:sampling-plan:any");
  const pagination = readPagination(new URL(request.url));
  const detail = await getRunDetail(params.runId ?? "", pagination);
  if (!detail) notFound("sampling run not found");
  const { run } = detail;
  const inputs = parseRunInputs(run.inputs);
  return {
    run: {
      id: run.id,
      seed: run.seed,
      trigger: run.trigger,
      status: run.status,
      error: run.error,
      candidateCount: run.candidateCount,
      sampledCount: run.sampledCount,
      assignedCount: run.assignedCount,
      unassignedCount: run.unassignedCount,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      createdByName: detail.createdByName,
      plan: { id: run.plan.id, name: run.plan.name, rubricName: run.plan.rubric.name },
    },
    inputs: { ...inputs, names: await filterNames(inputs) },
    reviews: detail.reviews.map((review) => ({
      id: review.id,
      status: review.status,
      score: review.score,
      dueAt: review.dueAt?.toISOString() ?? null,
      conversation: { ...review.conversation, startedAt: review.conversation.startedAt.toISOString() },
      agent: review.agent,
      inspector: review.inspector,
    })),
    reviewTotal: detail.reviewTotal,
    ...pagination,
    pageTitle: await pageTitle(request, "qa-sampling:runTitle", { name: run.plan.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:sampling-plan:any");
  const run = await db.samplingRun.findUnique({
    where: { id: params.runId ?? "" },
    select: { id: true, planId: true, seed: true, inputs: true, createdAt: true },
  });
  if (!run) notFound("sampling run not found");
  const inputs = parseRunInputs(run.inputs);
  const intent = (await request.formData()).get("intent");

  if (intent === "preview") {
    // As of the run's start: reviews created since (its own included) do not hide conversations it saw.
    const { conversationIds, ...preview } = await previewRun(run.seed, inputs, { asOf: run.createdAt });
    const [matched, reviewTotal] = await Promise.all([
      db.review.count({ where: { samplingRunId: run.id, conversationId: { in: conversationIds } } }),
      db.review.count({ where: { samplingRunId: run.id } }),
    ]);
    return { intent: "preview" as const, preview: { seed: run.seed, ...preview, matched, reviewTotal } };
  }

  if (intent === "rerun") {
    const runId = await startRun({
      planId: run.planId,
      trigger: "rerun",
      createdById: viewer.id,
      seed: run.seed,
      inputs,
    });
    return redirectWithFlash(`/qa/sampling/runs/${runId}`, { kind: "success", message: "qa-sampling:rerunQueued" });
  }

  return data({ intent: "unknown" as const, error: "unknown intent" }, { status: 400 });
}

export default function SamplingRunPage() {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const { run, inputs, reviews, reviewTotal, page, pageSize } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const format = useFormat();
  const busy = navigation.state !== "idle";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-sampling:runTitle", { name: run.plan.name })}
        description={t("qa-sampling:runDescription", {
          when: format.dateTime(run.createdAt),
          trigger: t(`triggers.${run.trigger}`, { defaultValue: run.trigger }),
          who: run.createdByName ?? t("runs.system"),
        })}
        actions={
          <>
            <Link to={`/qa/sampling/${run.plan.id}`} className="btn-ghost">
              {t("runs.backToPlan")}
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="preview" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t("runs.replay")}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="rerun" />
              <button type="submit" className="btn-primary" disabled={busy}>
                {t("runs.rerun")}
              </button>
            </Form>
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <RunStatusBadge status={run.status} />
        <span>
          {t("fields.seed")}: <code className="font-mono">{run.seed}</code>
        </span>
        <span>
          {t("fields.rubric")}: {run.plan.rubricName}
        </span>
        {run.finishedAt ? <span>{t("runs.finishedAt", { when: format.dateTime(run.finishedAt) })}</span> : null}
      </div>
      {run.status === "failed" && run.error ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {t("runs.failed", { error: run.error })}
        </p>
      ) : null}
      {run.status === "queued" || run.status === "running" ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-700">{t("runs.pending")}</p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label={t("counts.candidates")} value={format.number(run.candidateCount)} />
        <StatCard label={t("counts.sampled")} value={format.number(run.sampledCount)} />
        <StatCard label={t("counts.assigned")} value={format.number(run.assignedCount)} />
        <StatCard
          label={t("counts.unassigned")}
          value={format.number(run.unassignedCount)}
          hint={t("counts.unassignedHint")}
        />
      </div>
      <p className="text-xs text-slate-500">{t("runs.replayHint")}</p>
      {actionData && "preview" in actionData ? <PreviewPanel preview={actionData.preview} /> : null}
      <RunInputsView inputs={inputs} />
      <RunReviewsTable reviews={reviews} total={reviewTotal} page={page} pageSize={pageSize} />
    </div>
  );
}
