import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ReviewStatusBadge } from "~/components/roleplay/review/review-status";
import { ChatTranscript } from "~/components/roleplay/chat/chat-transcript";
import { SessionReport } from "~/components/roleplay/report/session-report";
import { RubricReadonly } from "~/components/roleplay/review/review-readonly";
import { RubricForm, type RatingProblems } from "~/components/roleplay/review/rubric-form";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { parseReviewForm } from "~/modules/roleplay/review-form";
import { loadRolePlayReview, saveRolePlayReviewDraft, submitRolePlayReview } from "~/modules/roleplay/reviews.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "score:roleplay:any");
  const view = await loadRolePlayReview(params.reviewId ?? "", { id: user.id, permissions: user.permissions });
  const player = await db.user.findUnique({
    where: { id: view.play.session.userId },
    select: { name: true, externalId: true, team: { select: { name: true } } },
  });
  return {
    view,
    player,
    pageTitle: await pageTitle(request, "roleplay:reviews.review.title", { title: view.play.scenario.title }),
  };
}

type ActionData = { problems: RatingProblems };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "score:roleplay:any");
  const reviewId = params.reviewId ?? "";
  const form = parseReviewForm(await request.formData());
  if (!form.ok) {
    return data<ActionData>({ problems: { missing: [], naNotAllowed: [], invalid: form.invalid, unknown: [] } }, 400);
  }
  const input = {
    reviewId,
    reviewerId: user.id,
    ratings: form.ratings,
    comments: form.comments,
    summary: form.summary,
  };
  if (form.intent === "save") {
    const saved = await saveRolePlayReviewDraft(input);
    if (!saved.ok) return data<ActionData>({ problems: saved }, 400);
    return redirectWithFlash(`/training/roleplay/reviews/${reviewId}`, {
      kind: "success",
      message: "roleplay:reviews.flash.saved",
    });
  }
  const submitted = await submitRolePlayReview(input);
  if (!submitted.ok) return data<ActionData>({ problems: submitted }, 400);
  return redirectWithFlash(`/training/roleplay/reviews/${reviewId}`, {
    kind: "success",
    message: "roleplay:reviews.flash.submitted",
    params: { score: submitted.finalScore },
  });
}

export default function RolePlayReviewPage() {
  const { t } = useTranslation("roleplay");
  const format = useFormat();
  const { view, player } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { play, review, rubric } = view;
  const problems = actionData && "problems" in actionData ? actionData.problems : null;
  const replies = play.turns.filter((turn) => turn.speaker === "agent");
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("reviews.review.title", { title: play.scenario.title })}
        description={t("reviews.review.description", {
          name: player?.name ?? "—",
          externalId: player?.externalId ?? "",
          team: player?.team?.name ?? "—",
          ended: format.dateTime(play.session.endedAt),
        })}
        actions={
          <>
            <Link to={`/learn/roleplay/sessions/${play.session.id}`} className="btn-ghost">
              {t("reviews.review.session")}
            </Link>
            <Link to="/training/roleplay/reviews" className="btn-ghost">
              {t("reviews.review.back")}
            </Link>
          </>
        }
      />
      <div className="grid gap-4 xl:grid-cols-2">
        <div className="space-y-4">
          <section className="card overflow-hidden">
            <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-700">
              {t("reviews.review.transcript")}
            </h2>
            <ChatTranscript
              turns={play.turns}
              customerName={play.scenario.persona.name}
              typing={false}
              pendingReply={null}
            />
          </section>
          {play.result ? (
            <SessionReport
              result={play.result}
              outcome={play.session.outcome}
              status={play.session.status}
              replies={replies}
            />
          ) : null}
        </div>
        <section className="card h-fit space-y-4 p-4 xl:sticky xl:top-4" aria-labelledby="rubric-title">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="rubric-title" className="font-semibold text-slate-900">
              {t("reviews.review.rubric", { name: rubric.rubricName, version: rubric.version })}
            </h2>
            <ReviewStatusBadge status={review.status} />
          </div>
          <p className="text-xs text-slate-500">
            {t("reviews.review.rule", {
              human: view.humanWeight,
              auto: 100 - view.humanWeight,
              pass: view.passPercent,
            })}
          </p>
          {view.canScore ? (
            <RubricForm
              rubric={rubric}
              initialRatings={review.ratings}
              initialComments={review.comments}
              initialSummary={review.summary}
              problems={problems}
              busy={navigation.state !== "idle"}
            />
          ) : (
            <>
              <dl className="grid grid-cols-2 gap-3 text-sm">
                <div className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs text-slate-500">{t("reviews.review.rubricScore")}</dt>
                  <dd className="text-xl font-semibold" data-testid="review-score">
                    {review.score ?? "—"}
                  </dd>
                </div>
                <div className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs text-slate-500">{t("reviews.review.finalScore")}</dt>
                  <dd className="text-xl font-semibold" data-testid="review-final">
                    {play.result?.finalScore ?? "—"}
                  </dd>
                </div>
              </dl>
              <p className="text-xs text-slate-500">
                {t("reviews.review.submittedBy", {
                  name: review.reviewer?.name ?? "—",
                  at: format.dateTime(review.submittedAt),
                })}
              </p>
              <RubricReadonly
                rubric={rubric}
                ratings={review.ratings}
                comments={review.comments}
                summary={review.summary}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
