import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

export type VersionRow = {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  criteria: number;
  reviews: number;
};

export function VersionHistory({
  versions,
  shown,
  current,
}: {
  versions: VersionRow[];
  shown: number;
  current: number;
}) {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const format = useFormat();
  return (
    <section className="card overflow-hidden" aria-labelledby="versions-heading">
      <h2 id="versions-heading" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {t("versions.title")}
      </h2>
      <ol className="divide-y divide-slate-100" data-testid="version-history">
        {versions.map((row) => (
          <li key={row.id} className={`px-4 py-3 text-sm ${row.version === shown ? "bg-brand-50" : ""}`}>
            <div className="flex items-center justify-between gap-2">
              <Link
                to={row.version === current ? "?" : `?version=${row.version}`}
                className="font-medium text-brand-700 hover:underline"
                aria-current={row.version === shown ? "true" : undefined}
              >
                {t("versions.label", { version: row.version })}
                {row.version === current ? ` · ${t("versions.current")}` : ""}
              </Link>
              <span className="text-xs text-slate-500">{format.dateTime(row.createdAt)}</span>
            </div>
            <p className="mt-1 text-xs text-slate-500">
              {t("versions.by", { name: row.createdBy ?? t("versions.system") })} ·{" "}
              {t("versions.counts", { criteria: row.criteria, reviews: row.reviews })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
