import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RatingForm } from "~/components/feedback/rating-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ratingSchema } from "~/modules/feedback/rating";
import { loadRequestForm, requestContext, saveDraft, submitRating } from "~/modules/feedback/requests.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rate:feedback:own");
  const form = await loadRequestForm(params.requestId ?? "", user.id);
  return { form, pageTitle: await pageTitle(request, "feedback:rate.pageTitle", { name: form.subject }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rate:feedback:own");
  const requestId = params.requestId ?? "";
  const context = await requestContext(requestId, user.id);
  const formData = await request.formData();
  const intent = formData.get("intent") === "submit" ? "submit" : "draft";
  const submission = parseWithZod(formData, {
    schema: ratingSchema(context.competencyIds, intent, context.allowComments),
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (intent === "draft") {
    await saveDraft(requestId, user.id, submission.value);
    return redirectWithFlash(`/performance/feedback/requests/${requestId}`, {
      kind: "success",
      message: "feedback:flash.draftSaved",
    });
  }
  await submitRating(requestId, user.id, submission.value);
  return redirectWithFlash("/performance/feedback", { kind: "success", message: "feedback:flash.submitted" });
}

export default function RateRequestPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { form } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={form.group === "self" ? t("rate.selfTitle") : t("rate.title", { name: form.subject })}
        description={t("rate.intro", {
          cycle: form.cycle.name,
          group: t(`groups.${form.group}`),
          due: format.date(form.cycle.dueAt),
        })}
        actions={
          <Link to="/performance/feedback" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      {form.group !== "self" && form.group !== "manager" ? (
        <div className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-800">
          {t("rate.anonymous")}
        </div>
      ) : null}
      {form.submitted ? (
        <div className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
          {t("rate.alreadySubmitted", { date: format.dateTime(form.submittedAt) })}
        </div>
      ) : null}
      <RatingForm form={form} lastResult={lastResult} />
    </div>
  );
}
