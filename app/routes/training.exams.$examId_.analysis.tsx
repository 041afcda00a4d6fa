import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { CategoryBars, ItemScatter } from "~/components/training/exam-builder/item-analysis-charts";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { forbidden, requireUser, userCan } from "~/modules/identity/session.server";
import { MIN_SAMPLE } from "~/modules/training/exams/item-analysis";
import { examItemAnalysis } from "~/modules/training/exams/item-analysis.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!userCan(user, "read:exam-attempt:any") && !userCan(user, "manage:exam:any")) {
    throw forbidden("read:exam-attempt:any");
  }
  const exam = await db.exam.findUnique({ where: { id: params.examId ?? "" }, select: { id: true, title: true } });
  if (!exam) notFound("exam not found");
  const analysis = await examItemAnalysis(exam.id);
  return {
    exam,
    ...analysis,
    minSample: MIN_SAMPLE,
    canManage: userCan(user, "manage:exam:any") && userCan(user, "manage:question-bank:any"),
    pageTitle: await pageTitle(request, "training-exams:analysis.title", { title: exam.title }),
  };
}

export default function ExamAnalysisPage() {
  const { t } = useTranslation(["training-exams", "training", "common"]);
  const format = useFormat();
  const { exam, attempts, groupSize, items, categories, minSample, canManage } = useLoaderData<typeof loader>();
  const ratio = (value: number | null) =>
    value === null ? "—" : format.number(value, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const flagged = items.filter((item) => item.flags.length > 0).length;
  const points = items
    .filter((item) => item.p !== null && item.d !== null && item.sufficient)
    .map((item) => ({ key: item.key, p: item.p!, d: item.d!, flagged: item.flags.length > 0 }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("analysis.title", { title: exam.title })}
        description={t("analysis.description", { share: 27, min: minSample })}
        actions={
          <Link to={`/training/exams/${exam.id}`} className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label={t("analysis.attempts")}
          value={format.number(attempts)}
          hint={t("analysis.groupSize", { count: groupSize })}
        />
        <StatCard label={t("analysis.questions")} value={format.number(items.length)} />
        <StatCard label={t("analysis.flagged")} value={format.number(flagged)} />
      </div>
      {attempts < minSample ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-800">
          {t("analysis.smallSample", { count: attempts, min: minSample })}
        </p>
      ) : null}
      {items.length === 0 ? (
        <div className="card">
          <EmptyState icon="chart" title={t("analysis.emptyTitle")} body={t("analysis.emptyBody")} />
        </div>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="card p-5">
              <h2 className="mb-2 text-base font-semibold text-slate-900">{t("analysis.scatter")}</h2>
              {points.length > 0 ? (
                <ItemScatter points={points} />
              ) : (
                <p className="text-sm text-slate-500">{t("analysis.insufficient")}</p>
              )}
            </div>
            <div className="card p-5">
              <h2 className="mb-2 text-base font-semibold text-slate-900">{t("analysis.categoryChart")}</h2>
              <CategoryBars rows={categories} />
            </div>
          </div>
          <div className="card overflow-x-auto">
            <table className="table-base" data-testid="category-summary">
              <thead>
                <tr>
                  <th scope="col">{t("analysis.category")}</th>
                  <th scope="col">{t("analysis.questions")}</th>
                  <th scope="col">{t("analysis.responses")}</th>
                  <th scope="col">{t("analysis.meanP")}</th>
                  <th scope="col">{t("analysis.flagged")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {categories.map((row) => (
                  <tr key={row.category}>
                    <td>{row.category}</td>
                    <td className="tabular-nums">{format.number(row.questions)}</td>
                    <td className="tabular-nums">{format.number(row.responses)}</td>
                    <td className="tabular-nums">{ratio(row.p)}</td>
                    <td className="tabular-nums">{format.number(row.flagged)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card overflow-x-auto">
            <table className="table-base" data-testid="item-analysis">
              <thead>
                <tr>
                  <th scope="col">{t("analysis.question")}</th>
                  <th scope="col">{t("analysis.n")}</th>
                  <th scope="col">{t("analysis.p")}</th>
                  <th scope="col">{t("analysis.upper")}</th>
                  <th scope="col">{t("analysis.lower")}</th>
                  <th scope="col">{t("analysis.d")}</th>
                  <th scope="col">{t("analysis.flags")}</th>
                  <th scope="col">{t("analysis.choices")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((item) => (
                  <tr key={item.questionId} className={item.flags.length ? "bg-rose-50/40" : ""}>
                    <td className="max-w-sm text-sm">
                      <p className="font-mono text-xs text-slate-500">
                        {canManage ? (
                          <Link
                            to={`/training/banks/${item.bankId}/questions/${item.questionId}`}
                            className="text-brand-700 hover:underline"
                          >
                            {item.key}
                          </Link>
                        ) : (
                          item.key
                        )}{" "}
                        · {t(`training:questionType.${item.type}`)} · {item.category}
                      </p>
                      <p>{item.stem}</p>
                    </td>
                    <td className="tabular-nums">{format.number(item.n)}</td>
                    <td className="tabular-nums">{ratio(item.p)}</td>
                    <td className="tabular-nums">{ratio(item.upperP)}</td>
                    <td className="tabular-nums">{ratio(item.lowerP)}</td>
                    <td className="tabular-nums">{ratio(item.d)}</td>
                    <td className="text-sm">
                      {!item.sufficient ? (
                        <span className="badge bg-slate-100 text-slate-500">{t("analysis.insufficientShort")}</span>
                      ) : (
                        item.flags.map((flag) => (
                          <span key={flag} className="badge mr-1 bg-rose-100 text-rose-700">
                            {t(`analysis.flag.${flag}`)}
                          </span>
                        ))
                      )}
                    </td>
                    <td className="text-xs text-slate-600">
                      {item.options.map((option) => (
                        <span
                          key={option.key}
                          className={`mr-2 whitespace-nowrap ${option.correct ? "font-semibold text-emerald-700" : ""}`}
                        >
                          {item.type === "true_false" ? t(`analysis.tf.${option.key}`) : option.key} {option.count}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
