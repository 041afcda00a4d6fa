import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { AttemptStatusBadge, PassBadge } from "~/components/training/exam-taking/badges";
import { CategoryScores } from "~/components/training/exam-taking/category-scores";
import { ReviewItemCard } from "~/components/training/exam-taking/review-item";
import { ScenarioItemResultCard } from "~/components/training/exam-taking/scenario-item-card";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import { attemptForStaff, attemptScope } from "~/modules/training/exams/results.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:exam-attempt:team");
  const scope = attemptScope(user)!;
  const view = await attemptForStaff(params.attemptId!, scope);
  if (!view) notFound("attempt not found");
  return {
    ...view,
    canGrade: userCan(user, "grade:exam-attempt:any") && view.attempt.status === "pending_grading",
    pageTitle: await pageTitle(request, "training-attempts:staff.title"),
  };
}

export default function StaffAttemptPage() {
  const { t } = useTranslation(["training-attempts", "training", "common"]);
  const { attempt, learner, items, scenarioItems, seed, canGrade } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("staff.heading", { name: learner.name, exam: attempt.exam.title, number: attempt.number })}
        description={t("staff.meta", {
          externalId: learner.externalId,
          team: learner.team ?? "—",
          started: format.dateTime(attempt.startedAt),
          submitted: attempt.submittedAt ? format.dateTime(attempt.submittedAt) : "—",
          seed,
        })}
        actions={
          canGrade ? (
            <Link to={`/training/grading/${attempt.id}`} className="btn-primary">
              {t("grading.grade")}
            </Link>
          ) : null
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("grading.status")} value={<AttemptStatusBadge status={attempt.status} />} />
        <StatCard
          label={t("result.score")}
          value={
            attempt.score === null ? "—" : t("result.scoreOf", { score: attempt.score, maxScore: attempt.maxScore })
          }
          hint={attempt.percent === null ? undefined : `${attempt.percent}%`}
        />
        <StatCard
          label={t("result.outcome")}
          value={<PassBadge passed={attempt.passed} />}
          hint={t("result.passMark", { percent: attempt.exam.passPercent })}
        />
      </div>
      <CategoryScores rows={attempt.categoryScores} passPercent={attempt.exam.passPercent} />
      <section className="space-y-4" aria-label={t("review.title")}>
        {items.map((item) => (
          <ReviewItemCard key={item.position} item={item} />
        ))}
        {scenarioItems.map((item) => (
          <ScenarioItemResultCard
            key={item.position}
            item={item}
            sessionLink={item.session ? `/learn/roleplay/sessions/${item.session.id}` : null}
          />
        ))}
      </section>
    </div>
  );
}
