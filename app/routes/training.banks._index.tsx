import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listBanks } from "~/modules/training/banks/banks.server";
import { DIFFICULTIES, QUESTION_TYPES } from "~/modules/training/banks/question-schema";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const [{ rows, total }, title] = await Promise.all([
    listBanks({ page, pageSize }),
    pageTitle(request, "training-banks:list.title"),
  ]);
  return { rows, total, page, pageSize, pageTitle: title };
}

export default function BanksPage() {
  const { t } = useTranslation(["training-banks", "training", "common"]);
  const format = useFormat();
  const { rows, total, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <>
            <a href="/training/banks/template.csv" className="btn-secondary" download>
              {t("list.template")}
            </a>
            <Link to="/training/banks/new" className="btn-primary">
              {t("list.create")}
            </Link>
          </>
        }
      />
      <div className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon="clipboard" title={t("list.emptyTitle")} body={t("list.emptyBody")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="banks-table">
                <thead>
                  <tr>
                    <th scope="col">{t("fields.title")}</th>
                    <th scope="col">{t("list.active")}</th>
                    {QUESTION_TYPES.map((type) => (
                      <th key={type} scope="col">
                        {t(`training:questionType.${type}`)}
                      </th>
                    ))}
                    <th scope="col">{t("list.byDifficulty")}</th>
                    <th scope="col">{t("list.retired")}</th>
                    <th scope="col">{t("common:fields.updatedAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((bank) => (
                    <tr key={bank.id}>
                      <td>
                        <Link to={`/training/banks/${bank.id}`} className="font-medium text-brand-700 hover:underline">
                          {bank.title}
                        </Link>
                        <p className="text-xs text-slate-500">
                          {bank.slug}
                          {bank.source === "file" ? ` · ${t("list.fromFile")}` : ""}
                        </p>
                      </td>
                      <td className="tabular-nums font-medium">{format.number(bank.active)}</td>
                      {QUESTION_TYPES.map((type) => (
                        <td key={type} className="tabular-nums">
                          {format.number(bank.types[type])}
                        </td>
                      ))}
                      <td className="whitespace-nowrap text-sm text-slate-600">
                        {DIFFICULTIES.map(
                          (level) => `${t(`training:difficulty.${level}`)} ${format.number(bank.difficulties[level])}`,
                        ).join(" / ")}
                      </td>
                      <td className="tabular-nums text-slate-500">{format.number(bank.retired)}</td>
                      <td className="text-sm text-slate-500">{format.date(bank.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </div>
    </div>
  );
}
