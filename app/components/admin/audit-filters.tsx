import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AuditSearch } from "~/modules/admin/audit-filters";
import { useAuditLabels } from "./audit-table";

export function AuditFilters({
  search,
  actions,
  entityTypes,
}: {
  search: AuditSearch;
  actions: string[];
  entityTypes: string[];
}) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  return (
    <Form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6" role="search">
      <div>
        <label htmlFor="audit-actor" className="label">
          {t("admin:audit.actor")}
        </label>
        <input
          id="audit-actor"
          name="actor"
          defaultValue={search.actor}
          className="input"
          placeholder={t("admin:audit.actorPlaceholder")}
        />
      </div>
      <div>
        <label htmlFor="audit-action" className="label">
          {t("admin:audit.actionPrefix")}
        </label>
        <input
          id="audit-action"
          name="action"
          list="audit-actions"
          defaultValue={search.action}
          className="input font-mono"
          placeholder="user."
        />
        <datalist id="audit-actions">
          {actions.map((action) => (
            <option key={action} value={action}>
              {labels.action(action)}
            </option>
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor="audit-entity" className="label">
          {t("admin:audit.entity")}
        </label>
        <select id="audit-entity" name="entityType" defaultValue={search.entityType} className="input">
          <option value="">{t("admin:audit.allEntities")}</option>
          {entityTypes.map((entityType) => (
            <option key={entityType} value={entityType}>
              {labels.entity(entityType)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-from" className="label">
          {t("admin:audit.from")}
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={search.from ?? ""} className="input" />
      </div>
      <div>
        <label htmlFor="audit-to" className="label">
          {t("admin:audit.to")}
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={search.to ?? ""} className="input" />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary">
          {t("actions.filter")}
        </button>
        <Link to="?" className="btn-ghost">
          {t("actions.reset")}
        </Link>
      </div>
    </Form>
  );
}
