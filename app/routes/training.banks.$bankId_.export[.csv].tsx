import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/identity/session.server";
import { exportQuestions, getBank } from "~/modules/training/banks/banks.server";
import { questionsToCsv } from "~/modules/training/banks/question-files";
import { notFound } from "~/utils/http.server";

/** Every question of the bank in the documented CSV format (docs/question-bank-format.md), UTF-8 with BOM. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  return new Response(questionsToCsv(await exportQuestions(bank.id)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${bank.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
