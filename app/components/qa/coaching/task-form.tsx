import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { ArticlePicker } from "~/components/training/kb/article-picker";
import { CreateCoachingSchema } from "~/modules/qa/coaching/coaching";

type AgentOption = { id: string; label: string; team: string | null };
type CriterionOption = { key: string; name: string };
type CourseOption = { id: string; title: string };

export type TaskFormDefaults = {
  agentId: string;
  sourceReviewId: string;
  criterionKeys: string[];
  title: string;
  dueDate: string;
};

function groupByTeam(agents: AgentOption[], noTeam: string) {
  const groups = new Map<string, AgentOption[]>();
  for (const agent of agents) {
    const team = agent.team ?? noTeam;
    groups.set(team, [...(groups.get(team) ?? []), agent]);
  }
  return [...groups.entries()];
}

export function CoachingTaskForm({
  agents,
  criteria,
  courses,
  scenarios = [],
  defaults,
  lockedAgent,
  lastResult,
}: {
  agents: AgentOption[];
  criteria: CriterionOption[];
  /** Published courses; the article is picked by searching the knowledge base. */
  courses: CourseOption[];
  /** Published role-play scenarios the agent can be asked to practise. */
  scenarios?: CourseOption[];
  defaults: TaskFormDefaults;
  /** Set when the task comes from a review: the agent is the reviewed one. */
  lockedAgent: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-coaching-task",
    lastResult,
    defaultValue: { ...defaults, followUp: "on" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateCoachingSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-5 p-6">
      <FormError errors={form.errors} />
      <input {...getInputProps(fields.sourceReviewId, { type: "hidden" })} />
      {lockedAgent ? (
        <div>
          <p className="label">{t("form.agent")}</p>
          <p className="text-sm text-slate-900">{lockedAgent}</p>
          <input {...getInputProps(fields.agentId, { type: "hidden" })} />
        </div>
      ) : (
        <Field id={fields.agentId.id} label={t("form.agent")} errors={fields.agentId.errors}>
          <select
            id={fields.agentId.id}
            name={fields.agentId.name}
            defaultValue={defaults.agentId}
            className="input"
            aria-invalid={fields.agentId.errors ? true : undefined}
          >
            <option value="">{t("form.chooseAgent")}</option>
            {groupByTeam(agents, t("noTeam")).map(([team, members]) => (
              <optgroup key={team} label={team}>
                {members.map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      )}
      <Field id={fields.title.id} label={t("form.title")} errors={fields.title.errors} hint={t("form.titleHint")}>
        <input {...getInputProps(fields.title, { type: "text" })} className="input" autoComplete="off" />
      </Field>
      <fieldset aria-describedby={fields.criterionKeys.errors?.length ? `${fields.criterionKeys.id}-error` : undefined}>
        <legend className="label">{t("form.criteria")}</legend>
        {criteria.length === 0 ? (
          <p className="text-sm text-slate-500">{t("form.noCriteria")}</p>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            {criteria.map((criterion) => (
              <label key={criterion.key} className="inline-flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name={fields.criterionKeys.name}
                  value={criterion.key}
                  defaultChecked={defaults.criterionKeys.includes(criterion.key)}
                  className="h-4 w-4 rounded border-slate-300 text-brand-600"
                />
                {criterion.name}
                <span className="font-mono text-xs text-slate-400">{criterion.key}</span>
              </label>
            ))}
          </div>
        )}
        {fields.criterionKeys.errors?.length ? (
          <p id={`${fields.criterionKeys.id}-error`} className="mt-1 text-xs text-rose-600" role="alert">
            {fields.criterionKeys.errors.map((error) => t(error)).join("；")}
          </p>
        ) : null}
      </fieldset>
      <Field id={fields.notes.id} label={t("form.notes")} errors={fields.notes.errors} hint={t("form.notesHint")}>
        <textarea {...getTextareaProps(fields.notes)} rows={5} className="input" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={fields.courseId.id}
          label={t("form.course")}
          errors={fields.courseId.errors}
          hint={t("form.courseHint")}
        >
          <select
            id={fields.courseId.id}
            name={fields.courseId.name}
            defaultValue=""
            className="input"
            aria-invalid={fields.courseId.errors ? true : undefined}
          >
            <option value="">{t("form.noCourse")}</option>
            {courses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
              </option>
            ))}
          </select>
        </Field>
        <ArticlePicker
          name={fields.articleId.name}
          label={t("form.article")}
          max={1}
          errors={fields.articleId.errors}
        />
        <Field
          id={fields.scenarioId.id}
          label={t("roleplay:coaching.scenario")}
          errors={fields.scenarioId.errors}
          hint={t("roleplay:coaching.scenarioHelp")}
        >
          <select
            id={fields.scenarioId.id}
            name={fields.scenarioId.name}
            defaultValue=""
            className="input"
            aria-invalid={fields.scenarioId.errors ? true : undefined}
          >
            <option value="">{t("roleplay:coaching.scenarioNone")}</option>
            {scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="label mb-0">{t("form.otherResource")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fields.resourceTitle.id} label={t("form.resourceTitle")} errors={fields.resourceTitle.errors}>
          <input
            {...getInputProps(fields.resourceTitle, { type: "text" })}
            className="input"
            placeholder={t("form.resourceTitlePlaceholder")}
          />
        </Field>
        <Field
          id={fields.resourceUrl.id}
          label={t("form.resourceUrl")}
          errors={fields.resourceUrl.errors}
          hint={t("form.resourceUrlHint")}
        >
          <input
            {...getInputProps(fields.resourceUrl, { type: "text" })}
            className="input font-mono"
            placeholder="https://kb.example.com/articles/…"
          />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fields.dueDate.id} label={t("form.dueDate")} errors={fields.dueDate.errors}>
          <input {...getInputProps(fields.dueDate, { type: "date" })} className="input" />
        </Field>
        <label className="mt-6 inline-flex items-start gap-2 text-sm text-slate-700">
          <input
            {...getInputProps(fields.followUp, { type: "checkbox" })}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600"
          />
          <span>
            {t("form.followUp")}
            <span className="block text-xs text-slate-500">{t("form.followUpHint")}</span>
          </span>
        </label>
      </div>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("form.submit")}
        </button>
      </div>
    </Form>
  );
}
