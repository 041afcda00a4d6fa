import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { AttemptStatusBadge, PassBadge } from "~/components/training/exam-taking/badges";
import { CategoryScores } from "~/components/training/exam-taking/category-scores";
import { ReviewItemCard } from "~/components/training/exam-taking/review-item";
import { ScenarioItemResultCard } from "~/components/training/exam-taking/scenario-item-card";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { attemptResultForLearner } from "~/modules/training/exams/results.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:exam-attempt:own");
  const view = await attemptResultForLearner(params.attemptId!, user.id);
  if (!view) notFound("attempt not found");
  if (view.attempt.status === "in_progress") throw redirect(`/learn/attempts/${params.attemptId}`);
  return { ...view, pageTitle: await pageTitle(request, "training-attempts:result.title") };
}

export default function AttemptResultPage() {
  const { t } = useTranslation(["training-attempts", "training", "common"]);
  const { attempt, review, scenarioItems } = useLoaderData<typeof loader>();
  const practical =
    scenarioItems.length > 0 ? (
      <section className="space-y-3" aria-label={t("roleplay:exam.resultSection")}>
        <h2 className="text-base font-semibold text-slate-900">{t("roleplay:exam.resultSection")}</h2>
        <p className="text-xs text-slate-500">{t("roleplay:exam.passRule")}</p>
        {scenarioItems.map((item) => (
          <ScenarioItemResultCard
            key={item.position}
            item={item}
            sessionLink={item.session ? `/learn/roleplay/sessions/${item.session.id}` : null}
          />
        ))}
      </section>
    ) : null;
  const format = useFormat();
  const final = attempt.status === "graded";
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("result.heading", { exam: attempt.exam.title, number: attempt.number })}
        description={t("result.submittedAt", {
          time: format.dateTime(attempt.submittedAt),
          by: t(`result.submittedBy.${attempt.submittedBy ?? "learner"}`),
        })}
        actions={
          <Link to={`/learn/exams/${attempt.exam.id}`} className="btn-ghost">
            {t("result.backToExam")}
          </Link>
        }
      />
      {final ? (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <StatCard
              label={t("result.score")}
              value={t("result.scoreOf", { score: attempt.score, maxScore: attempt.maxScore })}
            />
            <StatCard
              label={t("result.percent")}
              value={`${attempt.percent}%`}
              hint={t("result.passMark", { percent: attempt.exam.passPercent })}
            />
            <StatCard
              label={t("result.outcome")}
              value={<PassBadge passed={attempt.passed} />}
              hint={format.dateTime(attempt.gradedAt)}
            />
          </div>
          <CategoryScores rows={attempt.categoryScores} passPercent={attempt.exam.passPercent} />
          {practical}
          {review ? (
            <section className="space-y-4" aria-label={t("review.title")}>
              <h2 className="text-base font-semibold text-slate-900">{t("review.title")}</h2>
              {review.map((item) => (
                <ReviewItemCard key={item.position} item={item} />
              ))}
            </section>
          ) : (
            <p className="card p-4 text-sm text-slate-600">{t("review.scoreOnly")}</p>
          )}
        </>
      ) : (
        <div className="card flex items-start gap-3 p-5">
          <AttemptStatusBadge status={attempt.status} />
          <div>
            <p className="font-medium text-slate-800">{t("result.pendingTitle")}</p>
            <p className="mt-1 text-sm text-slate-600">{t("result.pendingBody")}</p>
          </div>
        </div>
      )}
      {final ? null : practical}
    </div>
  );
}
