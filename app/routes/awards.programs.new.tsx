import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NEW_PROGRAM_DEFAULTS, ProgramForm } from "~/components/awards/program-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ProgramFormSchema } from "~/modules/awards/program-form";
import { createProgram, kpiChoices } from "~/modules/awards/programs.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:award-program:any");
  return { kpis: await kpiChoices(), pageTitle: await pageTitle(request, "awards:programAdmin.new") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:award-program:any");
  const submission = parseWithZod(await request.formData(), { schema: ProgramFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createProgram(submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    if (result.status === 400) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    throw data({ message: result.reason }, { status: result.status });
  }
  return redirectWithFlash(`/awards/programs/${result.id}`, {
    kind: "success",
    message: "awards:programAdmin.created",
    params: { name: submission.value.name },
  });
}

export default function NewAwardProgramPage() {
  const { t } = useTranslation(["awards", "common"]);
  const { kpis } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("programAdmin.new")}
        description={t("programAdmin.description")}
        actions={
          <Link to="/awards/programs" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <ProgramForm defaults={NEW_PROGRAM_DEFAULTS} kpis={kpis} lastResult={lastResult} isNew />
    </div>
  );
}
