import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

function messageOf(data: unknown): string | null {
  if (typeof data === "string") return data;
  if (data && typeof data === "object" && "message" in data && typeof data.message === "string") return data.message;
  return null;
}

/** One boundary for every route: expected failures (403/404/409...) show their reason; anything else a generic 500. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error) ? messageOf(error.data) : null;
  const known = [400, 401, 403, 404, 409, 413, 429].includes(status);
  if (!isRouteErrorResponse(error)) console.error(error);

  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4" data-testid="error-page">
      <div className="card max-w-lg p-8 text-center">
        <p className="text-5xl font-bold text-brand-600">{status}</p>
        <h1 className="mt-3 text-lg font-semibold text-slate-900">
          {t(known ? `errors.${status}.title` : "errors.500.title")}
        </h1>
        <p className="mt-2 text-sm text-slate-600">{t(known ? `errors.${status}.body` : "errors.500.body")}</p>
        {reason && known ? (
          <p className="mt-3 rounded bg-slate-50 px-3 py-2 font-mono text-xs text-slate-500">{reason}</p>
        ) : null}
        <Link to="/" className="btn-primary mt-6">
          {t("errors.backHome")}
        </Link>
      </div>
    </div>
  );
}
