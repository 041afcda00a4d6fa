import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RubricCriterionView } from "~/modules/qa/rubrics/rubric-version.server";
import { scaleValues } from "~/modules/qa/scoring";

export function CriterionMarkers({ criterion }: { criterion: RubricCriterionView }) {
  const { t } = useTranslation("qa-review");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {criterion.critical ? <span className="badge bg-rose-100 text-rose-700">{t("criterion.critical")}</span> : null}
      {criterion.bonus ? (
        <span className="badge bg-amber-100 text-amber-800">
          {t("criterion.bonus", { points: criterion.maxPoints ?? 0 })}
        </span>
      ) : (
        <span className="badge shrink-0 whitespace-nowrap bg-slate-100 text-slate-600">
          {t("criterion.weight", { weight: criterion.weight })}
        </span>
      )}
      {criterion.allowNa ? <span className="badge bg-slate-100 text-slate-500">{t("criterion.naAllowed")}</span> : null}
    </span>
  );
}

/** The label of one scale value: pass/fail on binary scales, the number elsewhere. */
export function useScaleLabel() {
  const { t } = useTranslation("qa-review");
  return (criterion: Pick<RubricCriterionView, "scale">, value: number | null | undefined) => {
    if (value === undefined) return t("criterion.unrated");
    if (value === null) return t("criterion.na");
    if (criterion.scale === "binary") return value === 1 ? t("criterion.pass") : t("criterion.fail");
    return String(value);
  };
}

type Props = {
  criterion: RubricCriterionView;
  index: number;
  value: number | null | undefined;
  comment: string;
  active: boolean;
  commentOpen: boolean;
  missing: boolean;
  onFocus: () => void;
  onRate: (value: number | null) => void;
  onComment: (text: string) => void;
  onToggleComment: (open: boolean) => void;
  registerCommentBox: (element: HTMLTextAreaElement | null) => void;
};

export function CriterionCard(props: Props) {
  const { criterion, value, active } = props;
  const { t } = useTranslation("qa-review");
  const label = useScaleLabel();
  const [guidanceOpen, setGuidanceOpen] = useState(false);
  const values = scaleValues(criterion.scale, criterion.maxPoints);
  // Binary reads best as pass then fail; graded scales lowest to highest.
  const ordered = criterion.scale === "binary" ? [...values].reverse() : values;
  const failing = (candidate: number) => {
    const [min, max] = [values[0]!, values[values.length - 1]!];
    return (candidate - min) / (max - min) < 0.5;
  };
  const showComment = props.commentOpen || props.comment.length > 0;

  return (
    <li
      id={`criterion-${criterion.id}`}
      data-testid="criterion"
      data-active={active || undefined}
      onClickCapture={props.onFocus}
      className={`rounded-lg border p-3 transition-colors ${
        active ? "border-brand-400 bg-brand-50/40 ring-1 ring-brand-300" : "border-slate-200 bg-white"
      } ${props.missing ? "border-rose-400" : ""}`}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-900">
            <span className="mr-1 text-slate-400">{props.index + 1}.</span>
            {criterion.name}
          </p>
          {criterion.description ? <p className="mt-0.5 text-xs text-slate-500">{criterion.description}</p> : null}
        </div>
        <CriterionMarkers criterion={criterion} />
      </div>
      {criterion.guidance ? (
        <div className="mt-1">
          <button
            type="button"
            className="text-xs text-brand-700 hover:underline"
            aria-expanded={guidanceOpen}
            onClick={() => setGuidanceOpen((open) => !open)}
          >
            {guidanceOpen ? t("criterion.hideGuidance") : t("criterion.showGuidance")}
          </button>
          {guidanceOpen ? (
            <p className="mt-1 whitespace-pre-line rounded bg-slate-50 px-2 py-1.5 text-xs text-slate-600">
              {criterion.guidance}
            </p>
          ) : null}
        </div>
      ) : null}
      {criterion.article ? (
        <p className="mt-1 text-xs text-slate-500">
          {t("training-kb:links.related")}：
          <a
            href={`/kb/${criterion.article.slug}`}
            target="_blank"
            rel="noreferrer"
            className="text-brand-700 hover:underline"
          >
            {criterion.article.title}
          </a>
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-1.5" role="radiogroup" aria-label={criterion.name}>
        {ordered.map((candidate) => {
          const selected = value === candidate;
          const bad = failing(candidate);
          return (
            <button
              key={candidate}
              type="button"
              role="radio"
              aria-checked={selected}
              onClick={() => props.onRate(candidate)}
              className={`min-w-9 rounded-md border px-2.5 py-1 text-sm font-medium transition-colors ${
                selected
                  ? bad
                    ? "border-rose-600 bg-rose-600 text-white"
                    : "border-brand-600 bg-brand-600 text-white"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
              }`}
            >
              {label(criterion, candidate)}
            </button>
          );
        })}
        {criterion.allowNa ? (
          <button
            type="button"
            role="radio"
            aria-checked={value === null}
            onClick={() => props.onRate(null)}
            className={`rounded-md border px-2.5 py-1 text-sm transition-colors ${
              value === null
                ? "border-slate-600 bg-slate-600 text-white"
                : "border-dashed border-slate-300 bg-white text-slate-500 hover:bg-slate-50"
            }`}
          >
            {t("criterion.na")}
          </button>
        ) : null}
        {!showComment ? (
          <button
            type="button"
            className="ml-auto text-xs text-slate-500 hover:text-brand-700"
            onClick={() => props.onToggleComment(true)}
          >
            {t("criterion.addComment")}
          </button>
        ) : null}
      </div>
      {props.missing ? (
        <p className="mt-1 text-xs text-rose-600" role="alert">
          {t("criterion.missing")}
        </p>
      ) : null}
      {showComment ? (
        <div className="mt-2">
          <label htmlFor={`comment-${criterion.id}`} className="sr-only">
            {t("criterion.comment")}
          </label>
          <textarea
            id={`comment-${criterion.id}`}
            ref={props.registerCommentBox}
            rows={2}
            maxLength={2000}
            value={props.comment}
            onChange={(event) => props.onComment(event.target.value)}
            onBlur={() => {
              if (!props.comment) props.onToggleComment(false);
            }}
            className="input text-sm"
            placeholder={t("criterion.commentPlaceholder")}
          />
        </div>
      ) : null}
    </li>
  );
}
