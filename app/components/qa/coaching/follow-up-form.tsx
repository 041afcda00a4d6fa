import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { FOLLOW_UP_OUTCOMES } from "~/modules/qa/coaching/coaching";
import { useFormat } from "~/utils/use-format";

type Candidate = {
  id: string;
  score: number | null;
  passed: boolean | null;
  submittedAt: string | null;
  rubric: string;
};

export function FollowUpForm({
  candidates,
  lastResult,
}: {
  candidates: Candidate[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const format = useFormat();
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "coaching-follow-up", lastResult: lastResult ?? undefined });
  return (
    <section className="card space-y-4 p-6" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading" className="text-base font-semibold text-slate-900">
        {t("followUp.title")}
      </h2>
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-500">{t("followUp.noCandidates")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="intent" value="follow-up" />
          <FormError errors={form.errors} />
          <Field id={fields.reviewId.id} label={t("followUp.review")} errors={fields.reviewId.errors}>
            <select id={fields.reviewId.id} name={fields.reviewId.name} className="input" defaultValue="">
              <option value="">{t("followUp.chooseReview")}</option>
              {candidates.map((review) => (
                <option key={review.id} value={review.id}>
                  {t("followUp.candidate", {
                    date: format.date(review.submittedAt),
                    rubric: review.rubric,
                    score: review.score ?? "—",
                  })}
                </option>
              ))}
            </select>
          </Field>
          <fieldset>
            <legend className="label">{t("followUp.outcome")}</legend>
            <div className="flex gap-5">
              {FOLLOW_UP_OUTCOMES.map((outcome) => (
                <label key={outcome} className="inline-flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="radio"
                    name="outcome"
                    value={outcome}
                    className="h-4 w-4 border-slate-300 text-brand-600"
                  />
                  {t(`outcome.${outcome}`)}
                </label>
              ))}
            </div>
            {fields.outcome.errors?.length ? (
              <p className="mt-1 text-xs text-rose-600" role="alert">
                {fields.outcome.errors.map((error) => t(error)).join("；")}
              </p>
            ) : null}
          </fieldset>
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {t("followUp.submit")}
          </button>
        </Form>
      )}
      <Form method="post" className="border-t border-slate-100 pt-4">
        <input type="hidden" name="intent" value="close" />
        <button type="submit" className="btn-secondary" disabled={navigation.state === "submitting"}>
          {t("followUp.closeWithout")}
        </button>
      </Form>
    </section>
  );
}
