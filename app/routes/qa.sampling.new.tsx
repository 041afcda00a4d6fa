import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { PlanForm } from "~/components/qa/sampling/plan-form";
import { SampleSizeCalculator } from "~/components/qa/sampling/sample-size-calculator";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { createPlan, planFormOptions } from "~/modules/qa/sampling/plans.server";
import { PlanFormSchema } from "~/modules/qa/sampling/schemas";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:sampling-plan:any");
  return { options: await planFormOptions(), pageTitle: await pageTitle(request, "qa-sampling:newTitle") };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:sampling-plan:any");
  const submission = parseWithZod(await request.formData(), { schema: PlanFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createPlan(submission.value, { id: viewer.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  }
  return redirectWithFlash(`/qa/sampling/${result.planId}`, {
    kind: "success",
    message: "qa-sampling:created",
    params: { name: submission.value.name },
  });
}

const DEFAULTS = {
  strategy: "stratified_equal",
  total: "20",
  windowKind: "previous",
  windowUnit: "week",
  windowDays: "7",
  perInspectorCap: "50",
  dueInDays: "3",
  cron: "0 9 * * 1",
  active: "on",
};

export default function NewSamplingPlanPage() {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const { options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <PageHeader
        title={t("qa-sampling:newTitle")}
        description={t("qa-sampling:newDescription")}
        actions={
          <Link to="/qa/sampling" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <PlanForm
            id="new-plan"
            options={options}
            defaultValue={DEFAULTS}
            lastResult={lastResult}
            submitLabel={t("qa-sampling:createSubmit")}
          />
        </div>
        <div className="space-y-6">
          <SampleSizeCalculator />
        </div>
      </div>
    </div>
  );
}
