import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

const RUN_STATUS_CLASSES: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-50 text-sky-700",
  succeeded: "bg-emerald-50 text-emerald-700",
  failed: "bg-rose-50 text-rose-700",
};

export function RunStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(["qa-sampling"]);
  return <span className={`badge ${RUN_STATUS_CLASSES[status] ?? ""}`}>{t(`runStatus.${status}`)}</span>;
}

export type PreviewData = {
  seed: string;
  candidateCount: number;
  sampledCount: number;
  agentCount: number;
  sample: { id: string; externalId: string; agentName: string; startedAt: string }[];
  /** Run page only: how many of the run's reviews the replay picked again. */
  matched?: number;
  reviewTotal?: number;
};

/** The result of a dry run: counts and the first picks. */
export function PreviewPanel({ preview }: { preview: PreviewData }) {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const format = useFormat();
  return (
    <section className="card overflow-hidden" aria-labelledby="preview-heading" data-testid="preview">
      <div className="border-b border-slate-100 px-5 py-4">
        <h2 id="preview-heading" className="font-semibold text-slate-900">
          {t("preview.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {t("preview.summary", {
            seed: preview.seed,
            candidates: format.number(preview.candidateCount),
            sampled: format.number(preview.sampledCount),
            agents: format.number(preview.agentCount),
          })}
        </p>
        {preview.matched !== undefined ? (
          <p className="mt-1 text-sm font-medium text-emerald-700" data-testid="preview-match">
            {t("preview.matched", { matched: preview.matched, total: preview.reviewTotal ?? 0 })}
          </p>
        ) : null}
      </div>
      {preview.sample.length ? (
        <div className="overflow-x-auto">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">{t("columns.conversation")}</th>
                <th scope="col">{t("columns.agent")}</th>
                <th scope="col">{t("columns.startedAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.sample.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link
                      to={`/qa/conversations/${row.id}`}
                      className="font-mono text-xs text-brand-700 hover:underline"
                    >
                      {row.externalId}
                    </Link>
                  </td>
                  <td>{row.agentName}</td>
                  <td>{format.dateTime(row.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.sampledCount > preview.sample.length ? (
            <p className="px-5 py-3 text-xs text-slate-500">
              {t("preview.more", { count: preview.sampledCount - preview.sample.length })}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">{t("preview.none")}</p>
      )}
    </section>
  );
}
