import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MarkdownContent } from "~/components/markdown";

export type GradingItem = {
  position: number;
  stemHtml: string;
  category: string;
  maxScore: number;
  score: number | null;
  response: unknown;
  modelAnswer: string | null;
  feedback: string | null;
  gradedBy: string | null;
};

/** The short answers of one attempt with a mark (0…points, step 0.5) and feedback each. */
export function MarkForm({ items, locked, invalid }: { items: GradingItem[]; locked: boolean; invalid: number[] }) {
  const { t } = useTranslation("training-attempts");
  const navigation = useNavigation();
  return (
    <Form method="post" className="space-y-4">
      {items.map((item) => (
        <article key={item.position} className="card p-5" id={`q${item.position}`}>
          <header className="flex items-center justify-between text-sm text-slate-500">
            <span>
              {t("taking.questionNumber", { number: item.position })} · {item.category}
            </span>
            <span className="tabular-nums">{t("taking.points", { points: item.maxScore })}</span>
          </header>
          <MarkdownContent html={item.stemHtml} className="prose-sm mt-2" />
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <div>
              <p className="text-sm font-medium text-slate-500">{t("grading.learnerAnswer")}</p>
              <p className="mt-1 min-h-16 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800">
                {typeof item.response === "string" && item.response.trim() ? item.response : t("review.noAnswer")}
              </p>
            </div>
            <div>
              <p className="text-sm font-medium text-slate-500">{t("review.modelAnswer")}</p>
              <p className="mt-1 whitespace-pre-wrap rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
                {item.modelAnswer ?? "—"}
              </p>
            </div>
          </div>
          <div className="mt-4 grid gap-4 md:grid-cols-[10rem_1fr]">
            <label className="block">
              <span className="label">{t("grading.mark", { points: item.maxScore })}</span>
              <input
                type="number"
                name={`score-${item.position}`}
                className="input"
                min={0}
                max={item.maxScore}
                step={0.5}
                defaultValue={item.score ?? ""}
                disabled={locked}
                aria-invalid={invalid.includes(item.position) || undefined}
              />
              {invalid.includes(item.position) ? (
                <span className="mt-1 block text-xs text-rose-700">
                  {t("grading.invalidMark", { points: item.maxScore })}
                </span>
              ) : null}
            </label>
            <label className="block">
              <span className="label">{t("grading.feedback")}</span>
              <textarea
                name={`feedback-${item.position}`}
                className="input min-h-16"
                maxLength={2000}
                defaultValue={item.feedback ?? ""}
                disabled={locked}
              />
            </label>
          </div>
          {item.gradedBy ? (
            <p className="mt-2 text-xs text-slate-500">{t("grading.gradedBy", { name: item.gradedBy })}</p>
          ) : null}
          <input type="hidden" name="position" value={item.position} />
        </article>
      ))}
      {locked ? null : (
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
            {t("grading.save")}
          </button>
          <p className="text-sm text-slate-500">{t("grading.saveHint")}</p>
        </div>
      )}
    </Form>
  );
}
