import { useTranslation } from "react-i18next";
import type { CriterionResult } from "~/modules/levels/criteria";
import { useCriterionText, type Vocabulary } from "./criterion-text";

/** Criterion · required · actual · met, as the evaluation recorded them. */
export function EvidenceTable({
  criteria,
  vocabulary,
  caption,
}: {
  criteria: CriterionResult[];
  vocabulary: Vocabulary;
  caption?: string;
}) {
  const { t } = useTranslation("levels");
  const text = useCriterionText(vocabulary);
  if (criteria.length === 0) return <p className="px-4 py-3 text-sm text-slate-500">{t("evidence.none")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="level-evidence">
        {caption ? (
          <caption className="px-4 py-2 text-left text-sm font-medium text-slate-700">{caption}</caption>
        ) : null}
        <thead>
          <tr>
            <th scope="col">{t("evidence.criterion")}</th>
            <th scope="col">{t("evidence.actual")}</th>
            <th scope="col" className="w-20 text-center">
              {t("evidence.met")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {criteria.map((criterion, index) => (
            <tr key={index}>
              <td>{text.required(criterion)}</td>
              <td className={criterion.actual === null && criterion.kind !== "certificate" ? "text-slate-400" : ""}>
                {text.actual(criterion)}
              </td>
              <td className="text-center">
                {criterion.met ? (
                  <span className="font-semibold text-emerald-600" aria-label={t("evidence.yes")}>
                    ✓
                  </span>
                ) : (
                  <span className="font-semibold text-rose-600" aria-label={t("evidence.no")}>
                    ✗
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProposalStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("levels");
  const tone =
    status === "pending"
      ? "bg-amber-50 text-amber-700"
      : status === "approved"
        ? "bg-emerald-50 text-emerald-700"
        : status === "rejected"
          ? "bg-rose-50 text-rose-700"
          : "bg-slate-100 text-slate-600";
  return <span className={`badge ${tone}`}>{t(`status.${status}`)}</span>;
}

export function ProposalKindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation("levels");
  return (
    <span className={`badge ${kind === "promotion" ? "bg-sky-50 text-sky-700" : "bg-violet-50 text-violet-700"}`}>
      {t(`kind.${kind}`)}
    </span>
  );
}
