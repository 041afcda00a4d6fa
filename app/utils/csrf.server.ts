import { data } from "@remix-run/node";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Rejects state-changing requests that a browser sent from another site. Cookies are SameSite=Lax
 * already; this origin check is the second layer (OWASP "verify origin with standard headers").
 */
export function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const source = request.headers.get("origin") ?? refererOrigin(request.headers.get("referer"));
  if (!source) return; // non-browser clients (tests, curl) send neither; they carry no ambient cookie risk
  const forwardedHost = request.headers.get("x-forwarded-host");
  const host = forwardedHost ?? request.headers.get("host") ?? new URL(request.url).host;
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    throw data({ message: "cross-site request refused" }, { status: 403 });
  }
  if (sourceHost !== host) throw data({ message: "cross-site request refused" }, { status: 403 });
}

function refererOrigin(referer: string | null) {
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}
