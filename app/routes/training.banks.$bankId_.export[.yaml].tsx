import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/identity/session.server";
import { exportQuestions, getBank } from "~/modules/training/banks/banks.server";
import { questionsToYaml } from "~/modules/training/banks/question-files";
import { notFound } from "~/utils/http.server";

/** The bank as a content/question-banks/<slug>.yaml file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  return new Response(questionsToYaml(bank, await exportQuestions(bank.id)), {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${bank.slug}.yaml"`,
      "Cache-Control": "no-store",
    },
  });
}
