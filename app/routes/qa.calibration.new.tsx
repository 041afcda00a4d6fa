import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ConversationPicker } from "~/components/qa/calibration/conversation-picker";
import { ParticipantPicker } from "~/components/qa/calibration/participant-picker";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import {
  conversationsByIds,
  createCalibrationSession,
  listActiveRubrics,
  listEligibleParticipants,
  searchConversations,
} from "~/modules/qa/calibration/calibration.server";
import { calibrationSessionSchema, MAX_CONVERSATIONS, toLocalDateTimeInput } from "~/modules/qa/calibration/schema";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const DEFAULT_DAYS = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:calibration:any");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const timeZone = env().APP_TIME_ZONE;
  const [rubrics, participants, conversations] = await Promise.all([
    listActiveRubrics(),
    listEligibleParticipants(),
    searchConversations(q),
  ]);
  const inThreeDays = toLocalDateTimeInput(new Date(Date.now() + DEFAULT_DAYS * 86_400_000), timeZone);
  return {
    pageTitle: await pageTitle(request, "qa-calibration:new.title"),
    rubrics,
    participants,
    conversations,
    q,
    defaultDeadline: `${inThreeDays.slice(0, 10)}T18:00`,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:calibration:any");
  const schema = calibrationSessionSchema({ timeZone: env().APP_TIME_ZONE });
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") {
    const picked = submission.payload.conversationId;
    const ids = (Array.isArray(picked) ? picked : picked ? [picked] : []).filter((id) => typeof id === "string");
    return data(
      { result: submission.reply(), unknownExternalIds: [] as string[], chosen: await conversationsByIds(ids) },
      { status: 400 },
    );
  }
  const result = await createCalibrationSession(submission.value, { id: viewer.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    return data(
      {
        result: submission.reply({ fieldErrors: result.fieldErrors }),
        unknownExternalIds: result.unknownExternalIds,
        chosen: await conversationsByIds(submission.value.conversationId),
      },
      { status: 400 },
    );
  }
  return redirectWithFlash(`/qa/calibration/${result.sessionId}`, {
    kind: "success",
    message: "qa-calibration:new.created",
    params: { title: submission.value.title },
  });
}

export default function NewCalibrationSessionPage() {
  const { t } = useTranslation(["qa-calibration", "common"]);
  const { rubrics, participants, conversations, defaultDeadline } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const format = useFormat();
  const [form, fields] = useForm({
    id: "new-calibration-session",
    lastResult: actionData?.result,
    defaultValue: { deadline: defaultDeadline },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: calibrationSessionSchema({ timeZone: format.context.timeZone }) }),
  });
  const leads = participants.filter((participant) => participant.isLead);

  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("qa-calibration:new.title")}
        description={t("qa-calibration:new.description")}
        actions={
          <Link to="/qa/calibration" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="post" {...getFormProps(form)} className="card space-y-6 p-6">
        <FormError errors={form.errors} />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id={fields.title.id} label={t("qa-calibration:fields.title")} errors={fields.title.errors}>
            <input
              {...getInputProps(fields.title, { type: "text" })}
              className="input"
              autoComplete="off"
              placeholder={t("qa-calibration:new.titlePlaceholder")}
            />
          </Field>
          <Field id={fields.rubricId.id} label={t("qa-calibration:fields.rubric")} errors={fields.rubricId.errors}>
            <select {...getSelectProps(fields.rubricId)} className="input">
              <option value="">{t("qa-calibration:new.chooseRubric")}</option>
              {rubrics.map((rubric) => (
                <option key={rubric.id} value={rubric.id}>
                  {rubric.name}
                </option>
              ))}
            </select>
          </Field>
        </div>

        <fieldset className="space-y-3 border-t border-slate-100 pt-5">
          <legend className="label">{t("qa-calibration:new.conversations")}</legend>
          <p className="text-xs text-slate-500">
            {t("qa-calibration:new.conversationsHint", { max: MAX_CONVERSATIONS })}
          </p>
          <ConversationPicker
            key={actionData?.chosen.map((entry) => entry.id).join(",") ?? "initial"}
            name={fields.conversationId.name}
            initialResults={conversations}
            initialSelected={actionData?.chosen ?? []}
          />
          <Field
            id={fields.externalIds.id}
            label={t("qa-calibration:new.externalIds")}
            errors={fields.externalIds.errors}
            hint={t("qa-calibration:new.externalIdsHint")}
          >
            <textarea {...getTextareaProps(fields.externalIds)} rows={3} className="input font-mono text-xs" />
          </Field>
          {actionData?.unknownExternalIds.length ? (
            <p className="text-xs text-rose-600" role="alert" data-testid="unknown-external-ids">
              {t("qa-calibration:new.unknownList", { ids: actionData.unknownExternalIds.join("、") })}
            </p>
          ) : null}
        </fieldset>

        <fieldset className="space-y-3 border-t border-slate-100 pt-5">
          <legend className="label">{t("qa-calibration:new.participants")}</legend>
          <ParticipantPicker
            name={fields.participantId.name}
            participants={participants}
            defaultSelected={(fields.participantId.initialValue as string[] | undefined) ?? []}
            errors={fields.participantId.errors}
            errorId={fields.participantId.errorId}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              id={fields.benchmarkId.id}
              label={t("qa-calibration:fields.benchmark")}
              errors={fields.benchmarkId.errors}
              hint={t("qa-calibration:new.benchmarkHint")}
            >
              <select {...getSelectProps(fields.benchmarkId)} className="input">
                <option value="">{t("qa-calibration:new.chooseBenchmark")}</option>
                {leads.map((lead) => (
                  <option key={lead.id} value={lead.id}>
                    {lead.name}（{lead.externalId}）
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fields.deadline.id}
              label={t("qa-calibration:fields.deadline")}
              errors={fields.deadline.errors}
              hint={t("qa-calibration:new.deadlineHint", { timeZone: format.context.timeZone })}
            >
              <input {...getInputProps(fields.deadline, { type: "datetime-local" })} className="input" />
            </Field>
          </div>
        </fieldset>

        <div className="flex justify-end gap-2 border-t border-slate-100 pt-5">
          <Link to="/qa/calibration" className="btn-secondary">
            {t("common:actions.cancel")}
          </Link>
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {t("qa-calibration:new.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
