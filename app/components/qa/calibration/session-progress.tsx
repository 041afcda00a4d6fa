import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

type ConversationRow = { id: string; externalId: string; channel: string; startedAt: string };
type MyReview = { conversationId: string; reviewId: string | null; status: string | null };

const REVIEW_TONE: Record<string, string> = {
  assigned: "bg-slate-100 text-slate-600",
  draft: "bg-amber-50 text-amber-700",
  submitted: "bg-emerald-50 text-emerald-700",
  cancelled: "bg-rose-50 text-rose-700",
};

export function MyReviewsCard({
  conversations,
  myReviews,
  released,
}: {
  conversations: ConversationRow[];
  myReviews: MyReview[];
  released: boolean;
}) {
  const { t } = useTranslation(["qa-calibration", "common"]);
  const format = useFormat();
  const byConversation = new Map(myReviews.map((review) => [review.conversationId, review]));
  return (
    <section className="card overflow-hidden" aria-labelledby="my-reviews-heading">
      <h2 id="my-reviews-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
        {t("qa-calibration:session.myReviews")}
      </h2>
      <table className="table-base" data-testid="my-calibration-reviews">
        <thead>
          <tr>
            <th scope="col">{t("qa-calibration:fields.conversation")}</th>
            <th scope="col">{t("common:fields.status")}</th>
            <th scope="col">
              <span className="sr-only">{t("common:actions.view")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {conversations.map((conversation) => {
            const review = byConversation.get(conversation.id);
            const status = review?.status ?? null;
            const canScore = !released && (status === "assigned" || status === "draft");
            return (
              <tr key={conversation.id}>
                <td>
                  <p className="font-mono text-xs text-slate-800">{conversation.externalId}</p>
                  <p className="text-xs text-slate-400">
                    {t(`qa-calibration:channels.${conversation.channel}`, { defaultValue: conversation.channel })} ·{" "}
                    {format.dateTime(conversation.startedAt)}
                  </p>
                </td>
                <td>
                  {status ? (
                    <span className={`badge ${REVIEW_TONE[status] ?? ""}`}>
                      {t(`qa-calibration:reviewStatus.${status}`)}
                    </span>
                  ) : null}
                </td>
                <td className="text-right">
                  {review?.reviewId && status !== "cancelled" ? (
                    <Link
                      to={`/qa/reviews/${review.reviewId}`}
                      className={canScore ? "btn-primary px-3 py-1.5 text-xs" : "btn-secondary px-3 py-1.5 text-xs"}
                    >
                      {canScore ? t("qa-calibration:session.score") : t("common:actions.view")}
                    </Link>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function ParticipantsCard({
  participants,
  total,
}: {
  participants: {
    id: string;
    name: string;
    externalId: string;
    isBenchmark: boolean;
    submitted: boolean;
    scored: number;
  }[];
  total: number;
}) {
  const { t } = useTranslation(["qa-calibration", "common"]);
  return (
    <section className="card overflow-hidden" aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
        {t("qa-calibration:session.participants")}
      </h2>
      <table className="table-base" data-testid="calibration-participants">
        <thead>
          <tr>
            <th scope="col">{t("common:fields.name")}</th>
            <th scope="col">{t("qa-calibration:session.progress")}</th>
            <th scope="col">{t("common:fields.status")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {participants.map((participant) => (
            <tr key={participant.id}>
              <td>
                <span className="font-medium text-slate-800">{participant.name}</span>{" "}
                <span className="font-mono text-xs text-slate-400">{participant.externalId}</span>
                {participant.isBenchmark ? (
                  <span className="badge ml-2 bg-violet-50 text-violet-700">{t("qa-calibration:benchmark")}</span>
                ) : null}
              </td>
              <td>{t("qa-calibration:list.progressValue", { done: participant.scored, total })}</td>
              <td>
                {participant.submitted ? (
                  <span className="badge bg-emerald-50 text-emerald-700">{t("qa-calibration:session.done")}</span>
                ) : (
                  <span className="badge bg-slate-100 text-slate-600">{t("qa-calibration:session.pending")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
