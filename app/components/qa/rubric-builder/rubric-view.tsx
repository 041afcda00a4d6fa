import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ScaleType } from "~/modules/qa/scoring";

export type ViewCriterion = {
  id: string;
  key: string;
  name: string;
  description: string | null;
  guidance: string | null;
  weight: number;
  scale: ScaleType;
  maxPoints: number | null;
  allowNa: boolean;
  critical: boolean;
  bonus: boolean;
  competency: string | null;
  article?: { slug: string; title: string } | null;
};

export type ViewSection = { id: string; name: string; criteria: ViewCriterion[] };

export function ScaleLabel({ scale, maxPoints }: { scale: ScaleType; maxPoints: number | null }) {
  const { t } = useTranslation("qa-rubrics");
  return <>{scale === "points" ? t("scaleWithMax", { max: maxPoints ?? 0 }) : t(`scales.${scale}`)}</>;
}

/** A rubric version read-only: sections, criteria, their settings and the scoring guidance inspectors see. */
export function RubricVersionView({ sections }: { sections: ViewSection[] }) {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  return (
    <div className="space-y-4">
      {sections.map((section, sectionIndex) => (
        <section key={section.id} className="card overflow-hidden" aria-labelledby={`section-${section.id}`}>
          <h3
            id={`section-${section.id}`}
            className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900"
          >
            {sectionIndex + 1}. {section.name}
          </h3>
          <ul className="divide-y divide-slate-100">
            {section.criteria.map((criterion) => (
              <li key={criterion.id} className="px-4 py-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {criterion.name}
                      {criterion.critical ? (
                        <span className="badge ml-2 bg-rose-50 text-rose-700">{t("flags.critical")}</span>
                      ) : null}
                      {criterion.bonus ? (
                        <span className="badge ml-2 bg-amber-50 text-amber-700">
                          {t("flags.bonusPoints", { points: criterion.maxPoints ?? 0 })}
                        </span>
                      ) : null}
                      {criterion.allowNa ? (
                        <span className="badge ml-2 bg-slate-100 text-slate-600">{t("flags.allowNa")}</span>
                      ) : null}
                    </p>
                    {criterion.description ? (
                      <p className="mt-1 text-sm text-slate-600">{criterion.description}</p>
                    ) : null}
                  </div>
                  <dl className="flex shrink-0 gap-4 text-xs text-slate-500">
                    <div>
                      <dt className="sr-only">{t("fields.scale")}</dt>
                      <dd>
                        <ScaleLabel scale={criterion.scale} maxPoints={criterion.maxPoints} />
                      </dd>
                    </div>
                    {criterion.bonus ? null : (
                      <div>
                        <dt className="inline">{t("fields.weight")}：</dt>
                        <dd className="inline font-medium text-slate-700">{criterion.weight}</dd>
                      </div>
                    )}
                    {criterion.competency ? (
                      <div>
                        <dt className="sr-only">{t("fields.competency")}</dt>
                        <dd>{t(`competency.${criterion.competency}`, { defaultValue: criterion.competency })}</dd>
                      </div>
                    ) : null}
                    <div>
                      <dt className="sr-only">{t("fields.key")}</dt>
                      <dd className="font-mono">{criterion.key}</dd>
                    </div>
                  </dl>
                </div>
                {criterion.article ? (
                  <p className="mt-2 text-xs text-slate-500">
                    {t("training-kb:links.related")}：
                    <Link to={`/kb/${criterion.article.slug}`} className="text-brand-700 hover:underline">
                      {criterion.article.title}
                    </Link>
                  </p>
                ) : null}
                {criterion.guidance ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-xs font-medium text-brand-700">
                      {t("fields.guidance")}
                    </summary>
                    <p className="mt-1 whitespace-pre-line rounded bg-slate-50 p-3 text-sm text-slate-700">
                      {criterion.guidance}
                    </p>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
