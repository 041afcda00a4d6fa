import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Pagination for a second list on a page: same look as the shared one, its own query parameter. */
export function ParamPagination({
  param,
  page,
  pageSize,
  total,
}: {
  param: string;
  page: number;
  pageSize: number;
  total: number;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav
      className="flex items-center justify-end gap-2 border-t border-slate-200 px-4 py-3 text-sm"
      aria-label={t("pagination.label")}
    >
      {page > 1 ? (
        <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page - 1)} rel="prev" preventScrollReset>
          {t("pagination.previous")}
        </Link>
      ) : null}
      <span className="text-slate-500">{t("pagination.page", { page, pages })}</span>
      {page < pages ? (
        <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page + 1)} rel="next" preventScrollReset>
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}

export function readPageParam(url: URL, param: string) {
  const value = Number(url.searchParams.get(param) ?? 1);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}
