import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons";
import { StatCard } from "~/components/page-header";
import { errorsToCsv, type ImportRowError } from "~/modules/admin/user-import";

type Result = { created: number; updated: number; unchanged: number; errors: ImportRowError[] };

const KNOWN_FIELDS = new Set(["externalId", "name", "email", "team", "roles", "hireDate", "status", "locale"]);

/** Counts, the row errors with their line numbers, and the errors as a CSV download built in the browser. */
export function ImportResults({ result }: { result: Result }) {
  const { t } = useTranslation();
  const fieldLabel = (field?: string) => (field ? (KNOWN_FIELDS.has(field) ? t(`fields.${field}`) : field) : "");
  const message = (error: ImportRowError) =>
    t(error.message, { ...error.params, value: error.value ?? "", line: error.line });
  const downloadHref = useMemo(() => {
    if (result.errors.length === 0) return null;
    const text = errorsToCsv(result.errors, (key, params) => t(key, params), [
      t("admin:import.columns.line"),
      t("admin:import.columns.field"),
      t("admin:import.columns.value"),
      t("admin:import.columns.message"),
    ]);
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${text}`)}`;
  }, [result.errors, t]);

  return (
    <section aria-labelledby="import-result-heading" className="space-y-4" data-testid="import-result">
      <h2 id="import-result-heading" className="text-base font-semibold text-slate-900">
        {t("admin:import.resultTitle")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label={t("admin:import.created")} value={result.created} />
        <StatCard label={t("admin:import.updated")} value={result.updated} />
        <StatCard label={t("admin:import.unchanged")} value={result.unchanged} />
        <StatCard label={t("admin:import.errorCount")} value={result.errors.length} />
      </div>
      {result.errors.length > 0 ? (
        <div className="card overflow-hidden">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
            <p className="text-sm text-slate-600">{t("admin:import.errorsHelp")}</p>
            {downloadHref ? (
              <a href={downloadHref} download="import-errors.csv" className="btn-secondary px-3 py-1.5 text-xs">
                <Icon name="download" className="h-4 w-4" />
                {t("admin:import.downloadErrors")}
              </a>
            ) : null}
          </div>
          <div className="max-h-[28rem] overflow-auto">
            <table className="table-base" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t("admin:import.columns.line")}</th>
                  <th scope="col">{t("admin:import.columns.field")}</th>
                  <th scope="col">{t("admin:import.columns.value")}</th>
                  <th scope="col">{t("admin:import.columns.message")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.errors.map((error, index) => (
                  <tr key={`${error.line}-${error.field ?? ""}-${index}`}>
                    <td className="font-mono">{error.line}</td>
                    <td>{fieldLabel(error.field)}</td>
                    <td className="max-w-xs truncate font-mono text-xs" title={error.value}>
                      {error.value ?? ""}
                    </td>
                    <td className="whitespace-normal text-rose-700">{message(error)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("admin:import.noErrors")}
        </p>
      )}
    </section>
  );
}
