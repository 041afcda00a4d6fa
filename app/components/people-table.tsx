import { useTranslation } from "react-i18next";
import { tenureMonths } from "~/modules/org/tenure";
import { useFormat, useNow } from "~/utils/use-format";

export type PersonRow = {
  id: string;
  name: string;
  externalId: string;
  hireDate: string | Date | null;
  status: string;
  roles: string[];
  team?: { name: string } | null;
  lastSeenAt?: string | Date | null;
};

export function Tenure({ hireDate }: { hireDate: string | Date | null }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!hireDate) return <span className="text-slate-400">—</span>;
  const months = tenureMonths(new Date(hireDate), now);
  if (months < 1) return <>{t("tenure.new")}</>;
  if (months < 12) return <>{t("tenure.months", { count: months })}</>;
  return <>{t("tenure.years", { years: Math.floor(months / 12), months: months % 12 })}</>;
}

export function PeopleTable({
  rows,
  showTeam = false,
  showLastSeen = false,
}: {
  rows: PersonRow[];
  showTeam?: boolean;
  showLastSeen?: boolean;
}) {
  const { t } = useTranslation(["common", "home"]);
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base">
        <thead>
          <tr>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("fields.externalId")}</th>
            {showTeam ? <th scope="col">{t("fields.team")}</th> : null}
            <th scope="col">{t("fields.roles")}</th>
            <th scope="col">{t("fields.hireDate")}</th>
            <th scope="col">{t("fields.tenure")}</th>
            <th scope="col">{t("fields.status")}</th>
            {showLastSeen ? <th scope="col">{t("home:lastSeen")}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="font-medium text-slate-900">{row.name}</td>
              <td className="font-mono text-xs">{row.externalId}</td>
              {showTeam ? <td>{row.team?.name ?? "—"}</td> : null}
              <td>{row.roles.map((role) => t(`roles.${role}`)).join("、")}</td>
              <td>{format.date(row.hireDate, true) || "—"}</td>
              <td>
                <Tenure hireDate={row.hireDate} />
              </td>
              <td>
                <span
                  className={`badge ${row.status === "active" ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-500"}`}
                >
                  {t(`status.${row.status}`)}
                </span>
              </td>
              {showLastSeen ? (
                <td className="text-slate-500">
                  {row.lastSeenAt ? format.relative(row.lastSeenAt) : t("home:neverSignedIn")}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
