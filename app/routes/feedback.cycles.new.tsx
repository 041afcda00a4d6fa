import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleForm } from "~/components/feedback/cycle-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { CycleFormSchema } from "~/modules/feedback/cycles";
import { createCycle, cycleFormOptions } from "~/modules/feedback/cycles.server";
import { DEFAULT_GROUP_WEIGHTS, DEFAULT_MIN_GROUP_RESPONSES } from "~/modules/feedback/scoring";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { addDays } from "~/modules/qa/reports/dates";
import { dayIn } from "~/utils/calendar";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:feedback-cycle:any");
  const options = await cycleFormOptions();
  const today = dayIn(new Date(), env().APP_TIME_ZONE);
  return {
    ...options,
    defaults: {
      name: "",
      periodStart: addDays(today, -90),
      periodEnd: today,
      dueDate: addDays(today, 14),
      templateId: options.templates[0]?.id ?? "",
      weights: DEFAULT_GROUP_WEIGHTS,
      minGroupResponses: DEFAULT_MIN_GROUP_RESPONSES,
      minPeers: 3,
      maxPeers: 5,
    },
    pageTitle: await pageTitle(request, "feedback:cycles.new"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:feedback-cycle:any");
  const submission = parseWithZod(await request.formData(), { schema: CycleFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createCycle(submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/feedback/cycles/${result.id}`, {
    kind: "success",
    message: "feedback:flash.cycleCreated",
    params: { name: submission.value.name },
  });
}

export default function NewFeedbackCyclePage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { templates, teams, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("cycles.new")}
        description={t("cycles.newIntro")}
        actions={
          <Link to="/feedback/cycles" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <CycleForm templates={templates} teams={teams} defaults={defaults} lastResult={lastResult} />
    </div>
  );
}
