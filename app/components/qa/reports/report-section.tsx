import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ReportSection({
  id,
  title,
  hint,
  link,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  /** The reviews behind the whole figure. */
  link?: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation("qa-reports");
  return (
    <section id={id} className="card overflow-hidden" aria-labelledby={`${id}-heading`}>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <div>
          <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
        </div>
        {link ? (
          <Link to={link} className="text-sm text-brand-700 hover:underline">
            {t("viewReviews")}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}
