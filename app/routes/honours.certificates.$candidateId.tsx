import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePeriodLabel } from "~/components/awards/badges";
import { titleFromLoader } from "~/components/meta";
import { PRINT_CSS } from "~/components/training/certificates/certificate-sheet";
import { loadAwardCertificate } from "~/modules/awards/honours.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

/** Honour-roll certificates are as public as the honour roll itself. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:honour-roll:any");
  const certificate = await loadAwardCertificate(params.candidateId ?? "");
  if (!certificate) notFound("certificate not found");
  return { certificate, pageTitle: await pageTitle(request, "awards:certificate.heading") };
}

export default function AwardCertificatePage() {
  const { t } = useTranslation("awards");
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const { certificate } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      {/* Static CSS (no user input): the shared print stylesheet hides the app chrome on paper. */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link to="/honours" className="btn-ghost">
          {t("certificate.back")}
        </Link>
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          {t("certificate.print")}
        </button>
      </div>
      <article
        className="certificate-sheet relative mx-auto flex aspect-[297/210] w-full max-w-5xl flex-col justify-between overflow-hidden border-[10px] border-double border-rose-700 bg-rose-50/30 p-10 text-slate-900 shadow-sm"
        data-testid="award-certificate"
      >
        <div className="text-center">
          <p className="text-sm tracking-[0.5em] text-rose-800">{t("certificate.headingEn")}</p>
          <h1 className="mt-2 font-serif text-4xl font-bold tracking-[0.4em] text-rose-900">
            {t("certificate.heading")}
          </h1>
          <p className="mt-4 font-serif text-2xl font-semibold">{certificate.program}</p>
          <p className="mt-1 text-slate-600">{periodLabel(certificate.periodKind, certificate.periodStart)}</p>
        </div>
        <div className="mx-auto max-w-3xl space-y-4 text-center">
          <p className="font-serif text-3xl font-semibold">
            {certificate.name}
            {certificate.externalId ? (
              <span className="ml-3 align-middle font-mono text-base text-slate-500">{certificate.externalId}</span>
            ) : null}
          </p>
          <p className="font-serif text-xl leading-relaxed">{certificate.citation}</p>
        </div>
        <div className="grid grid-cols-3 items-end gap-6 text-sm">
          <dl className="space-y-1">
            {certificate.team ? (
              <div className="flex gap-2">
                <dt className="text-slate-500">{t("certificate.team")}</dt>
                <dd>{certificate.team}</dd>
              </div>
            ) : null}
            <div className="flex gap-2">
              <dt className="text-slate-500">{t("certificate.issued")}</dt>
              <dd className="tabular-nums">{format.date(certificate.issuedAt)}</dd>
            </div>
          </dl>
          <div className="text-center">
            <span className="mx-auto flex h-24 w-24 items-center justify-center rounded-full border-4 border-rose-600/70 text-xs font-semibold text-rose-700/80">
              {t("certificate.seal")}
            </span>
          </div>
          <div className="text-right">
            <p className="font-semibold">{t("certificate.organisation")}</p>
            <p className="mt-1 text-slate-500">
              {t("certificate.serial")}
              <span className="ml-2 font-mono" data-testid="certificate-serial">
                {certificate.serial}
              </span>
            </p>
          </div>
        </div>
      </article>
    </div>
  );
}
