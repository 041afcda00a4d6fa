import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";
import { RoleBadges, StatusBadge } from "./badges";
import { useFormat } from "~/utils/use-format";

export type UserRow = {
  id: string;
  externalId: string;
  name: string;
  email: string | null;
  status: string;
  hireDate: string | null;
  team: { id: string; name: string } | null;
  roles: string[];
};

export function UsersTable({ rows }: { rows: UserRow[] }) {
  const { t } = useTranslation();
  const formatContext = useFormat().context;
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t("fields.externalId")}</th>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("fields.email")}</th>
            <th scope="col">{t("fields.team")}</th>
            <th scope="col">{t("fields.roles")}</th>
            <th scope="col">{t("fields.status")}</th>
            <th scope="col">{t("fields.hireDate")}</th>
            <th scope="col">
              <span className="sr-only">{t("actions.edit")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((user) => (
            <tr key={user.id} className={user.status === "inactive" ? "bg-slate-50/60 text-slate-500" : undefined}>
              <td className="font-mono text-xs">{user.externalId}</td>
              <td className="font-medium text-slate-900">{user.name}</td>
              <td>{user.email ?? <span className="text-slate-400">—</span>}</td>
              <td>{user.team?.name ?? <span className="text-slate-400">{t("none")}</span>}</td>
              <td>
                <RoleBadges roles={user.roles} />
              </td>
              <td>
                <StatusBadge status={user.status} />
              </td>
              <td>{user.hireDate ? formatDate(user.hireDate, formatContext, true) : ""}</td>
              <td className="text-right">
                <Link to={`/admin/users/${user.id}`} className="btn-ghost px-2 py-1 text-brand-700">
                  {t("actions.edit")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
