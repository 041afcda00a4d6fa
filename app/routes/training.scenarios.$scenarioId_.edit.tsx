import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { IssuesList } from "~/components/roleplay/editor/issues-list";
import { ScenarioEditor, YamlPanel } from "~/components/roleplay/editor/scenario-editor";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { parseScriptYaml, scriptToYaml } from "~/modules/roleplay/authoring-yaml";
import {
  parseEditorForm,
  scriptToEditorValues,
  type EditorValues,
  type FieldErrors,
} from "~/modules/roleplay/authoring";
import { listActiveRubrics, loadScenarioForEditing, saveScenarioDraft } from "~/modules/roleplay/scenarios.server";
import type { Script } from "~/modules/roleplay/script";
import { redirectWithFlash } from "~/utils/flash.server";
import { conflict, notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:scenario:any");
  const [editing, rubrics] = await Promise.all([loadScenarioForEditing(params.scenarioId ?? ""), listActiveRubrics()]);
  if (!editing) notFound("scenario not found");
  if (!editing.script) conflict("the stored script no longer matches the script format");
  if (editing.scenario.status === "archived") conflict("restore the scenario before editing it");
  return {
    scenario: editing.scenario,
    draft: editing.draft,
    basedOn: editing.basedOn,
    stamp: editing.draft?.stamp ?? "",
    values: scriptToEditorValues(editing.script),
    yaml: scriptToYaml(editing.script),
    issues: editing.issues,
    rubrics,
    pageTitle: await pageTitle(request, "roleplay:authoring.edit.title", { title: editing.scenario.title }),
  };
}

type ActionResult =
  | { kind: "form"; values: EditorValues; fieldErrors: FieldErrors; problem?: string }
  | { kind: "yaml"; yaml: string; errors: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:scenario:any");
  const scenarioId = params.scenarioId ?? "";
  const formData = await request.formData();
  const stamp = String(formData.get("stamp") ?? "");
  let script: Script;
  let failed: (problem: string) => ActionResult;
  if (formData.get("intent") === "yaml") {
    const yaml = String(formData.get("yaml") ?? "");
    const parsed = parseScriptYaml(yaml);
    if (!parsed.ok) return data<ActionResult>({ kind: "yaml", yaml, errors: parsed.errors }, { status: 400 });
    script = parsed.script;
    failed = (problem) => ({ kind: "yaml", yaml, errors: [problem] });
  } else {
    const parsed = parseEditorForm(formData.entries());
    if (!parsed.ok) {
      return data<ActionResult>(
        { kind: "form", values: parsed.values, fieldErrors: parsed.fieldErrors },
        { status: 400 },
      );
    }
    script = parsed.script;
    failed = (problem) => ({ kind: "form", values: parsed.values, fieldErrors: {}, problem });
  }
  const result = await saveScenarioDraft(scenarioId, { script, stamp }, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    if (result.status === 404) notFound("scenario not found");
    return data<ActionResult>(failed(`roleplay:authoring.errors.${result.reason}`), { status: result.status });
  }
  const errors = result.issues.filter((issue) => issue.severity === "error").length;
  return redirectWithFlash(`/training/scenarios/${scenarioId}/edit`, {
    kind: errors > 0 ? "info" : "success",
    message: errors > 0 ? "roleplay:authoring.flash.savedWithErrors" : "roleplay:authoring.flash.saved",
    params: { version: result.version, count: errors },
  });
}

export default function ScenarioEditPage() {
  const { t } = useTranslation(["roleplay", "common"]);
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const formResult = actionData?.kind === "form" ? actionData : null;
  const yamlResult = actionData?.kind === "yaml" ? actionData : null;
  const id = loaded.scenario.id;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("authoring.edit.title", { title: loaded.scenario.title })}
        description={
          loaded.draft
            ? t("authoring.edit.draft", { version: loaded.draft.version })
            : t("authoring.edit.fromPublished", { version: loaded.basedOn ?? "—" })
        }
        actions={
          <>
            <Link to={`/training/scenarios/${id}/test`} className="btn-secondary">
              {t("authoring.actions.testPlay")}
            </Link>
            <Link to={`/training/scenarios/${id}`} className="btn-ghost">
              {t("authoring.actions.overview")}
            </Link>
          </>
        }
      />
      <section aria-label={t("authoring.issues.title")}>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("authoring.issues.title")}</h2>
        <IssuesList issues={loaded.issues} />
      </section>
      {formResult?.problem ||
      (yamlResult && yamlResult.errors.length === 1 && yamlResult.errors[0]!.startsWith("roleplay:")) ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {t(formResult?.problem ?? yamlResult!.errors[0]!)}
        </p>
      ) : null}
      <ScenarioEditor
        // A new key after each save or refusal re-reads every input's default from the values shown.
        key={`${loaded.stamp}-${formResult ? "typed" : "saved"}-${JSON.stringify(formResult?.fieldErrors ?? {}).length}`}
        values={formResult?.values ?? loaded.values}
        fieldErrors={formResult?.fieldErrors ?? {}}
        stamp={loaded.stamp}
        rubrics={loaded.rubrics}
      />
      <YamlPanel
        key={`yaml-${loaded.stamp}-${yamlResult ? "typed" : "saved"}`}
        yaml={yamlResult?.yaml ?? loaded.yaml}
        stamp={loaded.stamp}
        errors={yamlResult?.errors.filter((error) => !error.startsWith("roleplay:")) ?? []}
        open={Boolean(yamlResult)}
      />
    </div>
  );
}
