import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { ProgressBar } from "./progress-bits";

export type DueRow = {
  id: string;
  kind: "course" | "path" | "exam";
  reason: string;
  title: string;
  href: string;
  dueAt: Date | string | null;
  overdue: boolean;
  daysOverdue: number;
  progress: { done: number; total: number; percent: number } | null;
};

/** Open assignments, soonest due first; overdue ones highlighted. `compact` for the agent home card. */
export function DueList({ rows, compact = false }: { rows: DueRow[]; compact?: boolean }) {
  const { t } = useTranslation(["training-learn", "training"]);
  const format = useFormat();
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((row) => (
        <li
          key={row.id}
          className={`flex flex-wrap items-center gap-3 px-5 py-3 text-sm ${row.overdue ? "bg-rose-50/60" : ""}`}
        >
          <span className="badge bg-slate-100 text-slate-700">{t(`training:assignmentKind.${row.kind}`)}</span>
          <div className="min-w-0 flex-1">
            <Link to={row.href} className="font-medium text-slate-900 hover:text-brand-700">
              {row.title}
            </Link>
            {!compact && row.reason !== "manual" ? (
              <span className="ml-2 text-xs text-slate-500">{t(`training:assignmentReason.${row.reason}`)}</span>
            ) : null}
            {!compact && row.progress ? (
              <div className="mt-1 flex items-center gap-2">
                <div className="w-40">
                  <ProgressBar percent={row.progress.percent} label={t("course.progress")} />
                </div>
                <span className="text-xs text-slate-500">
                  {row.kind === "path"
                    ? t("home.due.pathProgress", { done: row.progress.done, total: row.progress.total })
                    : t("home.due.courseProgress", { done: row.progress.done, total: row.progress.total })}
                </span>
              </div>
            ) : null}
          </div>
          <span className={`shrink-0 text-xs ${row.overdue ? "font-medium text-rose-700" : "text-slate-500"}`}>
            {row.dueAt
              ? row.overdue
                ? `${t("home.due.dueAt", { date: format.date(row.dueAt, true) })} · ${t("home.due.overdue", { count: row.daysOverdue })}`
                : t("home.due.dueAt", { date: format.date(row.dueAt, true) })
              : t("home.due.noDue")}
          </span>
          {!compact ? (
            <Link to={row.href} className="btn-secondary shrink-0 px-3 py-1.5">
              {row.kind === "exam" ? t("home.due.goExam") : t("home.due.goLearn")}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
