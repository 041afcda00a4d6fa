import { useTranslation } from "react-i18next";

export function SessionStatusBadge({ status }: { status: "open" | "released" }) {
  const { t } = useTranslation(["qa-calibration"]);
  const tone = status === "open" ? "bg-amber-50 text-amber-700" : "bg-emerald-50 text-emerald-700";
  return <span className={`badge ${tone}`}>{t(`qa-calibration:status.${status}`)}</span>;
}
