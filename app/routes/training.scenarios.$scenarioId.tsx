import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { IssuesList } from "~/components/roleplay/editor/issues-list";
import { ScriptOverview } from "~/components/roleplay/editor/script-overview";
import { VersionHistory } from "~/components/roleplay/editor/version-history";
import { ContentStatusBadge, SourceBadge } from "~/components/training/courses/badges";
import { IntentButton } from "~/components/training/courses/intent-button";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import {
  createDraftFromPublished,
  discardScenarioDraft,
  listActiveRubrics,
  loadScenarioOverview,
  publishScenarioDraft,
  setScenarioArchived,
} from "~/modules/roleplay/scenarios.server";
import type { ScriptIssue } from "~/modules/roleplay/validate";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

const OverviewAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("new-draft") }),
  z.object({ intent: z.literal("discard") }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("restore") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:scenario:any");
  const [overview, rubrics] = await Promise.all([loadScenarioOverview(params.scenarioId ?? ""), listActiveRubrics()]);
  if (!overview) notFound("scenario not found");
  const rubricSlug = overview.script?.scoring.rubric;
  return {
    ...overview,
    rubricName: rubrics.find((rubric) => rubric.slug === rubricSlug)?.name ?? null,
    pageTitle: await pageTitle(request, "roleplay:authoring.detail.title", { title: overview.scenario.title }),
  };
}

type ActionResult = { problem: string; issues?: ScriptIssue[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:scenario:any");
  const scenarioId = params.scenarioId ?? "";
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const parsed = OverviewAction.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<ActionResult>({ problem: "roleplay:authoring.errors.badRequest" }, { status: 400 });
  const here = `/training/scenarios/${scenarioId}`;
  const refuse = (result: { status: 400 | 404 | 409; reason: string; issues?: ScriptIssue[] }) => {
    if (result.status === 404) notFound("scenario not found");
    return data<ActionResult>(
      {
        problem: result.issues?.length
          ? "roleplay:authoring.errors.publishBlocked"
          : `roleplay:authoring.errors.${result.reason}`,
        issues: result.issues,
      },
      { status: result.status },
    );
  };
  switch (parsed.data.intent) {
    case "publish": {
      const result = await publishScenarioDraft(scenarioId, actor);
      if (!result.ok) return refuse(result);
      return redirectWithFlash(here, {
        kind: "success",
        message: "roleplay:authoring.flash.published",
        params: { version: result.version },
      });
    }
    case "new-draft": {
      const result = await createDraftFromPublished(scenarioId, actor);
      if (!result.ok) return refuse(result);
      if (!result.created) return redirect(`${here}/edit`);
      return redirectWithFlash(`${here}/edit`, {
        kind: "info",
        message: "roleplay:authoring.flash.draftCreated",
        params: { version: result.version },
      });
    }
    case "discard": {
      const result = await discardScenarioDraft(scenarioId, actor);
      if (!result.ok) return refuse(result);
      return redirectWithFlash(here, { kind: "success", message: "roleplay:authoring.flash.discarded" });
    }
    case "archive":
    case "restore": {
      const result = await setScenarioArchived(scenarioId, parsed.data.intent === "archive", actor);
      if (!result.ok) return refuse(result);
      return redirectWithFlash(here, { kind: "success", message: `roleplay:authoring.flash.${parsed.data.intent}d` });
    }
  }
}

export default function ScenarioOverviewPage() {
  const { t } = useTranslation(["roleplay", "common"]);
  const { scenario, shown, script, issues, hasDraft, versions, rubricName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const archived = scenario.status === "archived";
  const published = versions.some((version) => version.status === "published");
  const blocking = issues.some((issue) => issue.severity === "error");
  return (
    <div className="space-y-4">
      <PageHeader
        title={scenario.title}
        description={`${scenario.slug}${shown ? ` · ${t(`authoring.detail.showing.${shown.status}`, { version: shown.version })}` : ""}`}
        actions={
          <>
            <ContentStatusBadge status={scenario.status} />
            <SourceBadge source={scenario.source} />
            {!archived ? (
              <>
                <Link to={`/training/scenarios/${scenario.id}/test`} className="btn-secondary">
                  {t("authoring.actions.testPlay")}
                </Link>
                {hasDraft ? (
                  <Link to={`/training/scenarios/${scenario.id}/edit`} className="btn-secondary">
                    {t("authoring.actions.continueDraft")}
                  </Link>
                ) : (
                  <IntentButton intent="new-draft" label={t("authoring.actions.newDraft")} className="btn-secondary" />
                )}
                {hasDraft ? (
                  <IntentButton
                    intent="publish"
                    label={t("authoring.actions.publish")}
                    className="btn-primary"
                    confirm={t("authoring.actions.publishConfirm")}
                  />
                ) : null}
                {hasDraft && published ? (
                  <IntentButton
                    intent="discard"
                    label={t("authoring.actions.discard")}
                    className="btn-ghost"
                    confirm={t("authoring.actions.discardConfirm")}
                  />
                ) : null}
                <IntentButton
                  intent="archive"
                  label={t("authoring.actions.archive")}
                  className="btn-ghost"
                  confirm={t("authoring.actions.archiveConfirm")}
                />
              </>
            ) : (
              <IntentButton intent="restore" label={t("authoring.actions.restore")} className="btn-secondary" />
            )}
          </>
        }
      />
      {actionData?.problem ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {t(actionData.problem)}
        </p>
      ) : null}
      {scenario.source === "file" ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-800">
          {t("authoring.detail.fileSource", { slug: scenario.slug })}
        </p>
      ) : null}
      <section aria-label={t("authoring.issues.title")}>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">
          {t("authoring.issues.titleFor", { version: shown?.version ?? "—" })}
        </h2>
        <IssuesList issues={actionData?.issues ?? issues} />
        {hasDraft && blocking ? (
          <p className="mt-1 text-xs text-slate-500">{t("authoring.issues.blocksPublish")}</p>
        ) : null}
      </section>
      {script ? (
        <ScriptOverview script={script} rubricName={rubricName} />
      ) : (
        <p className="card p-5 text-sm text-rose-700">{t("authoring.errors.invalid")}</p>
      )}
      <VersionHistory versions={versions} />
    </div>
  );
}
