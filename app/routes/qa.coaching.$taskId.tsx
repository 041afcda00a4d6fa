import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { FollowUpForm } from "~/components/qa/coaching/follow-up-form";
import { PracticeScenarioCard } from "~/components/qa/coaching/practice-scenario";
import { TaskDetails } from "~/components/qa/coaching/task-details";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission } from "~/modules/identity/session.server";
import { ManageCoachingSchema } from "~/modules/qa/coaching/coaching";
import { finishTask, getTaskForStaff, recordFollowUp } from "~/modules/qa/coaching/coaching.server";
import { taskPractice } from "~/modules/qa/coaching/scenario.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { conflict, notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:coaching:team");
  const detail = await getTaskForStaff(params.taskId ?? "", user);
  if (!detail) notFound("coaching task not found");
  const practice = await taskPractice(detail.task.id);
  return {
    ...detail,
    practice,
    pageTitle: await pageTitle(request, "qa-coaching:detail.title", { title: detail.task.title }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:coaching:team");
  const taskId = params.taskId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: ManageCoachingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const value = submission.value;
  const result =
    value.intent === "follow-up"
      ? await recordFollowUp(taskId, user, actor, { reviewId: value.reviewId, outcome: value.outcome })
      : await finishTask(taskId, user, actor, value.intent);
  if (!result.ok) {
    if (result.status === 400) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    if (result.status === 403) throw forbidden(result.reason);
    if (result.status === 404) notFound(result.reason);
    conflict(`the task cannot be changed now: ${result.reason}`);
  }
  const message = { "follow-up": "followedUp", close: "closed", cancel: "cancelled" }[value.intent];
  return redirectWithFlash(`/qa/coaching/${taskId}`, { kind: "success", message: `qa-coaching:flash.${message}` });
}

export default function CoachingTaskPage() {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const { task, criteria, candidates, canManage, practice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const cancellable = canManage && (task.status === "open" || task.status === "completed");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={task.title}
        description={t("detail.description", { agent: task.agent.name })}
        actions={
          <>
            {cancellable ? (
              <Form
                method="post"
                onSubmit={(event) => {
                  if (!window.confirm(t("detail.cancelConfirm"))) event.preventDefault();
                }}
              >
                <input type="hidden" name="intent" value="cancel" />
                <button type="submit" className="btn-danger">
                  {t("detail.cancel")}
                </button>
              </Form>
            ) : null}
            <Link to="/qa/coaching" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      {canManage && task.status === "completed" ? (
        <FollowUpForm candidates={candidates} lastResult={lastResult} />
      ) : null}
      {task.status === "open" ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600">
          {t("detail.waitingForAgent")}
        </p>
      ) : null}
      {practice ? (
        <PracticeScenarioCard
          practice={practice}
          canPlay={false}
          sessionPath={(id) => `/learn/roleplay/sessions/${id}`}
        />
      ) : null}
      <TaskDetails task={task} criteria={criteria} reviewPath="/qa/reviews" />
    </div>
  );
}
