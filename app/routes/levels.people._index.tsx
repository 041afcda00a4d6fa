import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { levelOptions } from "~/modules/levels/ladder.server";
import { levelScope, listPeople } from "~/modules/levels/proposals.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:level:team");
  const url = new URL(request.url);
  const filter = {
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 50),
    level: url.searchParams.get("level") ?? "",
  };
  const { page, pageSize } = readPagination(url);
  const [people, levels] = await Promise.all([
    listPeople(levelScope(user, "read")!, filter, page, pageSize),
    levelOptions(),
  ]);
  return { filter, page, pageSize, people, levels, pageTitle: await pageTitle(request, "levels:roster.title") };
}

export default function LevelRosterPage() {
  const { t } = useTranslation(["levels", "common"]);
  const format = useFormat();
  const { filter, page, pageSize, people, levels } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("roster.title")} description={t("roster.description")} />
      <section className="card overflow-hidden">
        <Form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-3" role="search">
          <FilterInput
            id="roster-q"
            name="q"
            type="search"
            label={t("roster.search")}
            defaultValue={filter.q}
            placeholder="A2003"
          />
          <FilterSelect
            id="roster-level"
            name="level"
            label={t("roster.level")}
            defaultValue={filter.level}
            allLabel={t("filters.all")}
            options={[
              ...levels.map((level) => ({ value: level.id, label: `${level.code} ${level.name}` })),
              { value: "none", label: t("people.noLevel") },
            ]}
          />
          <FilterActions />
        </Form>
        {people.rows.length === 0 ? (
          <EmptyState icon="book" title={t("common:empty.noResults")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="level-roster">
                <thead>
                  <tr>
                    <th scope="col">{t("roster.person")}</th>
                    <th scope="col">{t("common:fields.team")}</th>
                    <th scope="col">{t("roster.hireDate")}</th>
                    <th scope="col">{t("people.current")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {people.rows.map((person) => (
                    <tr key={person.id}>
                      <td>
                        <Link to={`/levels/people/${person.id}`} className="font-medium text-brand-700 hover:underline">
                          {person.name}
                        </Link>
                        <span className="ml-2 font-mono text-xs text-slate-500">{person.externalId}</span>
                      </td>
                      <td>{person.team?.name ?? "—"}</td>
                      <td>{person.hireDate ? format.date(person.hireDate, true) : "—"}</td>
                      <td>{person.level ? `${person.level.code} ${person.level.name}` : t("people.noLevel")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={people.total} />
          </>
        )}
      </section>
    </div>
  );
}
