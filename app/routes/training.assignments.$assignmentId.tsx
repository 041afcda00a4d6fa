import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { TargetLabel } from "~/components/training/assignments/badges";
import { RecipientTable } from "~/components/training/assignments/recipient-table";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { assignScope, dueInstant } from "~/modules/training/assignments/assign.server";
import { getAssignmentDetail } from "~/modules/training/assignments/list.server";
import { extendRecipientDue, remindRecipientNow } from "~/modules/training/assignments/reminders.server";
import {
  ExtendDueSchema,
  itemLink,
  RECIPIENT_FILTERS,
  RemindSchema,
  type RecipientFilter,
} from "~/modules/training/assignments/rules";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "assign:learning:team");
  const scope = assignScope(user)!;
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "all";
  const status: RecipientFilter = (RECIPIENT_FILTERS as readonly string[]).includes(statusParam)
    ? (statusParam as RecipientFilter)
    : "all";
  const { page, pageSize } = readPagination(url);
  const detail = await getAssignmentDetail(params.assignmentId ?? "", scope, { status, page, pageSize });
  return { ...detail, status, page, pageSize, pageTitle: await pageTitle(request, "training-assign:detail.title") };
}

const ActionSchema = z.discriminatedUnion("intent", [RemindSchema, ExtendDueSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "assign:learning:team");
  const scope = assignScope(user)!;
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") badRequest("invalid form");
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const back = `/training/assignments/${params.assignmentId}`;
  const value = submission.value;
  if (value.intent === "remind") {
    const result = await remindRecipientNow(value.recipientId, scope, actor);
    return redirectWithFlash(back, {
      kind: result.ok ? "success" : "info",
      message: result.ok
        ? "training-assign:flash.reminded"
        : result.reason === "tooSoon"
          ? "training-assign:flash.remindTooSoon"
          : "training-assign:flash.notOverdue",
    });
  }
  const result = await extendRecipientDue(value.recipientId, dueInstant(value.dueDate)!, scope, actor);
  return redirectWithFlash(back, {
    kind: result.ok ? "success" : "info",
    message: result.ok ? "training-assign:flash.extended" : "training-assign:flash.extendCompleted",
    params: { date: value.dueDate },
  });
}

export default function AssignmentDetailPage() {
  const { t } = useTranslation(["training-assign", "training", "common"]);
  const { assignment, counts, recipients, total, status, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  const rate = counts.total > 0 ? Math.round((counts.completed / counts.total) * 100) : 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title={assignment.item}
        description={`${t(`training:assignmentKind.${assignment.kind}`)} · ${t(`training:assignmentReason.${assignment.reason}`)}`}
        actions={
          <>
            <Link
              to={itemLink(assignment.kind, {
                courseId: assignment.itemId,
                pathId: assignment.itemId,
                examId: assignment.itemId,
              })}
              className="btn-secondary"
            >
              {t("detail.openItem")}
            </Link>
            <Link to="/training/assignments" className="btn-ghost">
              {t("detail.back")}
            </Link>
          </>
        }
      />
      <dl className="card grid gap-4 p-5 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-500">{t("columns.target")}</dt>
          <dd className="mt-1 text-slate-900">
            <TargetLabel
              target={assignment.target}
              targetTeam={assignment.targetTeam}
              targetRole={assignment.targetRole}
              count={counts.total}
            />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("columns.due")}</dt>
          <dd className="mt-1 text-slate-900">{assignment.dueAt ? format.date(assignment.dueAt) : t("noDue")}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("columns.assignedBy")}</dt>
          <dd className="mt-1 text-slate-900">
            {assignment.assignedBy ?? t("system")} · {format.date(assignment.createdAt)}
          </dd>
        </div>
        {assignment.note ? (
          <div className="sm:col-span-2 lg:col-span-4">
            <dt className="text-slate-500">{t("detail.note")}</dt>
            <dd className="mt-1 whitespace-pre-line text-slate-900">{assignment.note}</dd>
          </div>
        ) : null}
      </dl>
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label={t("detail.stats.total")} value={counts.total} />
        <StatCard label={t("detail.stats.completed")} value={counts.completed} />
        <StatCard label={t("detail.stats.overdue")} value={counts.overdue} />
        <StatCard label={t("detail.stats.rate")} value={`${rate}%`} />
      </div>
      <section className="card overflow-hidden" aria-label={t("detail.recipients")}>
        <Form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-4" role="search">
          <FilterSelect
            id="recipient-status"
            name="status"
            label={t("columns.status")}
            defaultValue={status}
            options={RECIPIENT_FILTERS.map((value) => ({ value, label: t(`recipientFilter.${value}`) }))}
          />
          <FilterActions />
        </Form>
        {recipients.length > 0 ? (
          <>
            <RecipientTable rows={recipients} kind={assignment.kind} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        ) : (
          <EmptyState icon="users" title={t("detail.empty")} />
        )}
      </section>
    </div>
  );
}
