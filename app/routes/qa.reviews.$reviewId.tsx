import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ReviewReadOnly } from "~/components/qa/workbench/review-readonly";
import { ScoringWorkbench } from "~/components/qa/workbench/scoring-workbench";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission, requireUser, userCan } from "~/modules/identity/session.server";
import {
  addPinnedComment,
  deletePinnedComment,
  rubricFor,
  saveDraft,
  submitReview,
} from "~/modules/qa/reviews/grading.server";
import { nextInQueue } from "~/modules/qa/reviews/queue.server";
import { readReviewForm } from "~/modules/qa/reviews/review-form";
import { loadReviewPage } from "~/modules/qa/reviews/workbench.server";
import { validateRatings } from "~/modules/qa/scoring";
import { setReviewArticles } from "~/modules/training/kb/review-links.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!userCan(user, "score:qa-review:own") && !userCan(user, "read:qa-review:team")) {
    throw forbidden("read:qa-review:team");
  }
  const page = await loadReviewPage(user, params.reviewId ?? "");
  const title = await pageTitle(
    request,
    page.mode === "score" ? "qa-review:workbench.title" : "qa-review:readOnly.title",
    { conversation: page.transcript.conversation.externalId },
  );
  // A submitted regular review is where coaching starts (qa.coaching.new?review=…); that page checks the agent's team.
  const canCoach = userCan(user, "create:coaching:team");
  return { ...page, canCoach, pageTitle: title };
}

/** Autosaves must not reload the transcript every few seconds; everything else refreshes the page data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  if (formData?.get("intent") === "save") return false;
  return defaultShouldRevalidate;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "score:qa-review:own");
  const reviewId = params.reviewId ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");

  if (intent === "addComment" || intent === "deleteComment") {
    const result =
      intent === "addComment"
        ? await addPinnedComment(user, reviewId, String(form.get("messageId") ?? ""), String(form.get("text") ?? ""))
        : await deletePinnedComment(user, reviewId, String(form.get("commentId") ?? ""));
    if (!result.ok) return data({ intent, ok: false as const, error: result.error }, { status: result.status });
    return { intent, ok: true as const };
  }
  if (intent === "setArticles") {
    const ids = form.getAll("articleId").map(String);
    const result = await setReviewArticles(user, reviewId, ids, clientIp(request));
    if (!result.ok) return data({ intent, ok: false as const, error: result.error }, { status: result.status });
    return { intent, ok: true as const };
  }
  if (intent !== "save" && intent !== "submit") {
    return data({ intent, ok: false as const, error: "unknownIntent" }, { status: 400 });
  }

  const rubric = await rubricFor(reviewId);
  if (!rubric) notFound("review not found");
  const { draft, elapsedSeconds, errors } = readReviewForm(form, rubric.criteria);
  if (errors.length > 0) {
    return data({ intent, ok: false as const, error: "invalidForm", fieldErrors: errors }, { status: 400 });
  }

  if (intent === "save") {
    const { naNotAllowed } = validateRatings(rubric.criteria, draft.ratings);
    if (naNotAllowed.length > 0) {
      return data({ intent, ok: false as const, error: "naNotAllowed", naNotAllowed }, { status: 400 });
    }
    const result = await saveDraft(user, reviewId, draft, elapsedSeconds);
    if (!result.ok) return data({ intent, ok: false as const, error: result.error }, { status: result.status });
    return { intent, ok: true as const, savedAt: result.savedAt };
  }

  const result = await submitReview(user, reviewId, draft, elapsedSeconds, { ipAddress: clientIp(request) });
  if (!result.ok) {
    const { ok: _ok, status, ...failure } = result;
    return data({ intent, ok: false as const, ...failure }, { status });
  }
  const next = await nextInQueue(user.id, reviewId);
  return redirectWithFlash(next ? `/qa/reviews/${next}` : "/qa/queue", {
    kind: "success",
    message: next ? "qa-review:flash.submittedNext" : "qa-review:flash.submitted",
    params: { score: result.score },
  });
}

export default function ReviewPage() {
  const { t } = useTranslation(["qa-review", "qa-coaching", "common"]);
  const page = useLoaderData<typeof loader>();
  const coachable =
    page.mode === "read" && page.canCoach && page.header.kind === "regular" && page.header.status === "submitted";
  const title =
    page.mode === "score"
      ? t("qa-review:workbench.title", { conversation: page.transcript.conversation.externalId })
      : t("qa-review:readOnly.title", { conversation: page.transcript.conversation.externalId });
  return (
    <div>
      <PageHeader
        title={title}
        actions={
          <>
            {coachable ? (
              <Link to={`/qa/coaching/new?review=${page.header.id}`} className="btn-secondary">
                {t("qa-coaching:new.title")}
              </Link>
            ) : null}
            <Link to={page.mode === "score" ? "/qa/queue" : "/qa/reviews"} className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      {page.mode === "score" ? <ScoringWorkbench key={page.header.id} data={page} /> : <ReviewReadOnly data={page} />}
    </div>
  );
}
