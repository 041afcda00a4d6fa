import { useTranslation } from "react-i18next";
import { CriterionMarkers, useScaleLabel } from "~/components/qa/workbench/criterion-card";
import type { RubricVersionView } from "~/modules/qa/rubrics/rubric-version.server";

/** A submitted rubric score: every criterion's rating and comment. */
export function RubricReadonly({
  rubric,
  ratings,
  comments,
  summary,
}: {
  rubric: RubricVersionView;
  ratings: Record<string, number | null>;
  comments: Record<string, string>;
  summary: string | null;
}) {
  const { t } = useTranslation("roleplay");
  const label = useScaleLabel();
  return (
    <div className="space-y-3" data-testid="rubric-readonly">
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {rubric.criteria.map((criterion, index) => (
          <li key={criterion.id} className="space-y-1 px-3 py-2 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-slate-900">
                <span className="mr-1 text-slate-400">{index + 1}.</span>
                {criterion.name}
              </span>
              <span className="flex items-center gap-2">
                <CriterionMarkers criterion={criterion} />
                <span className="font-medium text-slate-900">{label(criterion, ratings[criterion.key])}</span>
              </span>
            </div>
            {comments[criterion.key] ? <p className="text-slate-600">{comments[criterion.key]}</p> : null}
          </li>
        ))}
      </ol>
      {summary ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t("reviews.summary")}：{summary}
        </p>
      ) : null}
    </div>
  );
}
