import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import { useFormat } from "~/utils/use-format";

type Person = { name: string; externalId: string } | null;
type ReviewRow = {
  id: string;
  status: string;
  score: number | null;
  dueAt: string | null;
  conversation: { id: string; externalId: string; channel: string; startedAt: string; csat: number | null };
  agent: Person;
  inspector: Person;
};

function person(value: Person) {
  return value ? `${value.name}（${value.externalId}）` : "—";
}

export function RunReviewsTable({
  reviews,
  total,
  page,
  pageSize,
}: {
  reviews: ReviewRow[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const format = useFormat();
  return (
    <section className="card overflow-hidden" aria-labelledby="sampled-heading">
      <h2 id="sampled-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
        {t("runs.sampled")}
      </h2>
      {reviews.length === 0 ? (
        <EmptyState icon="list" title={t("runs.noReviews")} />
      ) : (
        <div className="overflow-x-auto">
          <table className="table-base" data-testid="run-reviews">
            <thead>
              <tr>
                <th scope="col">{t("columns.conversation")}</th>
                <th scope="col">{t("fields.channels")}</th>
                <th scope="col">{t("columns.startedAt")}</th>
                <th scope="col">{t("columns.agent")}</th>
                <th scope="col">{t("columns.inspector")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.dueAt")}</th>
                <th scope="col">
                  <span className="sr-only">{t("columns.review")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {reviews.map((review) => (
                <tr key={review.id}>
                  <td>
                    <Link
                      to={`/qa/conversations/${review.conversation.id}`}
                      className="font-mono text-xs text-brand-700 hover:underline"
                    >
                      {review.conversation.externalId}
                    </Link>
                  </td>
                  <td>{t(`channels.${review.conversation.channel}`)}</td>
                  <td>{format.dateTime(review.conversation.startedAt)}</td>
                  <td>{person(review.agent)}</td>
                  <td>{person(review.inspector)}</td>
                  <td>
                    <span className="badge bg-slate-100 text-slate-700">{t(`reviewStatus.${review.status}`)}</span>
                    {review.score !== null ? (
                      <span className="ml-2 tabular-nums">{review.score.toFixed(1)}</span>
                    ) : null}
                  </td>
                  <td>{format.dateTime(review.dueAt)}</td>
                  <td className="text-right">
                    <Link to={`/qa/reviews/${review.id}`} className="text-sm text-brand-700 hover:underline">
                      {t("columns.openReview")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  );
}
