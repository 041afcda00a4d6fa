import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { homePathFor } from "~/modules/identity/permissions";
import { getSessionUser } from "~/modules/identity/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  throw redirect(user ? homePathFor(user.roles) : "/login");
}
