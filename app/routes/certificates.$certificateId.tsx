import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { CertificateSheet, PRINT_CSS } from "~/components/training/certificates/certificate-sheet";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requireUser } from "~/modules/identity/session.server";
import { loadPrintableCertificate } from "~/modules/training/certificates/certificates.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

/** The holder, or staff who may read certificates of the holder's team (or any); anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await loadPrintableCertificate(params.certificateId ?? "", user);
  if (!certificate) notFound("certificate not found");
  return {
    certificate,
    pageTitle: await pageTitle(request, "training-assign:certificates.sheet.heading"),
  };
}

export default function CertificatePage() {
  const { t } = useTranslation(["training-assign", "common"]);
  const { certificate } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      {/* Static CSS (no user input): inserted as-is so server and browser render the same text. */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link to={certificate.isHolder ? "/learn/certificates" : "/training/certificates"} className="btn-ghost">
          {t("certificates.sheet.back")}
        </Link>
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          {t("certificates.sheet.print")}
        </button>
      </div>
      <CertificateSheet certificate={certificate} />
    </div>
  );
}
