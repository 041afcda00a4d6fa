import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { Icon } from "~/components/icons";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { TargetLabel } from "~/components/training/assignments/badges";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { assignScope } from "~/modules/training/assignments/assign.server";
import { listAssignments, readAssignmentFilter } from "~/modules/training/assignments/list.server";
import { ASSIGNMENT_KINDS } from "~/modules/training/assignments/rules";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const REASONS = ["manual", "new_hire", "remediation", "renewal"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "assign:learning:team");
  const scope = assignScope(user)!;
  const url = new URL(request.url);
  const filter = readAssignmentFilter(url);
  const { page, pageSize } = readPagination(url);
  const list = await listAssignments(scope, filter, page, pageSize);
  return { filter, page, pageSize, ...list, pageTitle: await pageTitle(request, "training-assign:list.title") };
}

export default function AssignmentsPage() {
  const { t } = useTranslation(["training-assign", "training", "common"]);
  const { filter, page, pageSize, rows, total } = useLoaderData<typeof loader>();
  const format = useFormat();
  const filtered = Boolean(filter.kind || filter.reason || filter.q || filter.overdue);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <Link to="/training/assignments/new" className="btn-primary">
            <Icon name="plus" className="h-4 w-4" />
            {t("list.new")}
          </Link>
        }
      />
      <section className="card overflow-hidden" aria-label={t("list.label")}>
        <Form
          method="get"
          className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-5"
          role="search"
        >
          <FilterSelect
            id="assignment-kind"
            name="kind"
            label={t("filters.kind")}
            defaultValue={filter.kind ?? ""}
            allLabel={t("filters.allKinds")}
            options={ASSIGNMENT_KINDS.map((kind) => ({ value: kind, label: t(`training:assignmentKind.${kind}`) }))}
          />
          <FilterSelect
            id="assignment-reason"
            name="reason"
            label={t("filters.reason")}
            defaultValue={filter.reason ?? ""}
            allLabel={t("filters.allReasons")}
            options={REASONS.map((reason) => ({ value: reason, label: t(`training:assignmentReason.${reason}`) }))}
          />
          <FilterInput
            id="assignment-q"
            name="q"
            type="search"
            label={t("filters.q")}
            defaultValue={filter.q ?? ""}
            placeholder={t("filters.qPlaceholder")}
          />
          <label className="inline-flex items-end gap-2 pb-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="overdue"
              value="1"
              defaultChecked={filter.overdue}
              className="h-4 w-4 rounded border-slate-300 text-brand-600"
            />
            {t("filters.overdueOnly")}
          </label>
          <FilterActions />
        </Form>
        {rows.length > 0 ? (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="assignments">
                <thead>
                  <tr>
                    <th scope="col">{t("columns.item")}</th>
                    <th scope="col">{t("columns.target")}</th>
                    <th scope="col">{t("columns.due")}</th>
                    <th scope="col" className="text-right">
                      {t("columns.recipients")}
                    </th>
                    <th scope="col" className="text-right">
                      {t("columns.completed")}
                    </th>
                    <th scope="col" className="text-right">
                      {t("columns.overdue")}
                    </th>
                    <th scope="col">{t("columns.assignedBy")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <Link
                          to={`/training/assignments/${row.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {row.item}
                        </Link>
                        <span className="mt-0.5 flex flex-wrap gap-1">
                          <span className="badge bg-slate-100 text-slate-600">
                            {t(`training:assignmentKind.${row.kind}`)}
                          </span>
                          {row.reason !== "manual" ? (
                            <span className="badge bg-violet-50 text-violet-700">
                              {t(`training:assignmentReason.${row.reason}`)}
                            </span>
                          ) : null}
                        </span>
                      </td>
                      <td>
                        <TargetLabel
                          target={row.target}
                          targetTeam={row.targetTeam}
                          targetRole={row.targetRole}
                          count={row.counts.total}
                        />
                      </td>
                      <td className="tabular-nums">{row.dueAt ? format.date(row.dueAt) : t("noDue")}</td>
                      <td className="text-right tabular-nums">{row.counts.total}</td>
                      <td className="text-right tabular-nums">{row.counts.completed}</td>
                      <td
                        className={`text-right tabular-nums ${row.counts.overdue > 0 ? "font-semibold text-rose-700" : ""}`}
                      >
                        {row.counts.overdue}
                      </td>
                      <td>
                        {row.assignedBy ?? t("system")}
                        <span className="block text-xs text-slate-500">{format.date(row.createdAt)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        ) : (
          <EmptyState
            icon="users"
            title={filtered ? t("common:empty.noResults") : t("list.empty.title")}
            body={filtered ? undefined : t("list.empty.body")}
          />
        )}
      </section>
    </div>
  );
}
