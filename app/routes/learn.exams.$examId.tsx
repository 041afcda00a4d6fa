import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { AttemptHistoryTable } from "~/components/training/exam-taking/history";
import { requirePermission } from "~/modules/identity/session.server";
import { startAttempt } from "~/modules/training/exams/attempts.server";
import { attemptHistory, examForLearner } from "~/modules/training/exams/my-exams.server";
import { notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "take:exam:own");
  const examId = params.examId!;
  const view = await examForLearner(examId, user.id, new Date());
  if (!view) notFound("exam not found");
  const { page, pageSize } = readPagination(new URL(request.url));
  const history = await attemptHistory(user.id, page, pageSize, examId);
  return { ...view, history, page, pageSize, pageTitle: view.exam.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "take:exam:own");
  const result = await startAttempt(params.examId!, user.id);
  if (result.ok) throw redirect(`/learn/attempts/${result.attemptId}`);
  if (result.reason === "not-found" || result.reason === "not-published") notFound("exam not found");
  return data({ refusal: result }, { status: 409 });
}

export default function ExamRulesPage() {
  const { t } = useTranslation(["training-attempts", "training", "common"]);
  const { exam, attemptsUsed, attemptsLeft, resumeAttemptId, blocker, result, history, page, pageSize } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const format = useFormat();
  const refusal = actionData?.refusal ?? blocker;
  const rules: [string, string][] = [
    [
      t("rules.questions"),
      exam.rolePlayCount > 0
        ? t("rules.questionCountWithRolePlays", { count: exam.questionCount, roleplays: exam.rolePlayCount })
        : t("rules.questionCount", { count: exam.questionCount }),
    ],
    [
      t("rules.time"),
      exam.timeLimitMinutes ? t("training:minutes", { count: exam.timeLimitMinutes }) : t("rules.noLimit"),
    ],
    [t("rules.passMark"), `${exam.passPercent}%`],
    [
      t("rules.attempts"),
      exam.maxAttempts === null
        ? t("rules.attemptsUnlimited", { used: attemptsUsed })
        : t("rules.attemptsLeft", { used: attemptsUsed, max: exam.maxAttempts, left: attemptsLeft }),
    ],
    [t("rules.gradingMethod"), t(`training:gradingMethod.${exam.gradingMethod}`)],
    [t("rules.review"), t(`training:reviewMode.${exam.reviewMode}`)],
    [
      t("rules.window"),
      exam.availableFrom || exam.availableUntil
        ? t("rules.windowRange", {
            from: exam.availableFrom ? format.dateTime(exam.availableFrom) : t("rules.now"),
            until: exam.availableUntil ? format.dateTime(exam.availableUntil) : t("rules.noEnd"),
          })
        : t("rules.always"),
    ],
  ];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={exam.title}
        description={exam.description || undefined}
        actions={
          <Link to="/learn/exams" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <section className="card p-5">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          {rules.map(([label, value]) => (
            <div key={label}>
              <dt className="text-slate-500">{label}</dt>
              <dd className="mt-0.5 font-medium text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
        {exam.isCertification ? (
          <p className="mt-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-800">
            {t("rules.certification", { title: exam.certificateTitle ?? exam.title })}
          </p>
        ) : null}
        {result ? (
          <p className="mt-4 text-sm text-slate-700">
            {t("rules.currentResult", { percent: result.percent, number: result.number })}{" "}
            <span className={result.passed ? "text-emerald-700" : "text-rose-700"}>
              {result.passed ? t("result.passed") : t("result.failed")}
            </span>
          </p>
        ) : null}
        <div className="mt-5 border-t border-slate-100 pt-4">
          {resumeAttemptId ? (
            <Link to={`/learn/attempts/${resumeAttemptId}`} className="btn-primary">
              {t("rules.resume")}
            </Link>
          ) : refusal ? (
            <div
              className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
              role="alert"
            >
              {refusal.reason === "remediation" ? (
                <>
                  {t("refusal.remediation", { course: refusal.courseTitle })}{" "}
                  <Link to={`/learn/courses/${refusal.courseId}`} className="font-medium underline">
                    {t("refusal.openCourse")}
                  </Link>
                </>
              ) : refusal.reason === "not-open-yet" ? (
                t("refusal.not-open-yet", { time: format.dateTime(refusal.availableFrom) })
              ) : refusal.reason === "closed" ? (
                t("refusal.closed", { time: format.dateTime(refusal.availableUntil) })
              ) : refusal.reason === "attempts-used" ? (
                t("refusal.attempts-used", { max: refusal.maxAttempts })
              ) : refusal.reason === "shortfall" ? (
                <>
                  <p>{t("refusal.shortfall")}</p>
                  <ul className="mt-1 list-disc pl-5">
                    {refusal.shortfalls.map((shortfall) => (
                      <li key={shortfall.position}>
                        {t("refusal.shortfallItem", {
                          position: shortfall.position,
                          category: shortfall.category ?? t("refusal.anyCategory"),
                          count: shortfall.count,
                          available: shortfall.available,
                        })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                t(`refusal.${refusal.reason}`)
              )}
            </div>
          ) : (
            <Form method="post">
              <p className="mb-3 text-sm text-slate-600">
                {exam.timeLimitMinutes
                  ? t("rules.startHintTimed", { minutes: exam.timeLimitMinutes })
                  : t("rules.startHint")}
              </p>
              <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
                {t("rules.start")}
              </button>
            </Form>
          )}
        </div>
      </section>
      <section className="card overflow-hidden" aria-label={t("history.title")}>
        <h2 className="border-b border-slate-100 px-4 py-3 text-base font-semibold text-slate-900">
          {t("history.mine")}
        </h2>
        {history.rows.length > 0 ? (
          <>
            <AttemptHistoryTable rows={history.rows} showExam={false} />
            <Pagination page={page} pageSize={pageSize} total={history.total} />
          </>
        ) : (
          <EmptyState icon="clipboard" title={t("history.empty")} />
        )}
      </section>
    </div>
  );
}
