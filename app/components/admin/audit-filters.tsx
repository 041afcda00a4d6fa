import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
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
      <FilterInput
        id="audit-actor"
        name="actor"
        label={t("admin:audit.actor")}
        defaultValue={search.actor}
        placeholder={t("admin:audit.actorPlaceholder")}
      />
      <FilterInput
        id="audit-action"
        name="action"
        list="audit-actions"
        label={t("admin:audit.actionPrefix")}
        defaultValue={search.action}
        inputClassName="input font-mono"
        placeholder="user."
      >
        <datalist id="audit-actions">
          {actions.map((action) => (
            <option key={action} value={action}>
              {labels.action(action)}
            </option>
          ))}
        </datalist>
      </FilterInput>
      <FilterSelect
        id="audit-entity"
        name="entityType"
        label={t("admin:audit.entity")}
        defaultValue={search.entityType}
        allLabel={t("admin:audit.allEntities")}
        options={entityTypes.map((entityType) => ({ value: entityType, label: labels.entity(entityType) }))}
      />
      <FilterInput
        id="audit-from"
        name="from"
        type="date"
        label={t("admin:audit.from")}
        defaultValue={search.from ?? ""}
      />
      <FilterInput id="audit-to" name="to" type="date" label={t("admin:audit.to")} defaultValue={search.to ?? ""} />
      <FilterActions />
    </Form>
  );
}
