import { useTranslation } from "react-i18next";

/** The column reference next to the upload form (the full description is in docs/import-formats.md). */
export function ImportFormatHelp({ headers }: { headers: string[] }) {
  const { t } = useTranslation();
  return (
    <aside className="card p-6 text-sm lg:col-span-2" aria-labelledby="import-format-heading">
      <h2 id="import-format-heading" className="text-base font-semibold text-slate-900">
        {t("admin:import.formatTitle")}
      </h2>
      <p className="mt-2 text-slate-600">{t("admin:import.formatIntro")}</p>
      <dl className="mt-4 space-y-2">
        {headers.map((header) => (
          <div key={header} className="grid grid-cols-3 gap-2">
            <dt className="font-mono text-xs text-slate-900">{header}</dt>
            <dd className="col-span-2 text-slate-600">{t(`admin:import.columnHelp.${header}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-slate-500">{t("admin:import.formatRules")}</p>
    </aside>
  );
}
