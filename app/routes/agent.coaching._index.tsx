import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { CoachingStatusBadge, OutcomeBadge } from "~/components/qa/coaching/badges";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { isOverdue, type CoachingStatus } from "~/modules/qa/coaching/coaching";
import { listAgentTasks } from "~/modules/qa/coaching/coaching.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "complete:coaching:own");
  const { page, pageSize } = readPagination(new URL(request.url));
  const tasks = await listAgentTasks(user.id, page, pageSize);
  return { ...tasks, page, pageSize, pageTitle: await pageTitle(request, "qa-coaching:mine.title") };
}

type Row = {
  id: string;
  title: string;
  status: CoachingStatus;
  dueAt: string;
  completedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  resourceTitle: string | null;
};

function TaskItem({ task }: { task: Row }) {
  const { t } = useTranslation("qa-coaching");
  const format = useFormat();
  const overdue = isOverdue(task, format.now);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div>
        <Link to={`/agent/coaching/${task.id}`} className="font-medium text-brand-700 hover:underline">
          {task.title}
        </Link>
        {task.resourceTitle ? <p className="mt-0.5 text-xs text-slate-500">{task.resourceTitle}</p> : null}
      </div>
      <div className="flex items-center gap-3 text-sm">
        <span className={overdue ? "font-medium text-rose-600" : "text-slate-500"}>
          {task.status === "open"
            ? t("mine.dueOn", { date: format.date(task.dueAt) })
            : t("mine.doneOn", { date: format.date(task.closedAt ?? task.completedAt) })}
        </span>
        <CoachingStatusBadge status={task.status} overdue={overdue} />
        <OutcomeBadge outcome={task.outcome} />
      </div>
    </li>
  );
}

export default function MyCoachingPage() {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const { current, history, historyTotal, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("mine.title")} description={t("mine.description")} />
      <section className="card overflow-hidden" aria-labelledby="current-heading">
        <h2 id="current-heading" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("mine.current")}
        </h2>
        {current.length > 0 ? (
          <ul className="divide-y divide-slate-100" data-testid="my-coaching-current">
            {current.map((task) => (
              <TaskItem key={task.id} task={task} />
            ))}
          </ul>
        ) : (
          <EmptyState icon="check" title={t("mine.noneOpen")} body={t("mine.noneOpenBody")} />
        )}
      </section>
      {historyTotal > 0 ? (
        <section className="card overflow-hidden" aria-labelledby="history-heading">
          <h2
            id="history-heading"
            className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900"
          >
            {t("mine.history")}
          </h2>
          <ul className="divide-y divide-slate-100">
            {history.map((task) => (
              <TaskItem key={task.id} task={task} />
            ))}
          </ul>
          <Pagination page={page} pageSize={pageSize} total={historyTotal} />
        </section>
      ) : null}
    </div>
  );
}
