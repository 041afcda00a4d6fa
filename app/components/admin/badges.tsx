import { useTranslation } from "react-i18next";

const ROLE_STYLES: Record<string, string> = {
  agent: "bg-slate-100 text-slate-700",
  trainer: "bg-amber-50 text-amber-700",
  qa_inspector: "bg-violet-50 text-violet-700",
  qa_lead: "bg-purple-100 text-purple-800",
  team_lead: "bg-sky-50 text-sky-700",
  manager: "bg-emerald-50 text-emerald-700",
  admin: "bg-rose-50 text-rose-700",
};

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span className="flex flex-wrap gap-1">
      {roles.map((role) => (
        <span key={role} className={`badge ${ROLE_STYLES[role] ?? "bg-slate-100 text-slate-700"}`}>
          {t(`roles.${role}`)}
        </span>
      ))}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${status === "active" ? "bg-emerald-50 text-emerald-700" : "bg-slate-200 text-slate-600"}`}>
      {t(`status.${status}`)}
    </span>
  );
}
