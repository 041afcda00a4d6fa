import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CriterionCard } from "~/components/qa/workbench/criterion-card";
import { liveScore } from "~/components/qa/workbench/live-score";
import { ScoreFigure } from "~/components/qa/workbench/score-badge";
import type { RubricVersionView } from "~/modules/qa/rubrics/rubric-version.server";

export type RatingProblems = { missing: string[]; naNotAllowed: string[]; invalid: string[]; unknown: string[] };

/** Encodes a rating for the form: "na" for N/A, the number otherwise (unrated criteria are left out). */
export const NA_VALUE = "na";

/**
 * The rubric form of a role-play transcript: the QA workbench's criterion cards (same scales, N/A, 红线 markers,
 * comments), a live rubric score, a summary; saves a draft or submits.
 */
export function RubricForm({
  rubric,
  initialRatings,
  initialComments,
  initialSummary,
  problems,
  busy,
}: {
  rubric: RubricVersionView;
  initialRatings: Record<string, number | null>;
  initialComments: Record<string, string>;
  initialSummary: string | null;
  problems: RatingProblems | null;
  busy: boolean;
}) {
  const { t } = useTranslation("roleplay");
  const [ratings, setRatings] = useState<Record<string, number | null>>(initialRatings);
  const [comments, setComments] = useState<Record<string, string>>(initialComments);
  const [openComments, setOpenComments] = useState<Record<string, boolean>>({});
  const [active, setActive] = useState(0);
  const flagged = new Set([
    ...(problems?.missing ?? []),
    ...(problems?.naNotAllowed ?? []),
    ...(problems?.invalid ?? []),
  ]);
  const byId = Object.fromEntries(rubric.criteria.map((criterion) => [criterion.id, ratings[criterion.key]]));
  const live = liveScore(rubric.criteria, byId, rubric.passMark);

  return (
    <Form method="post" className="space-y-4" data-testid="rubric-form">
      {rubric.criteria.map((criterion) =>
        criterion.key in ratings ? (
          <input
            key={criterion.key}
            type="hidden"
            name={`rating.${criterion.key}`}
            value={ratings[criterion.key] === null ? NA_VALUE : String(ratings[criterion.key])}
          />
        ) : null,
      )}
      {Object.entries(comments).map(([key, text]) =>
        text.trim() ? <input key={key} type="hidden" name={`comment.${key}`} value={text} /> : null,
      )}
      <div className="rounded-md bg-slate-50 p-3">
        <p className="text-xs text-slate-500">{t("reviews.liveScore", { rated: live.rated, total: live.total })}</p>
        <ScoreFigure
          score={live.rated > 0 ? live.result.score : null}
          passed={live.complete ? live.passed : null}
          criticalFailed={live.result.criticalFailed}
          passMark={rubric.passMark}
          size="sm"
        />
      </div>
      {problems && flagged.size > 0 ? (
        <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700" role="alert">
          {t("reviews.problems", { count: flagged.size })}
        </p>
      ) : null}
      {rubric.sections.map((section) => (
        <fieldset key={section.id} className="space-y-2">
          <legend className="mb-1 text-sm font-semibold text-slate-700">{section.name}</legend>
          <ol className="space-y-2">
            {section.criteria.map((criterion) => {
              const index = rubric.criteria.findIndex((candidate) => candidate.id === criterion.id);
              return (
                <CriterionCard
                  key={criterion.id}
                  criterion={criterion}
                  index={index}
                  value={ratings[criterion.key]}
                  comment={comments[criterion.key] ?? ""}
                  active={active === index}
                  commentOpen={openComments[criterion.key] ?? false}
                  missing={flagged.has(criterion.key) && ratings[criterion.key] === undefined}
                  onFocus={() => setActive(index)}
                  onRate={(value) => setRatings((current) => ({ ...current, [criterion.key]: value }))}
                  onComment={(text) => setComments((current) => ({ ...current, [criterion.key]: text }))}
                  onToggleComment={(open) => setOpenComments((current) => ({ ...current, [criterion.key]: open }))}
                  registerCommentBox={() => undefined}
                />
              );
            })}
          </ol>
        </fieldset>
      ))}
      <div>
        <label htmlFor="review-summary" className="label">
          {t("reviews.summary")}
        </label>
        <textarea
          id="review-summary"
          name="summary"
          rows={3}
          maxLength={2000}
          className="input"
          defaultValue={initialSummary ?? ""}
          placeholder={t("reviews.summaryPlaceholder")}
        />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <button type="submit" name="intent" value="save" className="btn-secondary" disabled={busy}>
          {t("reviews.saveDraft")}
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          className="btn-primary"
          disabled={busy}
          onClick={(event) => {
            if (!window.confirm(t("reviews.submitConfirm"))) event.preventDefault();
          }}
        >
          {t("reviews.submit")}
        </button>
      </div>
    </Form>
  );
}
