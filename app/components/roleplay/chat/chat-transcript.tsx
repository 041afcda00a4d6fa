import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { clockText } from "~/modules/roleplay/play-clock";

export type ChatTurn = {
  position: number;
  speaker: "customer" | "agent" | "system";
  text: string;
  shownAt: string;
  responseSeconds: number | null;
  overTime: boolean;
};

function Bubble({ turn, customerName, pending }: { turn: ChatTurn; customerName: string; pending?: boolean }) {
  const { t } = useTranslation("roleplay");
  if (turn.speaker === "system") {
    return (
      <li className="text-center text-xs text-slate-400" data-testid="chat-system">
        {turn.text}
      </li>
    );
  }
  const agent = turn.speaker === "agent";
  return (
    <li className={`flex ${agent ? "justify-end" : "justify-start"}`}>
      <div className={`max-w-[80%] space-y-0.5 ${agent ? "items-end text-right" : ""}`}>
        <p className="text-xs text-slate-400">{agent ? t("play.chat.me") : customerName}</p>
        <p
          data-testid={agent ? "chat-agent" : "chat-customer"}
          data-pending={pending || undefined}
          className={`whitespace-pre-wrap rounded-2xl px-3.5 py-2 text-left text-sm ${
            agent
              ? "rounded-tr-sm bg-brand-600 text-white"
              : "rounded-tl-sm bg-white text-slate-900 ring-1 ring-slate-200"
          } ${pending ? "opacity-60" : ""}`}
        >
          {turn.text}
        </p>
        {agent && turn.responseSeconds !== null ? (
          <p className={`text-xs ${turn.overTime ? "text-rose-600" : "text-slate-400"}`}>
            {t("play.chat.replyTook", { time: clockText(turn.responseSeconds) })}
            {turn.overTime ? ` · ${t("play.chat.overTime")}` : ""}
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** The conversation so far, the optimistic reply being sent, and "对方正在输入…" while a bubble is due. */
export function ChatTranscript({
  turns,
  customerName,
  typing,
  pendingReply,
}: {
  turns: readonly ChatTurn[];
  customerName: string;
  typing: boolean;
  pendingReply: string | null;
}) {
  const { t } = useTranslation("roleplay");
  const end = useRef<HTMLLIElement>(null);
  const count = turns.length;
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [count, typing, pendingReply]);
  return (
    <ol
      className="h-[28rem] space-y-3 overflow-y-auto bg-slate-50 p-4"
      aria-live="polite"
      aria-label={t("play.chat.label")}
      data-testid="chat-transcript"
    >
      {turns.map((turn) => (
        <Bubble key={turn.position} turn={turn} customerName={customerName} />
      ))}
      {pendingReply ? (
        <Bubble
          pending
          customerName={customerName}
          turn={{
            position: -1,
            speaker: "agent",
            text: pendingReply,
            shownAt: "",
            responseSeconds: null,
            overTime: false,
          }}
        />
      ) : null}
      {typing ? (
        <li className="flex justify-start" data-testid="chat-typing">
          <span className="animate-pulse rounded-2xl bg-white px-3.5 py-2 text-sm text-slate-500 ring-1 ring-slate-200">
            {t("play.chat.typing")}
          </span>
        </li>
      ) : null}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}
