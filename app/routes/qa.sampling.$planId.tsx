import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { PlanForm } from "~/components/qa/sampling/plan-form";
import { PlanRunsTable } from "~/components/qa/sampling/plan-runs-table";
import { PreviewPanel } from "~/components/qa/sampling/run-parts";
import { SampleSizeCalculator } from "~/components/qa/sampling/sample-size-calculator";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { getPlan, listPlanRuns, planFormOptions, updatePlan } from "~/modules/qa/sampling/plans.server";
import { buildRunInputs, previewRun, randomSeed, startRun } from "~/modules/qa/sampling/run.server";
import { formDefaultsFromPlan, PlanFormSchema } from "~/modules/qa/sampling/schemas";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

const RUNS_PAGE_SIZE = 10;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:sampling-plan:any");
  const plan = await getPlan(params.planId ?? "");
  if (!plan) notFound("sampling plan not found");
  const { page } = readPagination(new URL(request.url), RUNS_PAGE_SIZE);
  const [options, runs] = await Promise.all([
    planFormOptions(),
    listPlanRuns(plan.id, { page, pageSize: RUNS_PAGE_SIZE }),
  ]);
  return {
    plan: { id: plan.id, name: plan.name, active: plan.active },
    defaults: formDefaultsFromPlan(plan),
    options,
    runs: { ...runs, page, pageSize: RUNS_PAGE_SIZE },
    pageTitle: await pageTitle(request, "qa-sampling:editTitle", { name: plan.name }),
  };
}

const SeedSchema = z.object({ seed: z.string().trim().max(64).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:sampling-plan:any");
  const planId = params.planId ?? "";
  const plan = await getPlan(planId);
  if (!plan) notFound("sampling plan not found");
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: PlanFormSchema });
    if (submission.status !== "success")
      return data({ intent: "save" as const, reply: submission.reply() }, { status: 400 });
    const result = await updatePlan(planId, submission.value, { id: viewer.id, ipAddress: clientIp(request) });
    if (!result.ok) {
      const reply = submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors });
      return data({ intent: "save" as const, reply }, { status: 400 });
    }
    return redirectWithFlash(`/qa/sampling/${planId}`, {
      kind: "success",
      message: "qa-sampling:saved",
      params: { name: submission.value.name },
    });
  }

  if (intent === "preview") {
    const seed = SeedSchema.parse(Object.fromEntries(formData)).seed || randomSeed();
    const preview = await previewRun(seed, buildRunInputs(plan, new Date()));
    const { conversationIds: _ids, ...rest } = preview;
    return { intent: "preview" as const, preview: { seed, ...rest } };
  }

  if (intent === "run") {
    if (plan.inspectorIds.length === 0) {
      return data({ intent: "run" as const, error: "qa-sampling:errors.inspectorsRequired" }, { status: 409 });
    }
    const runId = await startRun({ planId, trigger: "manual", createdById: viewer.id });
    return redirectWithFlash(`/qa/sampling/runs/${runId}`, { kind: "success", message: "qa-sampling:runQueued" });
  }

  return data({ intent: "unknown" as const, error: "unknown intent" }, { status: 400 });
}

export default function EditSamplingPlanPage() {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const { plan, defaults, options, runs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-sampling:editTitle", { name: plan.name })}
        description={t("qa-sampling:editDescription")}
        actions={
          <>
            <Link to="/qa/sampling" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="run" />
              <button type="submit" className="btn-primary" disabled={busy}>
                {t("qa-sampling:runNow")}
              </button>
            </Form>
          </>
        }
      />
      {actionData && "error" in actionData ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {t(actionData.error)}
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <PlanForm
            id={`plan-${plan.id}`}
            options={options}
            defaultValue={defaults}
            lastResult={actionData && "reply" in actionData ? actionData.reply : null}
            submitLabel={t("common:actions.save")}
          />
        </div>
        <div className="space-y-6">
          <section className="card space-y-3 p-5" aria-labelledby="dry-run-heading">
            <h2 id="dry-run-heading" className="text-base font-semibold text-slate-900">
              {t("preview.dryRun")}
            </h2>
            <p className="text-xs text-slate-500">{t("preview.dryRunHint")}</p>
            <Form method="post" className="flex gap-2">
              <input type="hidden" name="intent" value="preview" />
              <input
                name="seed"
                className="input font-mono"
                placeholder={t("preview.seedPlaceholder")}
                aria-label={t("fields.seed")}
              />
              <button type="submit" className="btn-secondary shrink-0" disabled={busy}>
                {t("preview.submit")}
              </button>
            </Form>
          </section>
          <SampleSizeCalculator />
        </div>
      </div>
      {actionData && "preview" in actionData ? <PreviewPanel preview={actionData.preview} /> : null}
      <PlanRunsTable runs={runs} />
    </div>
  );
}
