import { useTranslation } from "react-i18next";
import type { RecipientStatus } from "~/modules/training/assignments/rules";

const STATUS_STYLES: Record<RecipientStatus, string> = {
  completed: "bg-emerald-50 text-emerald-700",
  overdue: "bg-rose-50 text-rose-700",
  in_progress: "bg-sky-50 text-sky-700",
  not_started: "bg-slate-100 text-slate-600",
};

export function RecipientStatusBadge({ status }: { status: RecipientStatus }) {
  const { t } = useTranslation("training-assign");
  return <span className={`badge ${STATUS_STYLES[status]}`}>{t(`recipientStatus.${status}`)}</span>;
}

/** "团队：售后服务组 · 客服", "岗位：组长", "指定人员（3 人）". */
export function TargetLabel({
  target,
  targetTeam,
  targetRole,
  count,
}: {
  target: string;
  targetTeam: string | null;
  targetRole: string | null;
  count: number;
}) {
  const { t } = useTranslation(["training-assign", "common"]);
  if (target === "team") {
    const team = targetTeam ?? "—";
    return (
      <>
        {targetRole
          ? t("target.teamRole", { team, role: t(`common:roles.${targetRole}`) })
          : t("target.team", { team })}
      </>
    );
  }
  if (target === "role") return <>{t("target.role", { role: t(`common:roles.${targetRole ?? "agent"}`) })}</>;
  return <>{t("target.users", { count })}</>;
}
