import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { PracticeScenarioCard } from "~/components/qa/coaching/practice-scenario";
import { TaskDetails } from "~/components/qa/coaching/task-details";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { CompleteCoachingSchema } from "~/modules/qa/coaching/coaching";
import { completeTask, getTaskForAgent } from "~/modules/qa/coaching/coaching.server";
import { startTaskPractice, taskPractice } from "~/modules/qa/coaching/scenario.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { conflict, notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "complete:coaching:own");
  const detail = await getTaskForAgent(params.taskId ?? "", user.id);
  if (!detail) notFound("coaching task not found");
  const practice = await taskPractice(detail.task.id);
  return {
    ...detail,
    practice,
    pageTitle: await pageTitle(request, "qa-coaching:detail.title", { title: detail.task.title }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "complete:coaching:own");
  const taskId = params.taskId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "practice") {
    const started = await startTaskPractice(taskId, user.id);
    if (!started.ok) {
      if (started.status === 404) notFound("coaching task or scenario not found");
      conflict(`the scenario cannot be practised now: ${started.reason}`);
    }
    return redirect(`/learn/roleplay/sessions/${started.sessionId}`);
  }
  const submission = parseWithZod(formData, { schema: CompleteCoachingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await completeTask(taskId, { id: user.id, ipAddress: clientIp(request) }, submission.value.agentNote);
  if (!result.ok) {
    if (result.status === 404) notFound("coaching task not found");
    conflict(`the task cannot be completed now: ${"reason" in result ? result.reason : "changed"}`);
  }
  return redirectWithFlash(`/agent/coaching/${taskId}`, { kind: "success", message: "qa-coaching:flash.completed" });
}

function CompleteForm() {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "complete-coaching",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CompleteCoachingSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4 p-6">
      <h2 className="text-base font-semibold text-slate-900">{t("complete.title")}</h2>
      <FormError errors={form.errors} />
      <Field
        id={fields.agentNote.id}
        label={t("complete.note")}
        errors={fields.agentNote.errors}
        hint={t("complete.hint")}
      >
        <textarea {...getTextareaProps(fields.agentNote)} rows={4} className="input" />
      </Field>
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {t("complete.submit")}
      </button>
    </Form>
  );
}

export default function MyCoachingTaskPage() {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const { task, criteria, practice } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={task.title}
        description={task.createdBy ? t("mine.assignedBy", { name: task.createdBy }) : undefined}
        actions={
          <Link to="/agent/coaching" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      {task.status === "open" ? <CompleteForm /> : null}
      {task.status === "completed" ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800">
          {t("mine.awaitingFollowUp")}
        </p>
      ) : null}
      {practice ? (
        <PracticeScenarioCard
          practice={practice}
          canPlay={task.status === "open" || task.status === "completed"}
          sessionPath={(id) => `/learn/roleplay/sessions/${id}`}
        />
      ) : null}
      <TaskDetails task={task} criteria={criteria} reviewPath="/agent/reviews" />
    </div>
  );
}
