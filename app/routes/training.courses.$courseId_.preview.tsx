import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MarkdownContent } from "~/components/markdown";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Duration, VersionStatusBadge } from "~/components/training/courses/badges";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { getVersionPreview } from "~/modules/training/courses/course-queries.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

const VersionParam = z.coerce.number().int().min(1).optional().catch(undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:course:any");
  const requested = VersionParam.parse(new URL(request.url).searchParams.get("version") || undefined);
  const preview = await getVersionPreview(params.courseId ?? "", requested);
  if (!preview) notFound("course version not found");
  return {
    ...preview,
    pageTitle: await pageTitle(request, "training-courses:preview.title", { title: preview.version.title }),
  };
}

export default function CoursePreviewPage() {
  const { t } = useTranslation(["training-courses", "training", "common"]);
  const { course, versions, version } = useLoaderData<typeof loader>();
  let lessonNumber = 0;
  return (
    <div>
      <PageHeader
        title={version.title}
        description={version.summary || undefined}
        actions={
          <>
            <VersionStatusBadge status={version.status} />
            <Link to={`/training/courses/${course.id}`} className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-4">
        <aside className="space-y-4 lg:col-span-1">
          <nav className="card p-4 text-sm" aria-label={t("preview.versions")}>
            <p className="mb-2 font-semibold text-slate-900">{t("preview.versions")}</p>
            <ul className="space-y-1">
              {versions.map((row) => (
                <li key={row.version}>
                  <Link
                    to={`?version=${row.version}`}
                    className={
                      row.version === version.version
                        ? "font-semibold text-slate-900"
                        : "text-brand-700 hover:underline"
                    }
                    aria-current={row.version === version.version ? "page" : undefined}
                  >
                    v{row.version} · {t(`training:versionStatus.${row.status}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <nav className="card p-4 text-sm" aria-label={t("preview.contents")}>
            <p className="mb-2 font-semibold text-slate-900">
              {t("preview.contents")} · <Duration minutes={version.minutes} />
            </p>
            <ol className="space-y-2">
              {version.modules.map((module) => (
                <li key={module.id}>
                  <p className="font-medium text-slate-700">{module.title}</p>
                  <ul className="mt-1 space-y-0.5 pl-3">
                    {module.lessons.map((lesson) => (
                      <li key={lesson.id}>
                        <a href={`#lesson-${lesson.key}`} className="text-brand-700 hover:underline">
                          {lesson.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </nav>
        </aside>
        <div className="space-y-6 lg:col-span-3">
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">
            {t("preview.notice", { version: version.version })}
          </p>
          {version.modules.length === 0 ? (
            <p className="card px-4 py-6 text-center text-sm text-slate-500">{t("editor.noModules")}</p>
          ) : null}
          {version.modules.map((module) => (
            <section key={module.id} className="space-y-4">
              <h2 className="text-lg font-semibold text-slate-900">{module.title}</h2>
              {module.lessons.map((lesson) => {
                lessonNumber += 1;
                return (
                  <article key={lesson.id} id={`lesson-${lesson.key}`} className="card scroll-mt-6 p-6">
                    <header className="mb-4 flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 pb-3">
                      <h3 className="text-base font-semibold text-slate-900">
                        {t("preview.lessonHeading", { n: lessonNumber, title: lesson.title })}
                      </h3>
                      <span className="text-sm text-slate-500">
                        <Duration minutes={lesson.minutes} />
                      </span>
                    </header>
                    {lesson.html ? (
                      <MarkdownContent html={lesson.html} />
                    ) : (
                      <p className="text-sm text-slate-500">{t("lesson.previewEmpty")}</p>
                    )}
                  </article>
                );
              })}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
