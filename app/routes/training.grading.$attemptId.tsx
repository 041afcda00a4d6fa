import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { AttemptStatusBadge, PassBadge } from "~/components/training/exam-taking/badges";
import { MarkForm } from "~/components/training/grading/mark-form";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission } from "~/modules/identity/session.server";
import { attemptForGrading, saveMarks, type Mark } from "~/modules/training/exams/grading.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { conflict, notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "grade:exam-attempt:any");
  const view = await attemptForGrading(params.attemptId!);
  if (!view) notFound("attempt not found");
  return { ...view, pageTitle: await pageTitle(request, "training-attempts:grading.pageTitle") };
}

/** Reads position[] with score-<n> (blank = not graded yet) and feedback-<n>. */
function readMarks(form: FormData): Mark[] | null {
  const marks: Mark[] = [];
  for (const raw of form.getAll("position")) {
    const position = Number(raw);
    if (!Number.isInteger(position)) return null;
    const scoreText = String(form.get(`score-${position}`) ?? "").trim();
    const score = scoreText === "" ? null : Number(scoreText);
    if (score !== null && Number.isNaN(score)) return null;
    const feedback = String(form.get(`feedback-${position}`) ?? "")
      .trim()
      .slice(0, 2000);
    marks.push({ position, score, feedback: feedback || null });
  }
  return marks;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "grade:exam-attempt:any");
  const attemptId = params.attemptId!;
  const marks = readMarks(await request.formData());
  if (!marks) return data({ invalid: [] as number[] }, { status: 400 });
  const result = await saveMarks(attemptId, { id: user.id, ipAddress: clientIp(request) }, marks);
  if (!result.ok) {
    if (result.status === 404) notFound("attempt not found");
    if (result.status === 409) conflict("attempt already graded");
    if (result.status === 403) throw forbidden("grade:exam-attempt:any");
    return data({ invalid: result.positions ?? [] }, { status: 400 });
  }
  if (result.final) {
    return redirectWithFlash("/training/grading", {
      kind: "success",
      message: "training-attempts:flash.graded",
      params: { percent: result.percent ?? 0 },
    });
  }
  return redirectWithFlash(`/training/grading/${attemptId}`, {
    kind: "success",
    message: "training-attempts:flash.marksSaved",
  });
}

export default function GradeAttemptPage() {
  const { t } = useTranslation(["training-attempts", "common"]);
  const { attempt, exam, learner, items, waitingRolePlay } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = useFormat();
  const manual = items.filter((item) => item.manual);
  const final = attempt.status === "graded";
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("grading.heading", { name: learner.name, exam: exam.title })}
        description={t("grading.meta", {
          externalId: learner.externalId,
          team: learner.team ?? "—",
          number: attempt.number,
          time: format.dateTime(attempt.submittedAt),
        })}
        actions={
          <>
            <Link to={`/training/attempts/${attempt.id}`} className="btn-ghost">
              {t("grading.fullAttempt")}
            </Link>
            <Link to="/training/grading" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("grading.status")} value={<AttemptStatusBadge status={attempt.status} />} />
        <StatCard
          label={t("grading.autoTotal")}
          value={t("result.scoreOf", { score: attempt.autoTotal, maxScore: attempt.maxScore })}
        />
        <StatCard
          label={t("result.outcome")}
          value={
            final ? (
              <span className="flex items-center gap-2">
                {attempt.percent}% <PassBadge passed={attempt.passed} />
              </span>
            ) : (
              "—"
            )
          }
          hint={t("result.passMark", { percent: exam.passPercent })}
        />
      </div>
      {final ? <p className="card p-4 text-sm text-slate-600">{t("grading.finalNotice")}</p> : null}
      {!final && waitingRolePlay > 0 ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="status">
          {t("roleplay:exam.gradingWaits", { count: waitingRolePlay })}{" "}
          <Link to="/training/roleplay/reviews" className="font-medium underline">
            {t("roleplay:exam.openReviewQueue")}
          </Link>
        </p>
      ) : null}
      <MarkForm items={manual} locked={final} invalid={actionData?.invalid ?? []} />
    </div>
  );
}
