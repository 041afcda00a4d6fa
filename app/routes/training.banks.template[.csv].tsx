import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/identity/session.server";
import { questionsToCsv, TEMPLATE_QUESTIONS } from "~/modules/training/banks/question-files";

/** The CSV template: the header and one example row per question type. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  return new Response(questionsToCsv(TEMPLATE_QUESTIONS), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="question-bank-template.csv"',
      "Cache-Control": "no-store",
    },
  });
}
