import { useTranslation } from "react-i18next";
import type { CertificateState } from "~/modules/training/certificates/rules";
import { useFormat } from "~/utils/use-format";

export type PrintableCertificate = {
  serial: string;
  title: string;
  holder: string;
  externalId: string;
  team: string | null;
  exam: string;
  score: number | null;
  maxScore: number;
  percent: number | null;
  issuedAt: string;
  expiresAt: string | null;
  state: CertificateState;
};

/**
 * The certificate as printed: an A4 landscape sheet. The print stylesheet (in the route) hides the app chrome
 * so only this sheet reaches the paper.
 */
export function CertificateSheet({ certificate }: { certificate: PrintableCertificate }) {
  const { t } = useTranslation("training-assign");
  const format = useFormat();
  const score =
    certificate.score === null
      ? "—"
      : `${format.number(certificate.score)} / ${format.number(certificate.maxScore)}${
          certificate.percent === null ? "" : `（${format.number(certificate.percent)}%）`
        }`;
  return (
    <article className="certificate-sheet relative mx-auto flex aspect-[297/210] w-full max-w-5xl flex-col justify-between overflow-hidden border-[10px] border-double border-amber-700 bg-amber-50/40 p-10 text-slate-900 shadow-sm">
      {certificate.state === "expired" || certificate.state === "revoked" ? (
        <p className="absolute right-6 top-6 rounded border border-rose-300 bg-white px-2 py-1 text-xs text-rose-700">
          {t(certificate.state === "expired" ? "certificates.sheet.expiredNote" : "certificates.sheet.revokedNote")}
        </p>
      ) : null}
      <div className="text-center">
        <p className="text-sm tracking-[0.5em] text-amber-800">{t("certificates.sheet.headingEn")}</p>
        <h1 className="mt-2 font-serif text-4xl font-bold tracking-[0.4em] text-amber-900">
          {t("certificates.sheet.heading")}
        </h1>
        <p className="mt-4 font-serif text-2xl font-semibold">{certificate.title}</p>
      </div>
      <p className="mx-auto max-w-3xl text-center font-serif text-xl leading-relaxed">
        {t("certificates.sheet.body", {
          name: certificate.holder,
          externalId: certificate.externalId,
          exam: certificate.exam,
        })}
      </p>
      <div className="grid grid-cols-3 items-end gap-6 text-sm">
        <dl className="space-y-1">
          <div className="flex gap-2">
            <dt className="text-slate-500">{t("certificates.sheet.score")}</dt>
            <dd className="tabular-nums">{score}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-500">{t("certificates.sheet.issued")}</dt>
            <dd className="tabular-nums">{format.date(certificate.issuedAt)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-500">{t("certificates.sheet.expires")}</dt>
            <dd className="tabular-nums">
              {certificate.expiresAt ? format.date(certificate.expiresAt) : t("certificates.noExpiry")}
            </dd>
          </div>
        </dl>
        <div className="text-center">
          <span className="mx-auto flex h-24 w-24 items-center justify-center rounded-full border-4 border-rose-600/70 text-xs font-semibold text-rose-700/80">
            {t("certificates.sheet.seal")}
          </span>
        </div>
        <div className="text-right">
          <p className="font-semibold">{t("certificates.sheet.organisation")}</p>
          <p className="mt-1 text-slate-500">
            {t("certificates.sheet.serial")}
            <span className="ml-2 font-mono">{certificate.serial}</span>
          </p>
        </div>
      </div>
    </article>
  );
}

/** Print layout: A4 landscape, no margins from the app shell, nothing but the sheet. */
export const PRINT_CSS = `
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  html, body { background: #fff !important; }
  aside, header, nav, .no-print, [role=status] { display: none !important; }
  main, #main { padding: 0 !important; margin: 0 !important; }
  .certificate-sheet { max-width: none !important; width: 100% !important; box-shadow: none !important;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; break-inside: avoid; }
}
`;
