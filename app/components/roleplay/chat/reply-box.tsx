import type { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export const REPLY_MAX_LENGTH = 1000;

type ReplyFetcher = ReturnType<typeof useFetcher<{ ok?: boolean; error?: string }>>;

/** Enter sends, Shift+Enter starts a new line (and Enter while an input method is composing does nothing). */
export function ReplyBox({ fetcher, disabled }: { fetcher: ReplyFetcher; disabled: boolean }) {
  const { t } = useTranslation("roleplay");
  const [text, setText] = useState("");
  const box = useRef<HTMLTextAreaElement>(null);
  const sending = fetcher.state !== "idle";
  const error = fetcher.state === "idle" ? fetcher.data?.error : undefined;

  useEffect(() => {
    if (!disabled && !sending) box.current?.focus();
  }, [disabled, sending]);

  const send = () => {
    const reply = text.trim();
    if (!reply || disabled || sending) return;
    fetcher.submit({ intent: "reply", text: reply }, { method: "post" });
    setText("");
  };

  return (
    <form
      method="post"
      className="space-y-2 border-t border-slate-200 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor="reply-text" className="sr-only">
        {t("play.reply.label")}
      </label>
      <textarea
        id="reply-text"
        ref={box}
        name="text"
        rows={3}
        maxLength={REPLY_MAX_LENGTH}
        className="input resize-none"
        placeholder={disabled ? t("play.reply.waiting") : t("play.reply.placeholder")}
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      {error ? (
        <p className="text-sm text-rose-600" role="alert">
          {t(error, { defaultValue: t("play.errors.400") })}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-slate-400">{t("play.reply.keys")}</p>
        <button type="submit" className="btn-primary" disabled={disabled || sending || text.trim() === ""}>
          {t("play.reply.send")}
        </button>
      </div>
    </form>
  );
}
