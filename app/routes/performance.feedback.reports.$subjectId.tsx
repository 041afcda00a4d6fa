import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ReportView } from "~/components/feedback/report-view";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { acknowledgeReport, loadReport } from "~/modules/feedback/reports.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const AcknowledgeSchema = z.object({
  responseText: z.string().trim().max(2000, { message: "feedback:errors.tooLong" }).optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:feedback-report:own");
  const report = await loadReport(params.subjectId ?? "", { kind: "own", userId: user.id });
  return { report, pageTitle: await pageTitle(request, "feedback:report.myTitle", { cycle: report.cycle.name }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read:feedback-report:own");
  const submission = parseWithZod(await request.formData(), { schema: AcknowledgeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const subjectId = params.subjectId ?? "";
  await acknowledgeReport(subjectId, user.id, submission.value.responseText ?? null);
  return redirectWithFlash(`/performance/feedback/reports/${subjectId}`, {
    kind: "success",
    message: "feedback:flash.acknowledged",
  });
}

export default function MyFeedbackReportPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { report } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const format = useFormat();
  const errors = (lastResult?.error?.responseText ?? null) as string[] | null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("report.myTitle", { cycle: report.cycle.name })}
        description={`${format.date(report.cycle.periodStart, true)} – ${format.date(report.cycle.periodEnd, true)}`}
        actions={
          <Link to="/performance/feedback" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <ReportView report={report} />
      <section className="card p-5">
        <h2 className="mb-1 text-base font-semibold text-slate-900">{t("report.response")}</h2>
        <p className="mb-3 text-sm text-slate-500">
          {report.subject.acknowledgedAt
            ? t("report.acknowledgedAt", { date: format.dateTime(report.subject.acknowledgedAt) })
            : t("report.acknowledgeIntro")}
        </p>
        <Form method="post" className="space-y-3">
          <label htmlFor="responseText" className="label">
            {t("report.responseLabel")}
          </label>
          <textarea
            id="responseText"
            name="responseText"
            rows={4}
            defaultValue={report.subject.responseText ?? ""}
            className="input"
            aria-invalid={errors ? true : undefined}
          />
          {errors?.length ? (
            <p className="text-xs text-rose-600" role="alert">
              {errors.map((error) => t(error)).join("；")}
            </p>
          ) : null}
          <div className="flex justify-end">
            <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
              {report.subject.acknowledgedAt ? t("report.updateResponse") : t("report.acknowledge")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
