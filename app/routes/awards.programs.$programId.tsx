import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgramForm } from "~/components/awards/program-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ProgramFormSchema } from "~/modules/awards/program-form";
import { getProgram, kpiChoices, updateProgram } from "~/modules/awards/programs.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:award-program:any");
  const [program, kpis] = await Promise.all([getProgram(params.programId ?? ""), kpiChoices()]);
  if (!program) notFound("programme not found");
  return { program, kpis, pageTitle: await pageTitle(request, "awards:programAdmin.edit", { name: program.name }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:award-program:any");
  const submission = parseWithZod(await request.formData(), { schema: ProgramFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = params.programId ?? "";
  const result = await updateProgram(id, submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    if (result.status === 400) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    notFound(result.reason);
  }
  return redirectWithFlash(`/awards/programs/${id}`, {
    kind: "success",
    message: result.changed ? "awards:programAdmin.saved" : "awards:programAdmin.noChanges",
  });
}

export default function AwardProgramPage() {
  const { t } = useTranslation(["awards", "common"]);
  const { program, kpis } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("programAdmin.edit", { name: program.name })}
        description={t("programAdmin.editNote", { count: program.cycles })}
        actions={
          <>
            <Link to={`/awards/cycles?programId=${program.id}`} className="btn-ghost">
              {t("programAdmin.cycles")}
            </Link>
            <Link to="/awards/programs" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <ProgramForm key={program.updatedAt} defaults={program} kpis={kpis} lastResult={lastResult} isNew={false} />
    </div>
  );
}
