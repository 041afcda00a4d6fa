import { useTranslation } from "react-i18next";
import type { ReviewPageData } from "~/modules/qa/reviews/workbench.server";
import { useFormat } from "~/utils/use-format";
import { ReviewStatusBadge } from "./score-badge";

type Header = ReviewPageData["header"];

/** Who and what is being reviewed, in one line of facts above the workbench. */
export function ReviewFacts({
  header,
  rubric,
  conversation,
}: {
  header: Header;
  rubric: { rubricName: string; version: number };
  conversation: { externalId: string; channel: string };
}) {
  const { t } = useTranslation(["qa-review", "qa-import"]);
  const format = useFormat();
  const overdue = header.status !== "submitted" && header.dueAt !== null && new Date(header.dueAt) < format.now;
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <Fact label={t("qa-review:fields.conversation")}>
        <span className="font-mono">{conversation.externalId}</span>
        <span className="badge ml-2 bg-slate-100 text-slate-700">
          {t(`qa-import:channels.${conversation.channel}` as "qa-import:channels.chat")}
        </span>
      </Fact>
      <Fact label={t("qa-review:fields.agent")}>
        {header.agent ? `${header.agent.name}（${header.agent.externalId}）` : "—"}
      </Fact>
      <Fact label={t("qa-review:fields.team")}>{header.team ?? "—"}</Fact>
      <Fact label={t("qa-review:fields.rubric")}>
        {rubric.rubricName} <span className="text-slate-400">v{rubric.version}</span>
      </Fact>
      <Fact label={t("qa-review:fields.inspector")}>{header.inspector.name}</Fact>
      {header.dueAt ? (
        <Fact label={t("qa-review:fields.due")}>
          <span className={overdue ? "font-medium text-rose-600" : ""}>{format.dateTime(header.dueAt)}</span>
          {overdue ? (
            <span className="badge ml-2 bg-rose-100 text-rose-700">{t("qa-review:queue.overdue")}</span>
          ) : null}
        </Fact>
      ) : null}
      <Fact label={t("qa-review:fields.status")}>
        <ReviewStatusBadge status={header.status} />
        {header.kind === "calibration" ? (
          <span className="badge ml-2 bg-violet-50 text-violet-700">
            {t("qa-review:kind.calibration")}
            {header.calibration ? `：${header.calibration.title}` : ""}
          </span>
        ) : null}
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
