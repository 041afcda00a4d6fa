import { useTranslation } from "react-i18next";
import { auditDiff, displayValue } from "~/modules/admin/audit-diff";
import { formatDateTime } from "~/utils/format";
import { useFormat } from "~/utils/use-format";

export type AuditRow = {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ipAddress: string | null;
  createdAt: Date | string;
  actor: { id: string; name: string; externalId: string } | null;
};

/** Translated action name, falling back to the raw key for actions other areas add later. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (action: string) => t(`admin:audit.actions.${action.replace(/\./g, "_")}`, { defaultValue: action }),
    entity: (entityType: string) => t(`admin:audit.entities.${entityType}`, { defaultValue: entityType }),
    field: (key: string) => t(`admin:audit.diffFields.${key}`, { defaultValue: key }),
    /** Role and status keys read better as their labels; everything else is shown as stored. */
    value: (key: string, value: unknown) => {
      if (key === "roles" && Array.isArray(value))
        return value.length ? value.map((role) => t(`roles.${String(role)}`)).join("、") : null;
      if (key === "status" && typeof value === "string") return t(`status.${value}`, { defaultValue: value });
      if (key === "locale" && typeof value === "string") return t(`language.names.${value}`, { defaultValue: value });
      if (typeof value === "boolean") return t(value ? "admin:audit.yes" : "admin:audit.no");
      return displayValue(value);
    },
  };
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const rows = auditDiff(before, after, labels.value);
  const changed = rows.filter((row) => row.changed);
  if (changed.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {changed.map((row) => (
        <div key={row.key} className="flex flex-wrap gap-x-1.5">
          <dt className="text-slate-500">{labels.field(row.key)}:</dt>
          <dd className="min-w-0 break-all">
            {before != null ? (
              <>
                <del className="text-rose-600">{row.before ?? t("admin:audit.empty")}</del>
                <span className="px-1 text-slate-400" aria-hidden="true">
                  →
                </span>
                <span className="sr-only">{t("admin:audit.changedTo")}</span>
              </>
            ) : null}
            <ins className="text-emerald-700 no-underline">{row.after ?? t("admin:audit.empty")}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const { t } = useTranslation();
  const formatContext = useFormat().context;
  const labels = useAuditLabels();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t("admin:audit.time")}</th>
            <th scope="col">{t("admin:audit.actor")}</th>
            <th scope="col">{t("admin:audit.action")}</th>
            <th scope="col">{t("admin:audit.entity")}</th>
            <th scope="col">{t("admin:audit.changes")}</th>
            <th scope="col">{t("admin:audit.ip")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <td className="text-xs text-slate-500">{formatDateTime(row.createdAt, formatContext)}</td>
              <td>
                {row.actor ? (
                  <>
                    <p className="font-medium text-slate-900">{row.actor.name}</p>
                    <p className="font-mono text-xs text-slate-500">{row.actor.externalId}</p>
                  </>
                ) : (
                  <span className="text-slate-500">{t("admin:audit.system")}</span>
                )}
              </td>
              <td>
                <p>{labels.action(row.action)}</p>
                <p className="font-mono text-xs text-slate-400">{row.action}</p>
              </td>
              <td>
                <p>{labels.entity(row.entityType)}</p>
                {row.entityId ? (
                  <p className="max-w-[10rem] truncate font-mono text-xs text-slate-400" title={row.entityId}>
                    {row.entityId}
                  </p>
                ) : null}
              </td>
              <td className="min-w-[16rem] whitespace-normal">
                <AuditDiff before={row.before} after={row.after} />
              </td>
              <td className="font-mono text-xs text-slate-500">{row.ipAddress ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
