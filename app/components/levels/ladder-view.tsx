import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MarkdownContent } from "~/components/markdown";
import type { CriterionSpec } from "~/modules/levels/criteria";
import { useCriterionText, type Vocabulary } from "./criterion-text";

export type LadderLevelView = {
  id: string;
  code: string;
  track: "professional" | "management";
  rank: number;
  name: string;
  nameEn: string;
  payBand: string;
  dutiesHtml: string;
  demoteBelow: boolean;
  holders: number;
  criteria: CriterionSpec[];
};

export function CriteriaList({ criteria, vocabulary }: { criteria: CriterionSpec[]; vocabulary: Vocabulary }) {
  const { t } = useTranslation("levels");
  const text = useCriterionText(vocabulary);
  if (criteria.length === 0) return <p className="text-sm text-slate-500">{t("ladder.noCriteria")}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
      {criteria.map((criterion, index) => (
        <li key={index}>{text.required(criterion)}</li>
      ))}
    </ul>
  );
}

export function LadderTrack({
  track,
  levels,
  vocabulary,
  canEdit,
}: {
  track: "professional" | "management";
  levels: LadderLevelView[];
  vocabulary: Vocabulary;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation("levels");
  const english = i18n.language.startsWith("en");
  return (
    <section className="space-y-3" aria-labelledby={`track-${track}`}>
      <h2 id={`track-${track}`} className="text-lg font-semibold text-slate-900">
        {t(`tracks.${track}`)}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        {levels.map((level) => (
          <article key={level.id} className="card space-y-3 p-5" data-testid={`level-${level.code}`}>
            <header className="flex items-start justify-between gap-2">
              <div>
                <h3 className="text-base font-semibold text-slate-900">
                  <span className="mr-2 font-mono text-brand-700">{level.code}</span>
                  {english ? level.nameEn : level.name}
                </h3>
                <p className="text-sm text-slate-500">
                  {t("ladder.payBand")}：{level.payBand} · {t("ladder.holders", { count: level.holders })}
                  {level.demoteBelow ? ` · ${t("ladder.demoteBelow")}` : ""}
                </p>
              </div>
              {canEdit ? (
                <Link to={`/levels/${level.id}/edit`} className="btn-ghost shrink-0 text-sm">
                  {t("ladder.edit")}
                </Link>
              ) : null}
            </header>
            <div>
              <h4 className="text-sm font-medium text-slate-700">{t("ladder.duties")}</h4>
              <MarkdownContent html={level.dutiesHtml} className="prose-sm text-sm" />
            </div>
            <div>
              <h4 className="text-sm font-medium text-slate-700">{t("ladder.criteria")}</h4>
              <CriteriaList criteria={level.criteria} vocabulary={vocabulary} />
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
