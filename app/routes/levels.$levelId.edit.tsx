import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LevelEditForm } from "~/components/levels/level-edit-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { LevelEditSchema } from "~/modules/levels/level-form";
import { criterionVocabulary, updateLevel } from "~/modules/levels/ladder.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:level:any");
  const level = await db.skillLevel.findUnique({
    where: { id: params.levelId ?? "" },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  if (!level) notFound("level not found");
  return {
    level: {
      id: level.id,
      code: level.code,
      name: level.name,
      nameEn: level.nameEn,
      payBand: level.payBand,
      duties: level.duties,
      demoteBelow: level.demoteBelow,
      criteria: level.criteria.map((criterion) => ({
        kind: criterion.kind,
        threshold: criterion.threshold === null ? null : Number(criterion.threshold),
        months: criterion.months,
        kpiKey: criterion.kpiKey,
        examSlug: criterion.examSlug,
      })),
    },
    vocabulary: await criterionVocabulary(),
    pageTitle: await pageTitle(request, "levels:edit.title", { code: level.code }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:level:any");
  const submission = parseWithZod(await request.formData(), { schema: LevelEditSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateLevel(params.levelId ?? "", submission.value, {
    id: user.id,
    ipAddress: clientIp(request),
  });
  if (!result.ok) {
    if ("status" in result) notFound("level not found");
    return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  }
  return redirectWithFlash("/levels", { kind: "success", message: "levels:flash.saved" });
}

export default function EditLevelPage() {
  const { t } = useTranslation(["levels", "common"]);
  const { level, vocabulary } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | undefined>;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("edit.title", { code: level.code })}
        description={t("edit.description")}
        actions={
          <Link to="/levels" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <LevelEditForm level={level} vocabulary={vocabulary} errors={errors} formErrors={errors[""]} />
    </div>
  );
}
