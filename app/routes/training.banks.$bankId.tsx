import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { Field } from "~/components/field";
import { FilterInput, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import {
  BankFieldsSchema,
  bankCategories,
  getBank,
  listQuestions,
  updateBank,
} from "~/modules/training/banks/banks.server";
import { DIFFICULTIES, QUESTION_TYPES } from "~/modules/training/banks/question-schema";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const Filters = z.object({
  type: z.enum(QUESTION_TYPES).optional().catch(undefined),
  difficulty: z.enum(DIFFICULTIES).optional().catch(undefined),
  category: z.string().trim().max(60).optional().catch(undefined),
  state: z.enum(["active", "retired", "all"]).catch("active"),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  const url = new URL(request.url);
  const filters = Filters.parse({
    type: url.searchParams.get("type") || undefined,
    difficulty: url.searchParams.get("difficulty") || undefined,
    category: url.searchParams.get("category") || undefined,
    state: url.searchParams.get("state") || "active",
    q: url.searchParams.get("q") || undefined,
  });
  const { page, pageSize } = readPagination(url);
  const [{ rows, total }, categories, title] = await Promise.all([
    listQuestions(
      bank.id,
      { ...filters, active: filters.state === "all" ? undefined : filters.state === "active" },
      { page, pageSize },
    ),
    bankCategories(bank.id),
    pageTitle(request, "training-banks:detail.title", { title: bank.title }),
  ]);
  return { bank, rows, total, page, pageSize, categories, filters, pageTitle: title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:question-bank:any");
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  const form = await request.formData();
  const parsed = BankFieldsSchema.omit({ slug: true }).safeParse({
    title: form.get("title"),
    description: form.get("description") ?? "",
  });
  if (!parsed.success) {
    return data({ fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> }, { status: 400 });
  }
  await updateBank(bank.id, parsed.data, { id: user.id, ipAddress: clientIp(request) });
  return redirectWithFlash(`/training/banks/${bank.id}`, {
    kind: "success",
    message: "training-banks:flash.bankSaved",
    params: { title: parsed.data.title },
  });
}

export default function BankPage() {
  const { t } = useTranslation(["training-banks", "training", "common"]);
  const format = useFormat();
  const { bank, rows, total, page, pageSize, categories, filters } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors ?? {};
  const filtered = !!(
    filters.type ||
    filters.difficulty ||
    filters.category ||
    filters.q ||
    filters.state !== "active"
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={bank.title}
        description={t("detail.description", { slug: bank.slug })}
        actions={
          <>
            <Link to={`/training/banks/${bank.id}/import`} className="btn-secondary">
              {t("common:actions.import")}
            </Link>
            <a href={`/training/banks/${bank.id}/export.csv`} className="btn-secondary" download>
              {t("detail.exportCsv")}
            </a>
            <a href={`/training/banks/${bank.id}/export.yaml`} className="btn-secondary" download>
              {t("detail.exportYaml")}
            </a>
            <Link to={`/training/banks/${bank.id}/questions/new`} className="btn-primary">
              {t("detail.newQuestion")}
            </Link>
          </>
        }
      />
      {bank.source === "file" ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-800">
          {t("detail.fileNotice")}
        </p>
      ) : null}
      <details className="card p-5">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("detail.editBank")}</summary>
        <Form method="post" className="mt-4 grid gap-4 md:grid-cols-2">
          <Field id="bank-title" label={t("fields.title")} errors={errors.title}>
            <input id="bank-title" name="title" className="input" defaultValue={bank.title} required maxLength={100} />
          </Field>
          <Field id="bank-description" label={t("fields.description")} errors={errors.description}>
            <textarea
              id="bank-description"
              name="description"
              className="input"
              defaultValue={bank.description}
              maxLength={2000}
            />
          </Field>
          <div className="md:col-span-2">
            <button type="submit" className="btn-primary">
              {t("common:actions.save")}
            </button>
          </div>
        </Form>
      </details>
      <div className="card overflow-hidden">
        <Form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-4" role="search">
          <FilterInput id="filter-q" name="q" label={t("detail.search")} defaultValue={filters.q ?? ""} />
          <FilterSelect
            id="filter-type"
            name="type"
            label={t("fields.type")}
            defaultValue={filters.type ?? ""}
            allLabel={t("detail.all")}
            options={QUESTION_TYPES.map((value) => ({ value, label: t(`training:questionType.${value}`) }))}
          />
          <FilterSelect
            id="filter-category"
            name="category"
            label={t("fields.category")}
            defaultValue={filters.category ?? ""}
            allLabel={t("detail.all")}
            options={categories.map((entry) => ({
              value: entry.category,
              label: `${entry.category} (${entry.count})`,
            }))}
          />
          <FilterSelect
            id="filter-difficulty"
            name="difficulty"
            label={t("fields.difficulty")}
            defaultValue={filters.difficulty ?? ""}
            allLabel={t("detail.all")}
            options={DIFFICULTIES.map((value) => ({ value, label: t(`training:difficulty.${value}`) }))}
          />
          <FilterSelect
            id="filter-state"
            name="state"
            label={t("fields.state")}
            defaultValue={filters.state}
            options={(["active", "retired", "all"] as const).map((value) => ({ value, label: t(`state.${value}`) }))}
          />
          <button type="submit" className="btn-primary">
            {t("common:actions.filter")}
          </button>
          <Link to="?" className="btn-ghost">
            {t("common:actions.reset")}
          </Link>
        </Form>
        {rows.length === 0 ? (
          <EmptyState
            icon="clipboard"
            title={filtered ? t("common:empty.noResults") : t("detail.emptyTitle")}
            body={filtered ? undefined : t("detail.emptyBody")}
          />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="questions-table">
                <thead>
                  <tr>
                    <th scope="col">{t("fields.key")}</th>
                    <th scope="col">{t("fields.stem")}</th>
                    <th scope="col">{t("fields.type")}</th>
                    <th scope="col">{t("fields.category")}</th>
                    <th scope="col">{t("fields.difficulty")}</th>
                    <th scope="col">{t("fields.points")}</th>
                    <th scope="col">{t("fields.state")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((question) => (
                    <tr key={question.id} className={question.active ? "" : "text-slate-400"}>
                      <td className="whitespace-nowrap font-mono text-xs">
                        <Link
                          to={`/training/banks/${bank.id}/questions/${question.id}`}
                          className="text-brand-700 hover:underline"
                        >
                          {question.key}
                        </Link>
                      </td>
                      <td className="max-w-md text-sm">{question.stem}</td>
                      <td className="whitespace-nowrap text-sm">{t(`training:questionType.${question.type}`)}</td>
                      <td className="text-sm">{question.category}</td>
                      <td className="whitespace-nowrap text-sm">{t(`training:difficulty.${question.difficulty}`)}</td>
                      <td className="tabular-nums">{format.number(question.points)}</td>
                      <td>
                        <span
                          className={
                            question.active
                              ? "badge bg-emerald-50 text-emerald-700"
                              : "badge bg-slate-100 text-slate-500"
                          }
                        >
                          {t(question.active ? "state.active" : "state.retired")}
                        </span>
                      </td>
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
