import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { TranscriptView } from "~/components/qa/transcript-view";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { conversationReviews, requireConversationAccess } from "~/modules/qa/conversations.server";
import { loadTranscript } from "~/modules/qa/transcript.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:conversation:team");
  const conversation = await requireConversationAccess(params.conversationId ?? "", user);
  const [transcript, reviews] = await Promise.all([
    loadTranscript(conversation.id),
    conversationReviews(conversation.id),
  ]);
  if (!transcript) notFound("conversation not found");
  return {
    pageTitle: await pageTitle(request, "qa-import:conversation.title", { id: conversation.externalId }),
    transcript,
    reviews: reviews.map((review) => ({
      ...review,
      submittedAt: review.submittedAt?.toISOString() ?? null,
      dueAt: review.dueAt?.toISOString() ?? null,
    })),
  };
}

export default function ConversationPage() {
  const { t } = useTranslation(["qa-import", "common"]);
  const { transcript, reviews } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("conversation.title", { id: transcript.conversation.externalId })}
        actions={
          <Link to="/qa/conversations" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <TranscriptView transcript={transcript} />
        </div>
        <section className="card self-start overflow-hidden">
          <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
            {t("conversation.reviews")}
          </h2>
          {reviews.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-500">{t("conversation.noReviews")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="conversation-reviews">
              {reviews.map((review) => (
                <li key={review.id} className="px-4 py-3 text-sm">
                  <Link to={`/qa/reviews/${review.id}`} className="font-medium text-brand-700 hover:underline">
                    {review.rubricVersion.rubric.name} v{review.rubricVersion.version}
                  </Link>
                  <p className="mt-0.5 text-slate-600">
                    {t(`conversation.reviewStatus.${review.status}` as "conversation.reviewStatus.assigned")}
                    {review.score !== null ? ` · ${format.number(review.score, { maximumFractionDigits: 1 })}` : ""}
                    {review.criticalFailed ? ` · ${t("conversation.redLine")}` : ""}
                  </p>
                  <p className="text-xs text-slate-400">
                    {t("conversation.inspector", { name: review.inspector.name })}
                    {review.submittedAt ? ` · ${format.dateTime(review.submittedAt)}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
