import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import {
  ContentStatusBadge,
  Duration,
  FileSourceNotice,
  SourceBadge,
  VersionStatusBadge,
} from "~/components/training/courses/badges";
import { IntentButton } from "~/components/training/courses/intent-button";
import { ProblemList } from "~/components/training/courses/problems";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import {
  discardDraft,
  ensureDraft,
  publishDraft,
  setCourseArchived,
} from "~/modules/training/courses/course-authoring.server";
import { getCourseOverview } from "~/modules/training/courses/course-queries.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const OverviewAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("edit") }),
  z.object({ intent: z.literal("publish"), stamp: z.string().min(1) }),
  z.object({ intent: z.literal("discard") }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("unarchive") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:course:any");
  const overview = await getCourseOverview(params.courseId ?? "");
  if (!overview) notFound("course not found");
  return {
    ...overview,
    pageTitle: await pageTitle(request, "training-courses:detail.title", { title: overview.course.title }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:course:any");
  const courseId = params.courseId ?? "";
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const parsed = OverviewAction.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ problems: ["training-courses:errors.badRequest"] }, { status: 400 });
  const here = `/training/courses/${courseId}`;
  switch (parsed.data.intent) {
    case "edit": {
      const result = await ensureDraft(courseId, actor);
      if (!result.ok) {
        if (result.status === 404) notFound("course not found");
        return data({ problems: [`training-courses:errors.${result.reason}`] }, { status: result.status });
      }
      if (!result.created) return redirect(`${here}/edit`);
      return redirectWithFlash(`${here}/edit`, { kind: "info", message: "training-courses:flash.draftCreated" });
    }
    case "publish": {
      const result = await publishDraft(courseId, parsed.data.stamp, actor);
      if (!result.ok) {
        return data(
          { problems: result.problems ?? [`training-courses:errors.${result.reason}`] },
          { status: result.status },
        );
      }
      return redirectWithFlash(here, {
        kind: "success",
        message: "training-courses:flash.published",
        params: { version: result.version, moved: result.movedEnrollments },
      });
    }
    case "discard": {
      const result = await discardDraft(courseId, actor);
      if (!result.ok)
        return data({ problems: [`training-courses:errors.${result.reason}`] }, { status: result.status });
      return redirectWithFlash(here, { kind: "success", message: "training-courses:flash.discarded" });
    }
    case "archive":
    case "unarchive": {
      const result = await setCourseArchived(courseId, parsed.data.intent === "archive", actor);
      if (!result.ok) notFound("course not found");
      return redirectWithFlash(here, { kind: "success", message: `training-courses:flash.${parsed.data.intent}d` });
    }
  }
}

export default function CourseOverviewPage() {
  const { t } = useTranslation(["training-courses", "training", "common"]);
  const format = useFormat();
  const { course, versions, totals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const draft = versions.find((version) => version.status === "draft") ?? null;
  const published = versions.find((version) => version.status === "published") ?? null;
  const archived = course.status === "archived";
  return (
    <div>
      <PageHeader
        title={course.title}
        description={course.summary || undefined}
        actions={
          <>
            <ContentStatusBadge status={course.status} />
            <SourceBadge source={course.source} />
            {!archived ? (
              <IntentButton
                intent="edit"
                label={draft ? t("detail.continueDraft", { version: draft.version }) : t("detail.edit")}
                className="btn-secondary"
              />
            ) : null}
            {draft ? (
              <IntentButton
                intent="publish"
                stamp={draft.stamp}
                label={t("detail.publish", { version: draft.version })}
                className="btn-primary"
                confirm={published ? t("detail.publishConfirm", { version: draft.version }) : undefined}
              />
            ) : null}
            {archived ? (
              <IntentButton intent="unarchive" label={t("detail.unarchive")} className="btn-secondary" />
            ) : (
              <IntentButton
                intent="archive"
                label={t("detail.archive")}
                className="btn-ghost"
                confirm={t("detail.archiveConfirm")}
              />
            )}
            <Link to="/training/courses" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <div className="space-y-4">
        <ProblemList problems={actionData?.problems} />
        {archived ? (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            {t("detail.archivedNotice", { date: format.date(course.archivedAt) })}
          </p>
        ) : null}
        {course.source === "file" ? <FileSourceNotice kind="course" /> : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label={t("fields.type")} value={t(`training:courseType.${course.type}`)} />
          <StatCard
            label={t("detail.currentVersion")}
            value={published ? `v${published.version}` : "—"}
            hint={
              published
                ? t("detail.publishedOn", { date: format.date(published.publishedAt) })
                : t("detail.neverPublished")
            }
          />
          <StatCard
            label={t("list.duration")}
            value={<Duration minutes={(published ?? draft)?.minutes ?? 0} />}
            hint={t("detail.lessonsHint", { count: (published ?? draft)?.lessons ?? 0 })}
          />
          <StatCard
            label={t("list.learners")}
            value={format.number(totals.enrolled)}
            hint={t("detail.learnersHint", {
              inProgress: format.number(totals.inProgress),
              completed: format.number(totals.completed),
            })}
          />
        </div>
        <section className="card overflow-hidden">
          <header className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <h2 className="text-sm font-semibold text-slate-900">{t("detail.versions")}</h2>
            <p className="text-xs text-slate-500">{t("detail.versionPolicy")}</p>
          </header>
          <div className="overflow-x-auto">
            <table className="table-base" data-testid="course-versions">
              <thead>
                <tr>
                  <th scope="col">{t("list.version")}</th>
                  <th scope="col">{t("common:fields.status")}</th>
                  <th scope="col">{t("detail.structure")}</th>
                  <th scope="col">{t("list.duration")}</th>
                  <th scope="col">{t("detail.enrolled")}</th>
                  <th scope="col">{t("detail.published")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("detail.preview")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {versions.map((version) => (
                  <tr key={version.id}>
                    <td className="font-medium">
                      v{version.version}
                      {version.fromFile ? (
                        <span className="ml-1 text-xs font-normal text-slate-400">{t("detail.fromFile")}</span>
                      ) : null}
                    </td>
                    <td>
                      <VersionStatusBadge status={version.status} />
                    </td>
                    <td className="text-sm">
                      {t("detail.structureValue", { modules: version.modules, lessons: version.lessons })}
                    </td>
                    <td className="whitespace-nowrap text-sm">
                      <Duration minutes={version.minutes} />
                    </td>
                    <td className="whitespace-nowrap text-sm tabular-nums">
                      {t("detail.enrolledValue", {
                        notStarted: format.number(version.enrolled - version.inProgress - version.completed),
                        inProgress: format.number(version.inProgress),
                        completed: format.number(version.completed),
                      })}
                    </td>
                    <td className="text-sm text-slate-500">
                      {version.publishedAt
                        ? `${format.date(version.publishedAt)}${version.publishedBy ? ` · ${version.publishedBy}` : ""}`
                        : t("detail.createdOn", { date: format.date(version.createdAt) })}
                    </td>
                    <td className="whitespace-nowrap text-right text-sm">
                      <Link
                        to={`/training/courses/${course.id}/preview?version=${version.version}`}
                        className="text-brand-700 hover:underline"
                      >
                        {t("detail.preview")}
                      </Link>
                      {version.status === "draft" ? (
                        <Link
                          to={`/training/courses/${course.id}/edit`}
                          className="ml-3 text-brand-700 hover:underline"
                        >
                          {t("detail.openEditor")}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {draft ? (
            <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-4 py-3">
              <p className="text-sm text-slate-600">{t("detail.draftNotice", { version: draft.version })}</p>
              {versions.length > 1 ? (
                <IntentButton
                  intent="discard"
                  label={t("detail.discard")}
                  className="btn-danger"
                  confirm={t("detail.discardConfirm", { version: draft.version })}
                />
              ) : null}
            </div>
          ) : null}
        </section>
        <dl className="card grid gap-4 p-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("fields.slug")}</dt>
            <dd className="font-mono">{course.slug}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("fields.tags")}</dt>
            <dd>{course.tags.length ? course.tags.join("、") : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("detail.createdBy")}</dt>
            <dd>
              {course.createdBy ?? (course.source === "file" ? t("source.file") : "—")} ·{" "}
              {format.date(course.createdAt)}
            </dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
