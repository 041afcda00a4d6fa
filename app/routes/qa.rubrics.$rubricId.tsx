import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { RubricStatusActions, RubricStatusBadge } from "~/components/qa/rubric-builder/rubric-status";
import { RubricVersionView } from "~/components/qa/rubric-builder/rubric-view";
import { ScorePreview } from "~/components/qa/rubric-builder/score-preview";
import { VersionHistory } from "~/components/qa/rubric-builder/version-history";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission, userCan } from "~/modules/identity/session.server";
import { nextStatuses, RUBRIC_STATUSES } from "~/modules/qa/rubrics/rubric-schema";
import { loadRubricVersion } from "~/modules/qa/rubrics/rubric-version.server";
import { getRubricSummary, listRubricVersions, setRubricStatus } from "~/modules/qa/rubrics/rubrics.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

const VersionParam = z.coerce.number().int().min(1).optional().catch(undefined);
const StatusForm = z.object({ intent: z.literal("status"), status: z.enum(RUBRIC_STATUSES) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:rubric:any");
  const rubricId = params.rubricId ?? "";
  const rubric = await getRubricSummary(rubricId);
  if (!rubric) notFound("rubric not found");
  const versions = await listRubricVersions(rubricId);
  const current = versions[0]?.version ?? 0;
  const requested = VersionParam.parse(new URL(request.url).searchParams.get("version") || undefined) ?? current;
  const shown = versions.find((row) => row.version === requested);
  if (!shown) notFound("rubric version not found");
  const version = await loadRubricVersion(shown.id);
  if (!version) notFound("rubric version not found");
  const canManage = userCan(user, "manage:rubric:any");
  return {
    rubric: {
      id: rubric.id,
      slug: rubric.slug,
      name: rubric.name,
      description: rubric.description,
      status: rubric.status,
    },
    version: {
      version: version.version,
      passMark: version.passMark,
      channels: version.channels,
      sections: version.sections,
    },
    versions,
    current,
    canManage,
    nextStatuses: canManage ? nextStatuses(rubric.status) : [],
    pageTitle: await pageTitle(request, "qa-rubrics:detail.title", { name: rubric.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:rubric:any");
  const parsed = StatusForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ formErrors: ["qa-rubrics:errors.badRequest"] }, { status: 400 });
  const rubricId = params.rubricId ?? "";
  const result = await setRubricStatus(rubricId, parsed.data.status, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    if (result.status === 404) notFound("rubric not found");
    return data({ formErrors: [`qa-rubrics:errors.${result.reason}`] }, { status: result.status });
  }
  return redirectWithFlash(`/qa/rubrics/${rubricId}`, {
    kind: "success",
    message: `qa-rubrics:flash.status.${parsed.data.status}`,
  });
}

export default function RubricPage() {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const { rubric, version, versions, current, canManage, nextStatuses: next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const criteria = version.sections.flatMap((section) => section.criteria);
  const redLines = criteria.filter((criterion) => criterion.critical).length;
  const bonuses = criteria.filter((criterion) => criterion.bonus).length;
  return (
    <div>
      <PageHeader
        title={rubric.name}
        description={rubric.description ?? undefined}
        actions={
          <>
            <RubricStatusBadge status={rubric.status} />
            {canManage ? (
              <Link to={`/qa/rubrics/${rubric.id}/edit`} className="btn-secondary">
                {t("detail.edit")}
              </Link>
            ) : null}
            <RubricStatusActions next={next} />
            <Link to="/qa/rubrics" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <div className="space-y-4">
        <FormError errors={actionData?.formErrors} />
        {version.version !== current ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {t("detail.oldVersion", { version: version.version, current })}{" "}
            <Link to="?" className="font-medium underline">
              {t("detail.showCurrent")}
            </Link>
          </p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label={t("detail.version")} value={`v${version.version}`} />
          <StatCard label={t("fields.passMark")} value={version.passMark} />
          <StatCard
            label={t("detail.criteria")}
            value={criteria.length}
            hint={t("detail.criteriaHint", { redLines, bonuses })}
          />
          <StatCard
            label={t("fields.channels")}
            value={
              version.channels.length
                ? version.channels.map((channel) => t(`channels.${channel}`)).join("、")
                : t("channels.all")
            }
          />
        </div>
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <RubricVersionView sections={version.sections} />
          </div>
          <div className="space-y-4">
            <ScorePreview key={version.version} sections={version.sections} passMark={version.passMark} />
            <VersionHistory versions={versions} shown={version.version} current={current} />
          </div>
        </div>
      </div>
    </div>
  );
}
