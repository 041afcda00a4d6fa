import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCriterionText, useMonthLabel } from "~/components/levels/criterion-text";
import { LevelHistoryList, ProgressBar } from "~/components/levels/history-list";
import { MarkdownContent } from "~/components/markdown";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { overallProgress } from "~/modules/levels/criteria";
import { criterionVocabulary, levelStanding } from "~/modules/levels/ladder.server";
import { levelHistory } from "~/modules/levels/proposals.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

/** Always the signed-in person's own level: the page takes no user id. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:level:own");
  const standing = await levelStanding(user.id);
  if (!standing) notFound("person not found");
  const [history, vocabulary] = await Promise.all([levelHistory(user.id), criterionVocabulary()]);
  return {
    level: standing.level,
    next: standing.next,
    progress: standing.progress,
    month: standing.month,
    history,
    vocabulary,
    pageTitle: await pageTitle(request, "levels:mine.title"),
  };
}

export default function MyLevelPage() {
  const { t } = useTranslation("levels");
  const monthLabel = useMonthLabel();
  const { level, next, progress, month, history, vocabulary } = useLoaderData<typeof loader>();
  const text = useCriterionText(vocabulary);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title={t("mine.title")} description={t("mine.description")} />
      <section className="card space-y-3 p-5" data-testid="my-level">
        {level ? (
          <>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="text-2xl font-semibold text-slate-900" data-testid="my-level-name">
                <span className="mr-2 font-mono text-brand-700">{level.code}</span>
                {level.name}
              </p>
              <p className="text-sm text-slate-500">
                {t("ladder.payBand")}：{level.payBand}
              </p>
            </div>
            <h2 className="text-sm font-medium text-slate-700">{t("ladder.duties")}</h2>
            <MarkdownContent html={level.dutiesHtml} className="prose-sm text-sm" />
          </>
        ) : (
          <p className="text-sm text-slate-500">{t("mine.noLevel")}</p>
        )}
      </section>
      {level ? (
        <section className="card overflow-hidden" aria-labelledby="next-level">
          <div className="border-b border-slate-200 px-4 py-3">
            <h2 id="next-level" className="text-base font-semibold text-slate-900">
              {next ? t("mine.next", { code: next.code, name: next.name }) : t("mine.top")}
            </h2>
            {next && progress ? (
              <p className="mt-1 text-sm text-slate-500">
                {t("mine.summary", {
                  met: progress.criteria.filter((criterion) => criterion.met).length,
                  total: progress.criteria.length,
                  month: monthLabel(month),
                })}
              </p>
            ) : null}
          </div>
          {next && progress ? (
            <>
              <div className="space-y-1 px-4 pt-3">
                <p className="text-xs text-slate-500">
                  {t("mine.overall")} {Math.round(overallProgress(progress) * 100)}%
                </p>
                <ProgressBar value={overallProgress(progress)} label={t("mine.overall")} />
              </div>
              <ul className="divide-y divide-slate-100" data-testid="next-level-criteria">
                {progress.criteria.map((criterion, index) => (
                  <li key={index} className="space-y-2 px-4 py-3">
                    <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                      <span className="font-medium text-slate-800">
                        <span className={criterion.met ? "text-emerald-600" : "text-rose-600"} aria-hidden>
                          {criterion.met ? "✓ " : "✗ "}
                        </span>
                        {text.required(criterion)}
                      </span>
                      <span className={criterion.met ? "text-emerald-700" : "text-slate-600"}>
                        {t("mine.actual", { value: text.actual(criterion) })}
                      </span>
                    </div>
                    <ProgressBar value={criterion.progress} label={text.required(criterion)} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section className="card overflow-hidden">
        <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("history.title")}
        </h2>
        <LevelHistoryList rows={history} />
      </section>
    </div>
  );
}
