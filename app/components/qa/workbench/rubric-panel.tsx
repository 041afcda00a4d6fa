import { useTranslation } from "react-i18next";
import type { ReviewDraft } from "~/modules/qa/reviews/review-form";
import type { RubricVersionView } from "~/modules/qa/rubrics/rubric-version.server";
import { CriterionCard } from "./criterion-card";

type Props = {
  rubric: RubricVersionView;
  draft: ReviewDraft;
  activeId: string | null;
  openComments: ReadonlySet<string>;
  missing: ReadonlySet<string>;
  onFocus: (criterionId: string) => void;
  onRate: (criterionId: string, value: number | null) => void;
  onComment: (criterionId: string, text: string) => void;
  onToggleComment: (criterionId: string, open: boolean) => void;
  registerCommentBox: (criterionId: string, element: HTMLTextAreaElement | null) => void;
};

/** Sections → criteria, each with its scale, N/A, markers, guidance on demand and a comment. */
export function RubricPanel(props: Props) {
  const { t } = useTranslation("qa-review");
  const { rubric, draft } = props;
  const indexOf = new Map(rubric.criteria.map((criterion, index) => [criterion.id, index]));
  return (
    <div className="space-y-4" aria-label={t("workbench.rubric")}>
      {rubric.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`}>
          <h3
            id={`section-${section.id}`}
            className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500"
          >
            {section.name}
          </h3>
          <ol className="space-y-2">
            {section.criteria.map((criterion) => (
              <CriterionCard
                key={criterion.id}
                criterion={criterion}
                index={indexOf.get(criterion.id) ?? 0}
                value={draft.ratings[criterion.id]}
                comment={draft.comments[criterion.id] ?? ""}
                active={props.activeId === criterion.id}
                commentOpen={props.openComments.has(criterion.id)}
                missing={props.missing.has(criterion.id)}
                onFocus={() => props.onFocus(criterion.id)}
                onRate={(value) => props.onRate(criterion.id, value)}
                onComment={(text) => props.onComment(criterion.id, text)}
                onToggleComment={(open) => props.onToggleComment(criterion.id, open)}
                registerCommentBox={(element) => props.registerCommentBox(criterion.id, element)}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
