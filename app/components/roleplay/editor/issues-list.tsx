import { useTranslation } from "react-i18next";
import type { ScriptIssue } from "~/modules/roleplay/validate";

/** The script validation result: errors block publishing, warnings only inform. Messages name the node or intent. */
export function IssuesList({ issues }: { issues: readonly ScriptIssue[] }) {
  const { t } = useTranslation("roleplay");
  const errors = issues.filter((issue) => issue.severity === "error");
  const warnings = issues.filter((issue) => issue.severity === "warning");
  if (issues.length === 0) {
    return (
      <p
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        data-testid="validation-ok"
      >
        {t("authoring.issues.none")}
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid="validation-issues">
      {errors.length > 0 ? (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          <p className="font-medium">{t("authoring.issues.errors", { count: errors.length })}</p>
          <IssueItems issues={errors} />
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          <p className="font-medium">{t("authoring.issues.warnings", { count: warnings.length })}</p>
          <IssueItems issues={warnings} />
        </div>
      ) : null}
    </div>
  );
}

function IssueItems({ issues }: { issues: readonly ScriptIssue[] }) {
  const { t } = useTranslation("roleplay");
  return (
    <ul className="mt-1 list-inside list-disc space-y-0.5">
      {issues.map((issue, index) => (
        <li key={`${issue.code}-${index}`}>
          {issue.nodeId ? (
            <span className="mr-1 rounded bg-white/70 px-1 font-mono text-xs">
              {t("authoring.issues.node", { id: issue.nodeId })}
            </span>
          ) : null}
          {issue.intentKey ? (
            <span className="mr-1 rounded bg-white/70 px-1 font-mono text-xs">
              {t("authoring.issues.intent", { key: issue.intentKey })}
            </span>
          ) : null}
          {t(`engine.issues.${issue.messageKey}`, { ...issue.params, defaultValue: issue.message })}
        </li>
      ))}
    </ul>
  );
}
