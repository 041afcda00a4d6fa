import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { ROLES } from "~/modules/identity/permissions";
import type { TeamOption } from "./user-form";

type Filter = { q: string; teamId: string; role?: string; status?: string };

/** GET form: the filters live in the URL so a filtered list can be bookmarked and paged. */
export function UserFilters({ filter, teams }: { filter: Filter; teams: TeamOption[] }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6" role="search">
      <FilterInput
        id="filter-q"
        name="q"
        type="search"
        label={t("actions.search")}
        defaultValue={filter.q}
        placeholder={t("admin:users.searchPlaceholder")}
        className="lg:col-span-2"
      />
      <FilterSelect
        id="filter-team"
        name="teamId"
        label={t("fields.team")}
        defaultValue={filter.teamId}
        allLabel={t("admin:users.allTeams")}
        options={[
          { value: "none", label: t("admin:users.noTeam") },
          ...teams.map((team) => ({ value: team.id, label: team.name })),
        ]}
      />
      <FilterSelect
        id="filter-role"
        name="role"
        label={t("fields.roles")}
        defaultValue={filter.role ?? ""}
        allLabel={t("admin:users.allRoles")}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <FilterSelect
        id="filter-status"
        name="status"
        label={t("fields.status")}
        defaultValue={filter.status ?? ""}
        allLabel={t("admin:users.allStatuses")}
        options={[
          { value: "active", label: t("status.active") },
          { value: "inactive", label: t("status.inactive") },
        ]}
      />
      <FilterActions />
    </Form>
  );
}
