import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { SCALE_POINTS } from "~/modules/feedback/scoring";

type RatingFormData = {
  id: string;
  submitted: boolean;
  cycle: { allowComments: boolean };
  competencies: { id: string; name: string; description: string; scale: string[] }[];
  values: { scores: Record<string, number>; comment: string };
};

export function RatingForm({
  form: data,
  lastResult,
}: {
  form: RatingFormData;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["feedback", "common"]);
  const navigation = useNavigation();
  const [form] = useForm({ id: `rating-${data.id}`, lastResult, shouldValidate: "onSubmit" });
  const fieldErrors = (lastResult?.error ?? {}) as Record<string, string[] | null>;
  const disabled = data.submitted;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="space-y-4">
      <FormError errors={form.errors} />
      {data.competencies.map((competency, index) => {
        const name = `scores.${competency.id}`;
        const errors = fieldErrors[name];
        return (
          <fieldset
            key={competency.id}
            className="card p-5"
            aria-describedby={errors?.length ? `${name}-error` : undefined}
          >
            <legend className="sr-only">{competency.name}</legend>
            <h2 className="text-base font-semibold text-slate-900">
              {index + 1}. {competency.name}
            </h2>
            {competency.description ? <p className="mt-1 text-sm text-slate-500">{competency.description}</p> : null}
            <div className="mt-3 grid gap-2 sm:grid-cols-5">
              {SCALE_POINTS.map((point) => (
                <label
                  key={point}
                  className="flex cursor-pointer flex-col gap-1 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
                >
                  <span className="flex items-center gap-2 font-semibold text-slate-800">
                    <input
                      type="radio"
                      name={name}
                      value={point}
                      defaultChecked={data.values.scores[competency.id] === point}
                      disabled={disabled}
                      aria-label={`${competency.name} ${point}`}
                    />
                    {t("rate.point", { n: point })}
                  </span>
                  <span className="text-xs text-slate-500">{competency.scale[point - 1]}</span>
                </label>
              ))}
            </div>
            {errors?.length ? (
              <p id={`${name}-error`} className="mt-2 text-xs text-rose-600" role="alert">
                {errors.map((error) => t(error)).join("；")}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      {data.cycle.allowComments ? (
        <div className="card p-5">
          <label htmlFor="comment" className="label">
            {t("rate.comment")}
          </label>
          <textarea
            id="comment"
            name="comment"
            rows={4}
            defaultValue={data.values.comment}
            disabled={disabled}
            className="input"
          />
          <p className="mt-1 text-xs text-slate-500">{t("rate.commentHint")}</p>
        </div>
      ) : null}
      {!disabled ? (
        <div className="flex justify-end gap-2">
          <button
            type="submit"
            name="intent"
            value="draft"
            className="btn-secondary"
            disabled={navigation.state === "submitting"}
          >
            {t("rate.saveDraft")}
          </button>
          <button
            type="submit"
            name="intent"
            value="submit"
            className="btn-primary"
            disabled={navigation.state === "submitting"}
          >
            {t("rate.submit")}
          </button>
        </div>
      ) : null}
    </Form>
  );
}
