import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav
      className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm"
      aria-label={t("pagination.label")}
    >
      <p className="text-slate-500">{t("pagination.summary", { from, to, total })}</p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page - 1)} rel="prev">
            {t("pagination.previous")}
          </Link>
        ) : (
          <span className="btn-secondary px-3 py-1.5 opacity-40" aria-disabled="true">
            {t("pagination.previous")}
          </span>
        )}
        <span className="text-slate-500">{t("pagination.page", { page, pages })}</span>
        {page < pages ? (
          <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page + 1)} rel="next">
            {t("pagination.next")}
          </Link>
        ) : (
          <span className="btn-secondary px-3 py-1.5 opacity-40" aria-disabled="true">
            {t("pagination.next")}
          </span>
        )}
      </div>
    </nav>
  );
}
