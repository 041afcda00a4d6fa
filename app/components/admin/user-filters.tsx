import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ROLES } from "~/modules/identity/permissions";
import type { TeamOption } from "./user-form";

type Filter = { q: string; teamId: string; role?: string; status?: string };

/** GET form: the filters live in the URL so a filtered list can be bookmarked and paged. */
export function UserFilters({ filter, teams }: { filter: Filter; teams: TeamOption[] }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6" role="search">
      <div className="lg:col-span-2">
        <label htmlFor="filter-q" className="label">
          {t("actions.search")}
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filter.q}
          className="input"
          placeholder={t("admin:users.searchPlaceholder")}
        />
      </div>
      <div>
        <label htmlFor="filter-team" className="label">
          {t("fields.team")}
        </label>
        <select id="filter-team" name="teamId" defaultValue={filter.teamId} className="input">
          <option value="">{t("admin:users.allTeams")}</option>
          <option value="none">{t("admin:users.noTeam")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-role" className="label">
          {t("fields.roles")}
        </label>
        <select id="filter-role" name="role" defaultValue={filter.role ?? ""} className="input">
          <option value="">{t("admin:users.allRoles")}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className="label">
          {t("fields.status")}
        </label>
        <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className="input">
          <option value="">{t("admin:users.allStatuses")}</option>
          <option value="active">{t("status.active")}</option>
          <option value="inactive">{t("status.inactive")}</option>
        </select>
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
