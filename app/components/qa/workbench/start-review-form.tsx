import { Link, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type StartReviewResponse = { intent: "start"; ok: false; error: string; reviewId?: string };

/**
 * "Review this conversation" for the conversation page: posts to /qa/reviews (intent start) and lands on the
 * workbench; refusals (own conversation, already reviewed…) show here. `rubrics` are the active rubrics for the
 * conversation's channel.
 */
export function StartReviewForm({
  conversationId,
  rubrics,
}: {
  conversationId: string;
  rubrics: { id: string; name: string }[];
}) {
  const { t } = useTranslation("qa-review");
  const fetcher = useFetcher<StartReviewResponse>();
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  if (rubrics.length === 0) return <p className="text-sm text-slate-500">{t("start.noRubrics")}</p>;
  return (
    <fetcher.Form method="post" action="/qa/reviews?index" className="space-y-2" data-testid="start-review">
      <input type="hidden" name="intent" value="start" />
      <input type="hidden" name="conversationId" value={conversationId} />
      <label htmlFor={`start-rubric-${conversationId}`} className="label">
        {t("start.rubric")}
      </label>
      <div className="flex gap-2">
        <select
          id={`start-rubric-${conversationId}`}
          name="rubricId"
          className="input"
          required
          aria-invalid={error ? true : undefined}
        >
          {rubrics.map((rubric) => (
            <option key={rubric.id} value={rubric.id}>
              {rubric.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn-primary shrink-0" disabled={fetcher.state !== "idle"}>
          {t("start.button")}
        </button>
      </div>
      {error ? (
        <p className="text-sm text-rose-600" role="alert">
          {t(`start.errors.${error.error}`)}
          {error.reviewId ? (
            <Link to={`/qa/reviews/${error.reviewId}`} className="ml-2 text-brand-700 hover:underline">
              {t("start.openExisting")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
