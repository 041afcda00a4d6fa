import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Icon } from "~/components/icons";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { listTemplates } from "~/modules/feedback/templates.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:feedback-cycle:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const templates = await listTemplates(page, pageSize);
  return { ...templates, page, pageSize, pageTitle: await pageTitle(request, "feedback:templates.title") };
}

export default function FeedbackTemplatesPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { rows, total, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("templates.title")}
        description={t("templates.intro")}
        actions={
          <Link to="/feedback/templates/new" className="btn-primary">
            <Icon name="plus" className="h-4 w-4" />
            {t("templates.new")}
          </Link>
        }
      />
      <section className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon="clipboard" title={t("templates.empty")} />
        ) : (
          <>
            <table className="table-base">
              <thead>
                <tr>
                  <th scope="col">{t("templates.name")}</th>
                  <th scope="col">{t("templates.competencies")}</th>
                  <th scope="col">{t("templates.usedBy")}</th>
                  <th scope="col">{t("templates.updatedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <Link to={`/feedback/templates/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {row.name}
                      </Link>
                      {row.description ? <p className="text-xs text-slate-500">{row.description}</p> : null}
                    </td>
                    <td>{row.competencies}</td>
                    <td>{t("templates.cycles", { count: row.cycles })}</td>
                    <td>{format.date(row.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </section>
    </div>
  );
}
