import { useTranslation } from "react-i18next";
import type { CertificateState } from "~/modules/training/certificates/rules";

const STYLES: Record<CertificateState, string> = {
  valid: "bg-emerald-50 text-emerald-700",
  expiring: "bg-amber-50 text-amber-700",
  expired: "bg-rose-50 text-rose-700",
  revoked: "bg-slate-200 text-slate-600",
};

export function CertificateStateBadge({ state }: { state: CertificateState }) {
  const { t } = useTranslation("training-assign");
  return <span className={`badge ${STYLES[state]}`}>{t(`certificates.state.${state}`)}</span>;
}
