import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { clientIp, destroySessionCookie, getSessionUser, revokeSession } from "~/modules/identity/session.server";
import { assertSameOrigin } from "~/utils/csrf.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await getSessionUser(request);
  if (user) {
    await revokeSession(user.sessionId);
    await recordAudit({
      actorId: user.id,
      action: "session.logout",
      entityType: "user",
      entityId: user.id,
      ipAddress: clientIp(request),
    });
  }
  return redirect("/login", { headers: { "Set-Cookie": await destroySessionCookie(request) } });
}
