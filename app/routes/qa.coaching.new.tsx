import { dayIn } from "~/utils/calendar";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { CoachingTaskForm } from "~/components/qa/coaching/task-form";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission } from "~/modules/identity/session.server";
import { CreateCoachingSchema } from "~/modules/qa/coaching/coaching";
import { coachingScope, createCoachingTask, loadCreateForm } from "~/modules/qa/coaching/coaching.server";
import { addDays } from "~/modules/qa/reports/dates";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const DEFAULT_DUE_DAYS = 7;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "create:coaching:team");
  const scope = coachingScope(user, "create")!;
  const url = new URL(request.url);
  const form = await loadCreateForm(scope, {
    reviewId: url.searchParams.get("review"),
    agentId: url.searchParams.get("agent"),
    criterionKey: url.searchParams.get("criterion"),
  });
  if (form.status === "notFound") notFound("review not found or not submitted");
  if (form.status === "forbidden") throw forbidden("create:coaching:team");
  const today = dayIn(new Date(), env().APP_TIME_ZONE);
  return {
    agents: form.agents,
    criteria: form.criteria,
    courses: form.courses,
    scenarios: form.scenarios,
    source: form.source,
    defaults: { ...form.prefill, dueDate: addDays(today, DEFAULT_DUE_DAYS) },
    pageTitle: await pageTitle(request, "qa-coaching:new.title"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:coaching:team");
  const scope = coachingScope(user, "create")!;
  const submission = parseWithZod(await request.formData(), { schema: CreateCoachingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createCoachingTask(submission.value, scope, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    if (result.forbidden) throw forbidden("create:coaching:team");
    return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  }
  return redirectWithFlash(`/qa/coaching/${result.id}`, {
    kind: "success",
    message: "qa-coaching:flash.created",
    params: { title: submission.value.title },
  });
}

export default function NewCoachingTaskPage() {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const { agents, criteria, courses, scenarios, source, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
        actions={
          <Link to="/qa/coaching" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      {source ? (
        <div className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-800">
          {t("new.fromReview", {
            agent: source.agent,
            conversation: source.conversation,
            score: source.score ?? "—",
            date: format.date(source.submittedAt),
          })}{" "}
          <Link to={`/qa/reviews/${source.id}`} className="font-medium underline">
            {t("new.openReview")}
          </Link>
        </div>
      ) : null}
      <CoachingTaskForm
        agents={agents}
        criteria={criteria}
        courses={courses}
        scenarios={scenarios}
        defaults={defaults}
        lockedAgent={source?.agent ?? null}
        lastResult={lastResult}
      />
    </div>
  );
}
