import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { PINNED_COMMENT_MAX } from "~/modules/qa/reviews/review-form";
import { useFormat } from "~/utils/use-format";

export type PinnedComment = { id: string; messageId: string; text: string; author: string | null; createdAt: string };

type CommentResponse = { intent: "addComment" | "deleteComment"; ok: boolean; error?: string };

/** The comments pinned to one message, beside it in the transcript. */
export function PinnedCommentList({ comments, editable }: { comments: PinnedComment[]; editable: boolean }) {
  const { t } = useTranslation("qa-review");
  const format = useFormat();
  const fetcher = useFetcher<CommentResponse>();
  if (comments.length === 0) return null;
  const deleting = fetcher.formData?.get("commentId");
  return (
    <ul className="space-y-1" aria-label={t("pinned.listLabel")}>
      {comments
        .filter((comment) => comment.id !== deleting)
        .map((comment) => (
          <li
            key={comment.id}
            data-testid="pinned-comment"
            className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-2.5 py-1.5 text-xs text-amber-900"
          >
            <span className="min-w-0 flex-1 whitespace-pre-wrap break-words">
              {comment.text}
              <span className="ml-2 text-amber-700/70">
                {comment.author ?? ""} {format.dateTime(comment.createdAt)}
              </span>
            </span>
            {editable ? (
              <fetcher.Form method="post">
                <input type="hidden" name="intent" value="deleteComment" />
                <input type="hidden" name="commentId" value={comment.id} />
                <button
                  type="submit"
                  className="text-amber-700 hover:text-rose-700"
                  aria-label={t("pinned.delete")}
                  title={t("pinned.delete")}
                >
                  ×
                </button>
              </fetcher.Form>
            ) : null}
          </li>
        ))}
    </ul>
  );
}

/** Shown under the message the inspector clicked: pins a comment to it. */
export function PinCommentForm({ messageId, onDone }: { messageId: string; onDone: () => void }) {
  const { t } = useTranslation(["qa-review", "common"]);
  const fetcher = useFetcher<CommentResponse>();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), [messageId]);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.intent === "addComment" && fetcher.data.ok) onDone();
  }, [fetcher.state, fetcher.data, onDone]);
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  return (
    <fetcher.Form method="post" className="mt-1 space-y-1.5" data-testid="pin-comment-form">
      <input type="hidden" name="intent" value="addComment" />
      <input type="hidden" name="messageId" value={messageId} />
      <label htmlFor={`pin-${messageId}`} className="sr-only">
        {t("qa-review:pinned.label")}
      </label>
      <textarea
        ref={box}
        id={`pin-${messageId}`}
        name="text"
        rows={2}
        required
        maxLength={PINNED_COMMENT_MAX}
        className="input text-sm"
        placeholder={t("qa-review:pinned.placeholder")}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <p className="text-xs text-rose-600" role="alert">
          {t(`qa-review:errors.${error}`)}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" className="btn-ghost px-2 py-1 text-xs" onClick={onDone}>
          {t("common:actions.cancel")}
        </button>
        <button type="submit" className="btn-primary px-2 py-1 text-xs" disabled={fetcher.state !== "idle"}>
          {t("qa-review:pinned.add")}
        </button>
      </div>
    </fetcher.Form>
  );
}
