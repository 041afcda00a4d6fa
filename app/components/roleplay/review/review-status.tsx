import { useTranslation } from "react-i18next";

const TONE: Record<string, string> = {
  pending: "bg-sky-50 text-sky-700",
  draft: "bg-amber-50 text-amber-700",
  submitted: "bg-emerald-50 text-emerald-700",
};

export function ReviewStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("roleplay");
  return <span className={`badge ${TONE[status] ?? ""}`}>{t(`reviews.status.${status}`)}</span>;
}
