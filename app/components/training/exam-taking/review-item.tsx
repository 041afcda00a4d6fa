import { useTranslation } from "react-i18next";
import { MarkdownContent } from "~/components/markdown";
import { AnswerText } from "./answer-text";

export type ReviewItemData = {
  position: number;
  type: string;
  stemHtml: string;
  points: number;
  options: { key: string; text: string }[];
  category: string;
  response: unknown;
  score: number | null;
  maxScore: number;
  correct: boolean | null;
  correctAnswer: unknown;
  feedback: string | null;
  explanation: string | null;
  modelAnswer: string | null;
};

/** One question after submission: the learner's answer, the key, the mark, the explanation (when given). */
export function ReviewItemCard({ item }: { item: ReviewItemData }) {
  const { t } = useTranslation(["training-attempts", "training"]);
  const tone =
    item.correct === null
      ? "border-slate-200"
      : item.correct
        ? "border-emerald-200"
        : item.score && item.score > 0
          ? "border-amber-200"
          : "border-rose-200";
  return (
    <article className={`card border-l-4 p-5 ${tone}`} id={`q${item.position}`}>
      <header className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-500">
        <span>
          {t("taking.questionNumber", { number: item.position })} · {t(`training:questionType.${item.type}`)} ·{" "}
          {item.category}
        </span>
        <span className="tabular-nums font-medium text-slate-700">
          {item.score === null
            ? t("review.ungraded", { points: item.maxScore })
            : t("result.scoreOf", { score: item.score, maxScore: item.maxScore })}
        </span>
      </header>
      <MarkdownContent html={item.stemHtml} className="prose-sm mt-2" />
      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-500">{t("review.yourAnswer")}</dt>
          <dd className="mt-1 text-slate-800">
            <AnswerText type={item.type} options={item.options} value={item.response} />
          </dd>
        </div>
        {item.type !== "short_answer" ? (
          <div>
            <dt className="font-medium text-slate-500">{t("review.correctAnswer")}</dt>
            <dd className="mt-1 text-emerald-800">
              <AnswerText type={item.type} options={item.options} value={item.correctAnswer} />
            </dd>
          </div>
        ) : null}
      </dl>
      {item.feedback ? (
        <p className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          <span className="font-medium">{t("review.feedback")}：</span>
          {item.feedback}
        </p>
      ) : null}
      {item.modelAnswer ? (
        <div className="mt-3 text-sm">
          <p className="font-medium text-slate-500">{t("review.modelAnswer")}</p>
          <p className="mt-1 whitespace-pre-wrap text-slate-700">{item.modelAnswer}</p>
        </div>
      ) : null}
      {item.explanation ? (
        <div className="mt-3 text-sm">
          <p className="font-medium text-slate-500">{t("review.explanation")}</p>
          <p className="mt-1 whitespace-pre-wrap text-slate-700">{item.explanation}</p>
        </div>
      ) : null}
    </article>
  );
}
