import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { EnrollmentBadge, ProgressBar } from "~/components/training/learn/progress-bits";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { COURSE_TYPES } from "~/modules/training/learner/learner";
import { catalogue } from "~/modules/training/learner/learner.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

const PAGE_SIZE = 12;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "learn:course:own");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url, PAGE_SIZE);
  const typeParam = url.searchParams.get("type") ?? "";
  const type = COURSE_TYPES.find((value) => value === typeParam) ?? null;
  const tag = url.searchParams.get("tag")?.trim() || null;
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || null;
  const result = await catalogue(user.id, { type, tag, q }, page, pageSize);
  return {
    pageTitle: await pageTitle(request, "training-learn:catalog.title"),
    ...result,
    page,
    pageSize,
    filter: { type: type ?? "", tag: tag ?? "", q: q ?? "" },
  };
}

export default function CataloguePage() {
  const { t } = useTranslation(["training-learn", "training", "common"]);
  const { rows, total, tags, page, pageSize, filter } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("catalog.title")} description={t("catalog.description")} />
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect
          id="type"
          name="type"
          label={t("catalog.type")}
          allLabel={t("catalog.all")}
          defaultValue={filter.type}
          options={COURSE_TYPES.map((value) => ({ value, label: t(`training:courseType.${value}`) }))}
        />
        <FilterSelect
          id="tag"
          name="tag"
          label={t("catalog.tag")}
          allLabel={t("catalog.all")}
          defaultValue={filter.tag}
          options={tags.map((tag) => ({ value: tag, label: tag }))}
        />
        <FilterInput
          id="q"
          name="q"
          type="search"
          label={t("catalog.q")}
          placeholder={t("catalog.qPlaceholder")}
          defaultValue={filter.q}
        />
        <FilterActions resetTo="/learn/catalog" />
      </Form>
      {rows.length === 0 ? (
        <div className="card">
          <EmptyState icon="book" title={t("catalog.empty")} />
        </div>
      ) : (
        <div className="card overflow-hidden">
          <ul className="grid gap-4 p-4 sm:grid-cols-2 xl:grid-cols-3">
            {rows.map((course) => (
              <li key={course.id} className="flex flex-col rounded-lg border border-slate-200 p-4">
                <div className="flex items-start justify-between gap-2">
                  <span className="badge bg-slate-100 text-slate-700">{t(`training:courseType.${course.type}`)}</span>
                  <EnrollmentBadge status={course.status} />
                </div>
                <Link
                  to={`/learn/courses/${course.id}`}
                  className="mt-2 font-semibold text-slate-900 hover:text-brand-700"
                >
                  {course.title}
                </Link>
                <p className="mt-1 line-clamp-3 flex-1 text-sm text-slate-500">{course.summary}</p>
                <p className="mt-3 text-xs text-slate-500">
                  {t("training:minutes", { count: course.minutes })} · {t("lessonsCount", { count: course.lessons })}
                </p>
                {course.status && course.status !== "not_started" ? (
                  <div className="mt-2">
                    <ProgressBar
                      percent={course.percent}
                      label={t("course.progress")}
                      tone={course.status === "completed" ? "emerald" : "brand"}
                    />
                  </div>
                ) : null}
                {course.tags.length > 0 ? (
                  <div className="mt-3 flex flex-wrap gap-1">
                    {course.tags.map((tag) => (
                      <span key={tag} className="badge bg-brand-50 text-brand-700">
                        {tag}
                      </span>
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={pageSize} total={total} />
        </div>
      )}
    </div>
  );
}
