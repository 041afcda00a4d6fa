import { data } from "@remix-run/node";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type RequestFacts = {
  method: string;
  origin: string | null | undefined;
  referer: string | null | undefined;
  host: string | null | undefined;
  forwardedHost?: string | null | undefined;
  /** Path, Authorization and Cookie headers: token-authenticated API calls are not browser sessions. */
  path?: string;
  authorization?: string | null | undefined;
  cookie?: string | null | undefined;
};

/**
 * True for a state-changing request a browser sent from another site: its Origin (or Referer) names a
 * different host. Requests with neither header come from non-browser clients, which carry no ambient
 * cookies. Cookies are SameSite=Lax already; this is the second layer (OWASP "verify origin").
 */
export function isCrossSiteRequest(facts: RequestFacts): boolean {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return false;
  // A bearer-token call to the API carries no ambient credential a forged page could ride on.
  if (facts.path?.startsWith("/api/") && facts.authorization && !facts.cookie) return false;
  const source = facts.origin ?? refererOrigin(facts.referer);
  if (!source) return false;
  const host = facts.forwardedHost ?? facts.host;
  try {
    return new URL(source).host !== host;
  } catch {
    return true;
  }
}

/** The same check inside loaders/actions (the server also applies it to every request before Remix). */
export function assertSameOrigin(request: Request) {
  const cross = isCrossSiteRequest({
    method: request.method,
    origin: request.headers.get("origin"),
    referer: request.headers.get("referer"),
    host: request.headers.get("host") ?? new URL(request.url).host,
    forwardedHost: request.headers.get("x-forwarded-host"),
  });
  if (cross) throw data({ message: "cross-site request refused" }, { status: 403 });
}

function refererOrigin(referer: string | null | undefined) {
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}
