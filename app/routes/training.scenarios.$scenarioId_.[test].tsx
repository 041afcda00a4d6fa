// The file name escapes "test" ([test]): remix.config.js ignores route files ending in .test.tsx.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { IssuesList } from "~/components/roleplay/editor/issues-list";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { testPlayTarget } from "~/modules/roleplay/scenarios.server";
import { startRolePlaySession } from "~/modules/roleplay/sessions.server";
import { hasBlockingIssues } from "~/modules/roleplay/validate";
import { conflict, notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

async function loadTarget(scenarioId: string) {
  const target = await testPlayTarget(scenarioId);
  if (!target) notFound("scenario not found");
  return target;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:scenario:any");
  const target = await loadTarget(params.scenarioId ?? "");
  return {
    ...target,
    playable: Boolean(target.version) && !hasBlockingIssues(target.issues),
    pageTitle: await pageTitle(request, "roleplay:authoring.test.title", { title: target.scenario.title }),
  };
}

/** Test-play: a `test` session of the draft (or the published version); it never counts in anyone's progress. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:scenario:any");
  const target = await loadTarget(params.scenarioId ?? "");
  if (!target.version) conflict("this scenario has no version to play");
  // A script with errors (a transition to a missing node …) cannot be played; the page lists what to fix.
  if (hasBlockingIssues(target.issues)) conflict("fix the script's errors before test-playing it");
  const { sessionId } = await startRolePlaySession({
    userId: user.id,
    scenarioId: target.scenario.id,
    mode: "test",
    versionId: target.version.id,
  });
  return redirect(`/learn/roleplay/sessions/${sessionId}`);
}

export default function ScenarioTestPage() {
  const { t } = useTranslation(["roleplay", "common"]);
  const { scenario, version, issues, playable } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title={t("authoring.test.title", { title: scenario.title })}
        description={version ? t(`authoring.test.version.${version.status}`, { version: version.version }) : undefined}
        actions={
          <Link to={`/training/scenarios/${scenario.id}`} className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <div className="card space-y-3 p-6">
        <p className="text-sm text-slate-700">{t("authoring.test.explain")}</p>
        <ul className="list-inside list-disc text-sm text-slate-600">
          <li>{t("authoring.test.hints")}</li>
          <li>{t("authoring.test.notCounted")}</li>
          <li>{t("authoring.test.reload")}</li>
        </ul>
        <IssuesList issues={issues} />
        {playable ? (
          <Form method="post" className="flex justify-end">
            <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
              {t("authoring.test.start")}
            </button>
          </Form>
        ) : (
          <p role="alert" className="text-sm text-rose-700">
            {version ? t("authoring.test.blocked") : t("authoring.test.noVersion")}
          </p>
        )}
      </div>
    </div>
  );
}
