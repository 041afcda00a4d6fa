import { useTranslation } from "react-i18next";
import { MarkdownContent } from "~/components/markdown";

export type TakingQuestion = {
  position: number;
  type: string;
  stemHtml: string;
  points: number;
  options: { key: string; text: string }[];
  blanks: number;
  response: unknown;
};

type Props = {
  question: TakingQuestion;
  value: unknown;
  disabled: boolean;
  onChange: (value: unknown) => void;
};

/** One question on the paper with the input its type needs. Options are labelled A, B, C… by position. */
export function QuestionInput({ question, value, disabled, onChange }: Props) {
  const { t } = useTranslation(["training-attempts", "training"]);
  const name = `q${question.position}`;
  const labelId = `${name}-label`;
  return (
    <article className="card scroll-mt-24 p-5" id={name} aria-labelledby={labelId}>
      <header className="flex items-center justify-between text-sm text-slate-500" id={labelId}>
        <span className="font-medium text-slate-700">
          {t("taking.questionNumber", { number: question.position })}
          <span className="ml-2 badge bg-slate-100 text-slate-600">{t(`training:questionType.${question.type}`)}</span>
        </span>
        <span className="tabular-nums">{t("taking.points", { points: question.points })}</span>
      </header>
      <MarkdownContent html={question.stemHtml} className="prose-sm mt-3" />
      <div className="mt-4">
        {question.type === "single_choice" ? (
          <fieldset className="space-y-2" disabled={disabled}>
            <legend className="sr-only">{t("taking.chooseOne")}</legend>
            {question.options.map((option, index) => (
              <label
                key={option.key}
                className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name={name}
                  className="mt-1"
                  checked={value === option.key}
                  onChange={() => onChange(option.key)}
                />
                <span>
                  <span className="mr-2 font-medium">{String.fromCharCode(65 + index)}.</span>
                  {option.text}
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {question.type === "multiple_choice" ? (
          <fieldset className="space-y-2" disabled={disabled}>
            <legend className="mb-2 text-sm text-slate-500">{t("taking.chooseMany")}</legend>
            {question.options.map((option, index) => {
              const chosen = Array.isArray(value) ? (value as string[]) : [];
              return (
                <label
                  key={option.key}
                  className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={chosen.includes(option.key)}
                    onChange={(event) =>
                      onChange(
                        event.target.checked ? [...chosen, option.key] : chosen.filter((key) => key !== option.key),
                      )
                    }
                  />
                  <span>
                    <span className="mr-2 font-medium">{String.fromCharCode(65 + index)}.</span>
                    {option.text}
                  </span>
                </label>
              );
            })}
          </fieldset>
        ) : null}
        {question.type === "true_false" ? (
          <fieldset className="flex gap-3" disabled={disabled}>
            <legend className="sr-only">{t("taking.chooseOne")}</legend>
            {[true, false].map((choice) => (
              <label
                key={String(choice)}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-200 px-4 py-2 hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
              >
                <input type="radio" name={name} checked={value === choice} onChange={() => onChange(choice)} />
                {choice ? t("taking.true") : t("taking.false")}
              </label>
            ))}
          </fieldset>
        ) : null}
        {question.type === "fill_blank" ? (
          <div className="space-y-2">
            {Array.from({ length: question.blanks }, (_, index) => {
              const blanks = Array.isArray(value) ? (value as string[]) : [];
              return (
                <label key={index} className="flex items-center gap-3 text-sm">
                  <span className="w-16 shrink-0 text-slate-500">{t("taking.blank", { number: index + 1 })}</span>
                  <input
                    className="input"
                    disabled={disabled}
                    maxLength={200}
                    value={blanks[index] ?? ""}
                    onChange={(event) => {
                      const next = Array.from({ length: question.blanks }, (_, i) => blanks[i] ?? "");
                      next[index] = event.target.value;
                      onChange(next);
                    }}
                  />
                </label>
              );
            })}
          </div>
        ) : null}
        {question.type === "short_answer" ? (
          <textarea
            className="input min-h-32"
            aria-label={t("taking.yourAnswer")}
            disabled={disabled}
            maxLength={5000}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : null}
      </div>
    </article>
  );
}
