import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Icon } from "~/components/icons";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { PeopleTable } from "~/components/people-table";
import { requirePermission } from "~/modules/identity/session.server";
import { searchPeople } from "~/modules/org/directory.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "view:qa-home:any");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const { rows, total } = await searchPeople(q, page, pageSize);
  return {
    pageTitle: await pageTitle(request, "home:qa.title"),
    rows,
    total,
    page,
    pageSize,
    q,
  };
}

export default function QaHome() {
  const { t } = useTranslation(["home", "common"]);
  const { rows, total, page, pageSize, q } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("home:qa.title")} description={t("home:qa.description")} />
      <section className="card overflow-hidden" aria-labelledby="directory">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-4">
          <h2 id="directory" className="font-semibold text-slate-900">
            {t("home:qa.directory")}
          </h2>
          <Form method="get" className="flex w-full gap-2 sm:w-auto" role="search">
            <label htmlFor="q" className="sr-only">
              {t("home:qa.searchLabel")}
            </label>
            <input
              id="q"
              name="q"
              defaultValue={q}
              className="input w-full sm:w-64"
              placeholder={t("home:qa.searchPlaceholder")}
            />
            <button type="submit" className="btn-secondary">
              <Icon name="search" className="h-4 w-4" />
              {t("common:actions.search")}
            </button>
          </Form>
        </div>
        {rows.length === 0 ? (
          <EmptyState icon="search" title={t("common:empty.noResults")} />
        ) : (
          <PeopleTable rows={rows} showTeam />
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
    </div>
  );
}
