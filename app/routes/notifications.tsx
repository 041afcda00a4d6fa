import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "~/modules/notifications/notifications.server";
import { requirePermission } from "~/modules/identity/session.server";
import { notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { safeRedirectPath } from "~/utils/redirect";
import { useFormat } from "~/utils/use-format";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.string().min(1), open: z.string().optional() }),
  z.object({ intent: z.literal("read-all") }),
]);

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:notification:own");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const unreadOnly = url.searchParams.get("filter") === "unread";
  const { rows, total } = await listNotifications(user.id, { page, pageSize, unreadOnly });
  return {
    pageTitle: await pageTitle(request, "notifications:title"),
    rows,
    total,
    page,
    pageSize,
    unreadOnly,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read:notification:own");
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ message: "invalid request" }, { status: 400 });
  if (parsed.data.intent === "read-all") {
    await markAllNotificationsRead(user.id);
    return redirect("/notifications");
  }
  const found = await markNotificationRead(user.id, parsed.data.id);
  if (!found) notFound("notification not found");
  return redirect(safeRedirectPath(parsed.data.open, "/notifications"));
}

export default function NotificationsPage() {
  const { t } = useTranslation(["notifications", "common"]);
  const { rows, total, page, pageSize, unreadOnly } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const format = useFormat();

  return (
    <div>
      <PageHeader
        title={t("notifications:title")}
        actions={
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="btn-secondary">
              {t("notifications:markAllRead")}
            </button>
          </Form>
        }
      />
      <div className="mb-4 flex gap-2 text-sm">
        <Link
          to="/notifications"
          className={`rounded-full px-3 py-1 ${!unreadOnly ? "bg-brand-600 text-white" : "bg-white text-slate-600 ring-1 ring-slate-200"}`}
        >
          {t("notifications:all")}
        </Link>
        <Link
          to={`/notifications?${new URLSearchParams({ ...Object.fromEntries(searchParams), filter: "unread", page: "1" })}`}
          className={`rounded-full px-3 py-1 ${unreadOnly ? "bg-brand-600 text-white" : "bg-white text-slate-600 ring-1 ring-slate-200"}`}
        >
          {t("notifications:unread")}
        </Link>
      </div>
      <div className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon="bell" title={t("notifications:empty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {rows.map((row) => (
              <li key={row.id} className={`flex items-start gap-3 px-5 py-4 ${row.readAt ? "" : "bg-brand-50/40"}`}>
                <span
                  className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${row.readAt ? "bg-transparent" : "bg-brand-500"}`}
                  aria-hidden="true"
                />
                <div className="min-w-0 flex-1">
                  <p className={`text-sm ${row.readAt ? "text-slate-600" : "font-medium text-slate-900"}`}>
                    {t(`notifications:kinds.${row.kind}`, row.params as Record<string, string>)}
                  </p>
                  <p className="mt-0.5 text-xs text-slate-400">{format.relative(row.createdAt)}</p>
                </div>
                <Form method="post" className="shrink-0">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={row.id} />
                  {row.link ? <input type="hidden" name="open" value={row.link} /> : null}
                  <button type="submit" className="btn-ghost px-2 py-1 text-xs">
                    {row.link ? t("notifications:open") : row.readAt ? null : t("notifications:markRead")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </div>
    </div>
  );
}
