import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { GRADING_METHODS, REVIEW_MODES } from "~/modules/training/exams/authoring";

export type ExamSettingsValues = {
  slug?: string;
  title: string;
  description: string;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  passPercent: number;
  gradingMethod: string;
  availableFrom: string;
  availableUntil: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  reviewMode: string;
  isCertification: boolean;
  certificateTitle: string | null;
  certificateValidityMonths: number | null;
  remediationCourseId: string | null;
  remediateOnFail: boolean;
};

export type SettingsErrors = { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | null;

export function ExamSettingsForm({
  values,
  courses,
  errors,
  withSlug,
  submitLabel,
  timeZone,
}: {
  values: ExamSettingsValues;
  courses: { id: string; title: string }[];
  errors: SettingsErrors;
  withSlug: boolean;
  submitLabel: string;
  timeZone: string;
}) {
  const { t } = useTranslation(["training-exams", "training", "common"]);
  const [certification, setCertification] = useState(values.isCertification);
  const busy = useNavigation().state === "submitting";
  const fieldErrors = errors?.fieldErrors ?? {};
  const error = (name: string) => fieldErrors[name];
  return (
    <Form method="post" className="space-y-6" data-testid="exam-settings">
      <input type="hidden" name="intent" value="settings" />
      <FormError errors={errors?.formErrors} />
      <div className="card grid gap-4 p-5 md:grid-cols-2">
        <Field id="exam-title" label={t("fields.title")} errors={error("title")}>
          <input id="exam-title" name="title" className="input" defaultValue={values.title} required maxLength={120} />
        </Field>
        {withSlug ? (
          <Field id="exam-slug" label={t("fields.slug")} errors={error("slug")} hint={t("settings.slugHint")}>
            <input id="exam-slug" name="slug" className="input" defaultValue={values.slug ?? ""} required />
          </Field>
        ) : null}
        <div className="md:col-span-2">
          <Field id="exam-description" label={t("fields.description")} errors={error("description")}>
            <textarea
              id="exam-description"
              name="description"
              className="input min-h-20"
              defaultValue={values.description}
              maxLength={4000}
            />
          </Field>
        </div>
      </div>
      <div className="card grid gap-4 p-5 md:grid-cols-3">
        <Field
          id="exam-time"
          label={t("fields.timeLimitMinutes")}
          errors={error("timeLimitMinutes")}
          hint={t("settings.emptyUnlimited")}
        >
          <input
            id="exam-time"
            name="timeLimitMinutes"
            type="number"
            min={1}
            max={600}
            className="input"
            defaultValue={values.timeLimitMinutes ?? ""}
          />
        </Field>
        <Field
          id="exam-attempts"
          label={t("fields.maxAttempts")}
          errors={error("maxAttempts")}
          hint={t("settings.emptyUnlimited")}
        >
          <input
            id="exam-attempts"
            name="maxAttempts"
            type="number"
            min={1}
            max={50}
            className="input"
            defaultValue={values.maxAttempts ?? ""}
          />
        </Field>
        <Field id="exam-pass" label={t("fields.passPercent")} errors={error("passPercent")}>
          <input
            id="exam-pass"
            name="passPercent"
            type="number"
            min={1}
            max={100}
            step="0.5"
            className="input"
            defaultValue={values.passPercent}
            required
          />
        </Field>
        <Field id="exam-grading" label={t("fields.gradingMethod")} errors={error("gradingMethod")}>
          <select id="exam-grading" name="gradingMethod" className="input" defaultValue={values.gradingMethod}>
            {GRADING_METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`training:gradingMethod.${method}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="exam-review" label={t("fields.reviewMode")} errors={error("reviewMode")}>
          <select id="exam-review" name="reviewMode" className="input" defaultValue={values.reviewMode}>
            {REVIEW_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`training:reviewMode.${mode}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex flex-col justify-end gap-2 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="shuffleQuestions" defaultChecked={values.shuffleQuestions} />
            {t("fields.shuffleQuestions")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="shuffleOptions" defaultChecked={values.shuffleOptions} />
            {t("fields.shuffleOptions")}
          </label>
        </div>
        <Field
          id="exam-from"
          label={t("fields.availableFrom")}
          errors={error("availableFrom")}
          hint={t("settings.timeZone", { zone: timeZone })}
        >
          <input
            id="exam-from"
            name="availableFrom"
            type="datetime-local"
            className="input"
            defaultValue={values.availableFrom}
          />
        </Field>
        <Field id="exam-until" label={t("fields.availableUntil")} errors={error("availableUntil")}>
          <input
            id="exam-until"
            name="availableUntil"
            type="datetime-local"
            className="input"
            defaultValue={values.availableUntil}
          />
        </Field>
      </div>
      <div className="card grid gap-4 p-5 md:grid-cols-3">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700 md:col-span-3">
          <input
            type="checkbox"
            name="isCertification"
            checked={certification}
            onChange={(event) => setCertification(event.target.checked)}
          />
          {t("fields.isCertification")}
        </label>
        {certification ? (
          <>
            <Field id="exam-cert-title" label={t("fields.certificateTitle")} errors={error("certificateTitle")}>
              <input
                id="exam-cert-title"
                name="certificateTitle"
                className="input"
                defaultValue={values.certificateTitle ?? ""}
                maxLength={100}
              />
            </Field>
            <Field
              id="exam-cert-months"
              label={t("fields.certificateValidityMonths")}
              errors={error("certificateValidityMonths")}
              hint={t("settings.noExpiry")}
            >
              <input
                id="exam-cert-months"
                name="certificateValidityMonths"
                type="number"
                min={1}
                max={120}
                className="input"
                defaultValue={values.certificateValidityMonths ?? ""}
              />
            </Field>
          </>
        ) : null}
        <Field id="exam-course" label={t("fields.remediationCourse")} errors={error("remediationCourseId")}>
          <select
            id="exam-course"
            name="remediationCourseId"
            className="input"
            defaultValue={values.remediationCourseId ?? ""}
          >
            <option value="">{t("settings.noCourse")}</option>
            {courses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700 md:col-span-2">
          <input type="checkbox" name="remediateOnFail" defaultChecked={values.remediateOnFail} />
          {t("fields.remediateOnFail")}
        </label>
      </div>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
