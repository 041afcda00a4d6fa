import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Transcript, TranscriptMessage } from "~/modules/qa/transcript.server";
import { useFormat } from "~/utils/use-format";
import { Icon } from "../icons";

export type { Transcript, TranscriptMessage };

export interface TranscriptViewProps {
  transcript: Transcript;
  selectedMessageId?: string | null;
  onSelectMessage?: (messageId: string) => void;
  /** Extra content under a message, e.g. the comments pinned to it in the workbench. */
  renderMessageAside?: (message: TranscriptMessage) => ReactNode;
  highlightMessageIds?: readonly string[];
  /** Hide the facts header (when the page shows its own summary). */
  hideHeader?: boolean;
}

/** "1分05秒" / "1m 05s": short enough for a chat bubble, exact to the second. */
export function useDuration() {
  const { t } = useTranslation("qa-import");
  return (seconds: number | null | undefined) => {
    if (seconds === null || seconds === undefined) return "—";
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const pad = (n: number) => String(n).padStart(2, "0");
    if (h > 0) return t("duration.hours", { h, m: pad(m) });
    if (m > 0) return t("duration.minutes", { m, s: pad(s) });
    return t("duration.seconds", { s });
  };
}

export function TranscriptView({
  transcript,
  selectedMessageId,
  onSelectMessage,
  renderMessageAside,
  highlightMessageIds,
  hideHeader,
}: TranscriptViewProps) {
  const { t } = useTranslation(["qa-import", "common"]);
  return (
    <div className="space-y-4">
      {hideHeader ? null : <TranscriptFacts transcript={transcript} />}
      {transcript.maskingOn ? (
        <p className="flex items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800">
          <Icon name="shield" className="h-4 w-4 shrink-0" />
          {t("transcript.maskingNotice")}
        </p>
      ) : null}
      <ol className="space-y-3" aria-label={t("transcript.messages")}>
        {transcript.messages.length === 0 ? (
          <li className="text-sm text-slate-500">{t("transcript.noMessages")}</li>
        ) : null}
        {transcript.messages.map((message) => (
          <MessageRow
            key={message.id}
            message={message}
            selected={selectedMessageId === message.id}
            highlighted={highlightMessageIds?.includes(message.id) ?? false}
            onSelect={onSelectMessage}
            aside={renderMessageAside?.(message)}
          />
        ))}
      </ol>
    </div>
  );
}

function MessageRow({
  message,
  selected,
  highlighted,
  onSelect,
  aside,
}: {
  message: TranscriptMessage;
  selected: boolean;
  highlighted: boolean;
  onSelect?: (messageId: string) => void;
  aside?: ReactNode;
}) {
  const { t } = useTranslation("qa-import");
  const format = useFormat();
  const duration = useDuration();
  const isAgent = message.sender === "agent";
  const isCustomer = message.sender === "customer";
  const muted = !isAgent && !isCustomer;

  const bubble = isAgent
    ? "bg-brand-50 text-slate-900 border-brand-100"
    : isCustomer
      ? "bg-white text-slate-900 border-slate-200"
      : "bg-slate-50 text-slate-500 border-slate-200 italic";
  const ring = selected
    ? "ring-2 ring-brand-500"
    : highlighted
      ? "ring-2 ring-amber-400"
      : message.isLongestWait
        ? "ring-1 ring-rose-300"
        : "";
  const senderLabel =
    isAgent && message.agentName
      ? message.agentName
      : t(`transcript.senders.${message.sender}` as "transcript.senders.customer");

  const content = (
    <>
      <div className={`flex flex-wrap items-center gap-2 text-xs ${isAgent ? "justify-end" : ""}`}>
        <span className="font-medium text-slate-600">{senderLabel}</span>
        <time dateTime={message.sentAt} className="text-slate-400">
          {format.dateTime(message.sentAt)}
        </time>
        {message.waitSeconds !== null ? (
          <span
            className={`badge ${message.isLongestWait ? "bg-rose-50 text-rose-700" : "bg-slate-100 text-slate-600"}`}
            title={t("transcript.waitHint")}
          >
            <Icon name="clock" className="mr-1 h-3 w-3" />
            {t("transcript.waited", { duration: duration(message.waitSeconds) })}
          </span>
        ) : null}
        {message.isFirstResponse ? (
          <span className="badge bg-sky-50 text-sky-700">{t("transcript.firstResponse")}</span>
        ) : null}
        {message.isLongestWait ? (
          <span className="badge bg-rose-50 text-rose-700">{t("transcript.longestWait")}</span>
        ) : null}
        {message.masked ? (
          <span className="badge bg-amber-50 text-amber-700" title={t("transcript.maskedHint")}>
            {t("transcript.masked")}
          </span>
        ) : null}
      </div>
      <div
        className={`mt-1 inline-block max-w-full whitespace-pre-wrap break-words rounded-lg border px-3 py-2 text-left text-sm ${bubble} ${ring}`}
      >
        {message.text}
      </div>
    </>
  );

  return (
    <li
      id={`msg-${message.seq}`}
      data-message-id={message.id}
      className={`flex flex-col ${isAgent ? "items-end text-right" : "items-start"} ${muted ? "opacity-90" : ""}`}
    >
      <div className={`max-w-[85%] ${isAgent ? "text-right" : ""}`}>
        {onSelect ? (
          <button
            type="button"
            onClick={() => onSelect(message.id)}
            aria-pressed={selected}
            className={`block w-full rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${isAgent ? "text-right" : "text-left"}`}
          >
            {content}
          </button>
        ) : (
          content
        )}
        {aside ? <div className="mt-1 text-left">{aside}</div> : null}
      </div>
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function YesNo({ value }: { value: boolean | null }) {
  const { t } = useTranslation("qa-import");
  if (value === null) return <span className="text-slate-400">—</span>;
  return <>{value ? t("transcript.yes") : t("transcript.no")}</>;
}

export function TranscriptFacts({ transcript }: { transcript: Transcript }) {
  const { t } = useTranslation("qa-import");
  const format = useFormat();
  const duration = useDuration();
  const c = transcript.conversation;
  return (
    <section className="card p-4" aria-label={t("transcript.facts")}>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm text-slate-700">{c.externalId}</span>
        <span className="badge bg-slate-100 text-slate-700">{t(`channels.${c.channel}` as "channels.chat")}</span>
        {c.complaint ? <span className="badge bg-rose-50 text-rose-700">{t("transcript.complaint")}</span> : null}
        {c.tags.map((tag) => (
          <span key={tag} className="badge bg-brand-50 text-brand-700">
            {tag}
          </span>
        ))}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
        <Fact label={t("transcript.startedAt")}>{format.dateTime(c.startedAt)}</Fact>
        <Fact label={t("transcript.endedAt")}>{c.endedAt ? format.dateTime(c.endedAt) : "—"}</Fact>
        <Fact label={t("transcript.customer")}>{c.customerRef}</Fact>
        <Fact label={t("transcript.agents")}>
          {c.agents.length === 0 ? "—" : c.agents.map((agent) => `${agent.name}（${agent.externalId}）`).join("、")}
        </Fact>
        <Fact label={t("transcript.team")}>{c.team?.name ?? "—"}</Fact>
        <Fact label={t("transcript.csat")}>{c.csat === null ? "—" : t("transcript.csatValue", { csat: c.csat })}</Fact>
        <Fact label={t("transcript.resolved")}>
          <YesNo value={c.resolved} />
        </Fact>
        <Fact label={t("transcript.converted")}>
          <YesNo value={c.converted} />
        </Fact>
        <Fact label={t("transcript.orderValue")}>
          {c.orderValue === null
            ? "—"
            : format.number(Number(c.orderValue), { style: "currency", currency: "CNY", minimumFractionDigits: 2 })}
        </Fact>
        <Fact label={t("transcript.messageCount")}>{format.number(c.messageCount)}</Fact>
        <Fact label={t("transcript.handlingTime")}>{duration(c.handlingSeconds)}</Fact>
        <Fact label={t("transcript.firstResponseTime")}>
          <span className="text-sky-700">{duration(c.firstResponseSeconds)}</span>
        </Fact>
        <Fact label={t("transcript.longestWaitTime")}>
          <span className={c.longestWaitSeconds !== null ? "text-rose-700" : ""}>{duration(c.longestWaitSeconds)}</span>
        </Fact>
      </dl>
    </section>
  );
}
