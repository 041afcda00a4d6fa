import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ExamStatusBadge } from "~/components/training/exam-builder/exam-status";
import { getT } from "~/modules/i18n/i18n.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission, userCan } from "~/modules/identity/session.server";
import {
  copyExam,
  getExamDetail,
  listExamAttempts,
  publishExam,
  setExamStatus,
} from "~/modules/training/exams/authoring.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { ItemStatus } from "~/components/training/exam-builder/item-status";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:exam:any");
  const detail = await getExamDetail(params.examId ?? "");
  if (!detail) notFound("exam not found");
  const { page, pageSize } = readPagination(new URL(request.url));
  const attempts = await listExamAttempts(detail.exam.id, { page, pageSize });
  return {
    ...detail,
    attemptRows: attempts.rows,
    attemptTotal: attempts.total,
    page,
    pageSize,
    canAnalyse: userCan(user, "read:exam-attempt:any") || userCan(user, "manage:exam:any"),
    pageTitle: await pageTitle(request, "training-exams:detail.title", { title: detail.exam.title }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:exam:any");
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const examId = params.examId ?? "";
  const intent = (await request.formData()).get("intent");
  const t = await getT(request);
  if (intent === "copy") {
    const id = await copyExam(examId, actor);
    if (!id) notFound("exam not found");
    return redirectWithFlash(`/training/exams/${id}/edit`, { kind: "success", message: "training-exams:flash.copied" });
  }
  const result =
    intent === "publish"
      ? await publishExam(examId, actor)
      : intent === "archive" || intent === "draft"
        ? await setExamStatus(examId, intent === "archive" ? "archived" : "draft", actor)
        : null;
  if (!result) return data({ problems: [t("training-exams:errors.intent")] }, { status: 400 });
  if (!result.ok && result.status === 404) notFound("exam not found");
  if (!result.ok && result.status === 400) {
    return data({ problems: result.problems.map((problem) => t(problem.message, problem.params)) }, { status: 400 });
  }
  return redirectWithFlash(`/training/exams/${examId}`, {
    kind: "success",
    message: `training-exams:flash.${intent}`,
  });
}

export default function ExamPage() {
  const { t } = useTranslation(["training-exams", "training", "common"]);
  const format = useFormat();
  const loaded = useLoaderData<typeof loader>();
  const { exam, items, analysis, attempts, locked, attemptRows, attemptTotal, page, pageSize, canAnalyse } = loaded;
  const actionData = useActionData<typeof action>();
  const percent = (value: number | null) =>
    value === null ? "—" : `${format.number(value, { maximumFractionDigits: 1 })}%`;
  const points =
    analysis.minTotalPoints === analysis.maxTotalPoints
      ? format.number(analysis.minTotalPoints)
      : `${format.number(analysis.minTotalPoints)}–${format.number(analysis.maxTotalPoints)}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={exam.title}
        description={exam.description || undefined}
        actions={
          <>
            <ExamStatusBadge status={exam.status} />
            <Link to={`/training/exams/${exam.id}/edit`} className="btn-secondary">
              {t("common:actions.edit")}
            </Link>
            {canAnalyse ? (
              <Link to={`/training/exams/${exam.id}/analysis`} className="btn-secondary">
                {t("detail.analysis")}
              </Link>
            ) : null}
            {exam.status !== "published" ? (
              <Form method="post">
                <button type="submit" name="intent" value="publish" className="btn-primary">
                  {t("detail.publish")}
                </button>
              </Form>
            ) : (
              <Form method="post">
                <button type="submit" name="intent" value="archive" className="btn-secondary">
                  {t("detail.archive")}
                </button>
              </Form>
            )}
            <Form method="post">
              <button type="submit" name="intent" value="copy" className="btn-ghost">
                {t("detail.copy")}
              </button>
            </Form>
          </>
        }
      />
      <FormError errors={actionData?.problems} />
      {analysis.problems.length > 0 && exam.status !== "published" ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800">
          <p className="font-medium">{t("detail.notReady")}</p>
          <ul className="mt-1 list-disc pl-5">
            {analysis.problems.map((problem, index) => (
              <li key={index}>{t(problem.message, problem.params)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <StatCard
          label={t("detail.questions")}
          value={format.number(analysis.questionCount)}
          hint={
            analysis.scenarioCount > 0
              ? `${t("detail.totalPoints", { points })} · ${t("roleplay:exam.scenarioCount", { count: analysis.scenarioCount })}`
              : t("detail.totalPoints", { points })
          }
        />
        <StatCard
          label={t("detail.attempts")}
          value={format.number(attempts.total)}
          hint={t("detail.pending", { count: attempts.pending })}
        />
        <StatCard label={t("detail.graded")} value={format.number(attempts.graded)} />
        <StatCard
          label={t("detail.passRate")}
          value={attempts.passRate === null ? "—" : percent(attempts.passRate * 100)}
        />
        <StatCard label={t("detail.mean")} value={percent(attempts.meanPercent)} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="card p-5 text-sm">
          <h2 className="mb-3 text-base font-semibold text-slate-900">{t("detail.settings")}</h2>
          <dl className="space-y-2">
            {[
              [
                t("fields.timeLimitMinutes"),
                exam.timeLimitMinutes ? t("training:minutes", { count: exam.timeLimitMinutes }) : t("unlimited"),
              ],
              [t("fields.maxAttempts"), exam.maxAttempts ?? t("unlimited")],
              [t("fields.passPercent"), `${exam.passPercent}%`],
              [t("fields.gradingMethod"), t(`training:gradingMethod.${exam.gradingMethod}`)],
              [t("fields.reviewMode"), t(`training:reviewMode.${exam.reviewMode}`)],
              [
                t("detail.window"),
                exam.availableFrom || exam.availableUntil
                  ? `${exam.availableFrom ? format.dateTime(exam.availableFrom) : "…"} – ${exam.availableUntil ? format.dateTime(exam.availableUntil) : "…"}`
                  : t("detail.always"),
              ],
              [
                t("detail.shuffle"),
                [
                  exam.shuffleQuestions ? t("fields.shuffleQuestions") : null,
                  exam.shuffleOptions ? t("fields.shuffleOptions") : null,
                ]
                  .filter(Boolean)
                  .join("、") || t("detail.none"),
              ],
              [
                t("fields.isCertification"),
                exam.isCertification
                  ? `${exam.certificateTitle ?? ""}${exam.certificateValidityMonths ? ` · ${t("detail.validity", { count: exam.certificateValidityMonths })}` : ` · ${t("detail.noExpiry")}`}`
                  : t("detail.no"),
              ],
              [
                t("fields.remediationCourse"),
                exam.remediationCourse
                  ? `${exam.remediationCourse.title}${exam.remediateOnFail ? ` · ${t("detail.remediateOnFail")}` : ""}`
                  : t("detail.none"),
              ],
            ].map(([label, value]) => (
              <div key={String(label)} className="flex justify-between gap-4">
                <dt className="text-slate-500">{label}</dt>
                <dd className="text-right text-slate-800">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="card overflow-x-auto lg:col-span-2">
          <div className="flex items-center justify-between border-b border-slate-200 p-4">
            <h2 className="text-base font-semibold text-slate-900">{t("detail.items")}</h2>
            {locked ? <span className="text-xs text-amber-700">{t("detail.itemsLocked")}</span> : null}
          </div>
          <table className="table-base" data-testid="exam-items">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("builder.item")}</th>
                <th scope="col">{t("builder.count")}</th>
                <th scope="col">{t("builder.points")}</th>
                <th scope="col">{t("builder.available")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item, index) => (
                <tr key={index}>
                  <td className="tabular-nums text-slate-500">{index + 1}</td>
                  <td className="text-sm">
                    {item.kind === "scenario" ? (
                      <>
                        <span className="badge mr-2 bg-amber-50 text-amber-800">
                          {t("roleplay:exam.builder.scenario")}
                        </span>
                        {"scenario" in item && item.scenario ? item.scenario.title : t("builder.missing")}
                        {" · "}
                        {t("roleplay:exam.builder.scenarioPass", { percent: item.passPercent })}
                      </>
                    ) : item.kind === "question" ? (
                      <>
                        <span className="badge mr-2 bg-sky-50 text-sky-700">{t("builder.fixed")}</span>
                        {"label" in item && item.label ? `${item.label.key} ${item.label.stem}` : t("builder.missing")}
                      </>
                    ) : (
                      <>
                        <span className="badge mr-2 bg-violet-50 text-violet-700">{t("builder.draw")}</span>
                        {"bank" in item ? item.bank?.title : ""} · {item.category ?? t("builder.anyCategory")} ·{" "}
                        {item.difficulty ? t(`training:difficulty.${item.difficulty}`) : t("builder.anyDifficulty")}
                      </>
                    )}
                  </td>
                  <td className="tabular-nums">{item.kind === "draw" ? item.count : 1}</td>
                  <td className="tabular-nums">
                    {item.report.kind !== "draw"
                      ? format.number(item.report.points)
                      : item.report.minPoints === item.report.maxPoints
                        ? format.number(item.report.minPoints)
                        : `${format.number(item.report.minPoints)}–${format.number(item.report.maxPoints)}`}
                  </td>
                  <td className="text-sm">
                    <ItemStatus report={item.report} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="card overflow-hidden">
        <h2 className="border-b border-slate-200 p-4 text-base font-semibold text-slate-900">
          {t("detail.attemptList")}
        </h2>
        {attemptRows.length === 0 ? (
          <p className="p-6 text-center text-sm text-slate-500">{t("detail.noAttempts")}</p>
        ) : (
          <>
            <table className="table-base" data-testid="exam-attempts">
              <thead>
                <tr>
                  <th scope="col">{t("common:fields.name")}</th>
                  <th scope="col">{t("detail.attemptNumber")}</th>
                  <th scope="col">{t("common:fields.status")}</th>
                  <th scope="col">{t("detail.startedAt")}</th>
                  <th scope="col">{t("detail.score")}</th>
                  <th scope="col">{t("detail.result")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {attemptRows.map((attempt) => (
                  <tr key={attempt.id}>
                    <td>
                      <Link to={`/training/attempts/${attempt.id}`} className="text-brand-700 hover:underline">
                        {attempt.user.name}
                      </Link>
                      <span className="ml-1 text-xs text-slate-500">{attempt.user.externalId}</span>
                    </td>
                    <td className="tabular-nums">{attempt.number}</td>
                    <td className="text-sm">{t(`training:attemptStatus.${attempt.status}`)}</td>
                    <td className="text-sm text-slate-500">{format.dateTime(attempt.startedAt)}</td>
                    <td className="tabular-nums">{percent(attempt.percent)}</td>
                    <td className="text-sm">
                      {attempt.passed === null ? "—" : attempt.passed ? t("detail.passed") : t("detail.failed")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={pageSize} total={attemptTotal} />
          </>
        )}
      </div>
    </div>
  );
}
