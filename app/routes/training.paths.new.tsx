import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { PathFieldsForm } from "~/components/training/paths/path-fields";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { CreatePathSchema } from "~/modules/training/paths/path-rules";
import { createPath, listTeamOptions } from "~/modules/training/paths/paths.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:learning-path:any");
  return {
    teams: await listTeamOptions(),
    pageTitle: await pageTitle(request, "training-courses:paths.new.title"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:learning-path:any");
  const submission = parseWithZod(await request.formData(), { schema: CreatePathSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createPath(submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    const field = result.reason === "slugTaken" ? "slug" : "audienceTeamIds";
    return data(submission.reply({ fieldErrors: { [field]: [`training-courses:errors.${result.reason}`] } }), {
      status: result.status,
    });
  }
  return redirectWithFlash(`/training/paths/${result.pathId}`, {
    kind: "success",
    message: "training-courses:flash.pathCreated",
    params: { title: submission.value.title },
  });
}

export default function NewPathPage() {
  const { t } = useTranslation(["training-courses", "common"]);
  const { teams } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("paths.new.title")}
        description={t("paths.new.description")}
        actions={
          <Link to="/training/paths" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <PathFieldsForm
        values={{
          title: "",
          description: "",
          audienceRoles: ["agent"],
          audienceTeamIds: [],
          audienceLevel: null,
          requiredHours: null,
          autoAssignNewHires: false,
          dueDays: null,
        }}
        teams={teams}
        lastResult={lastResult}
        submitLabel={t("paths.new.submit")}
      />
    </div>
  );
}
