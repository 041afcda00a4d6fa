import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ContentStatusBadge, FileSourceNotice } from "~/components/training/courses/badges";
import { ProblemList } from "~/components/training/courses/problems";
import { PathCourses } from "~/components/training/paths/path-courses";
import { PathFieldsForm } from "~/components/training/paths/path-fields";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { PathEditSchema } from "~/modules/training/paths/path-rules";
import { applyPathEdit, getPathForEditing } from "~/modules/training/paths/paths.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:learning-path:any");
  const editing = await getPathForEditing(params.pathId ?? "");
  if (!editing) notFound("learning path not found");
  return {
    ...editing,
    pageTitle: await pageTitle(request, "training-courses:paths.detail.title", { title: editing.path.title }),
  };
}

const FLASH: Record<string, string> = {
  fields: "training-courses:flash.pathSaved",
  "add-course": "training-courses:flash.pathSaved",
  "move-course": "training-courses:flash.pathSaved",
  "remove-course": "training-courses:flash.pathSaved",
  publish: "training-courses:flash.pathPublished",
  archive: "training-courses:flash.pathArchived",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:learning-path:any");
  const pathId = params.pathId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: PathEditSchema });
  if (submission.status !== "success") {
    return data({ form: submission.reply(), problems: null }, { status: 400 });
  }
  const result = await applyPathEdit(pathId, submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    if (result.status === 404 && result.reason === "notFound" && submission.value.intent !== "add-course") {
      notFound("learning path or course not found");
    }
    return data(
      { form: submission.reply(), problems: result.problems ?? [`training-courses:errors.${result.reason}`] },
      { status: result.status },
    );
  }
  return redirectWithFlash(`/training/paths/${pathId}`, { kind: "success", message: FLASH[submission.value.intent]! });
}

function StatusButton({
  intent,
  stamp,
  label,
  className,
}: {
  intent: string;
  stamp: string;
  label: string;
  className: string;
}) {
  const navigation = useNavigation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="stamp" value={stamp} />
      <button type="submit" className={className} disabled={navigation.state === "submitting"}>
        {label}
      </button>
    </Form>
  );
}

export default function PathPage() {
  const { t } = useTranslation(["training-courses", "common"]);
  const { path, courses, hours, problems, available, teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fieldsResult = actionData?.form && actionData.form.initialValue?.intent === "fields" ? actionData.form : null;
  return (
    <div>
      <PageHeader
        title={path.title}
        description={path.description || undefined}
        actions={
          <>
            <ContentStatusBadge status={path.status} />
            {path.status !== "published" ? (
              <StatusButton intent="publish" stamp={path.stamp} label={t("paths.publish")} className="btn-primary" />
            ) : null}
            {path.status !== "archived" ? (
              <StatusButton intent="archive" stamp={path.stamp} label={t("paths.archive")} className="btn-ghost" />
            ) : null}
            <Link to="/training/paths" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <div className="space-y-4">
        <ProblemList problems={actionData?.problems} />
        {path.source === "file" ? <FileSourceNotice kind="path" /> : null}
        {path.status !== "published" && problems.length > 0 && !actionData?.problems ? (
          <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
            <p className="font-medium">{t("paths.notReady")}</p>
            <ul className="mt-1 list-inside list-disc">
              {problems.map((problem) => (
                <li key={problem.key + JSON.stringify(problem.params ?? {})}>{t(problem.key, problem.params)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {path.status === "published" ? (
          <p className="text-sm text-slate-600">{t("paths.publishedNotice", { count: path.assignments })}</p>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-5">
          <div className="lg:col-span-3">
            <PathCourses
              stamp={path.stamp}
              courses={courses}
              available={available}
              hours={hours}
              requiredHours={path.requiredHours}
            />
          </div>
          <div className="lg:col-span-2">
            <PathFieldsForm
              values={path}
              teams={teams}
              stamp={path.stamp}
              lastResult={fieldsResult}
              submitLabel={t("common:actions.save")}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
