import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/identity/session.server";
import { pickerSearch } from "~/modules/training/kb/kb.server";

const MAX_QUERY = 100;

/** JSON for the article pickers: published articles matching ?q= (words or a slug prefix), best first. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:kb-article:any");
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_QUERY);
  return { articles: await pickerSearch(query) };
}
