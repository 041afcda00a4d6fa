import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { QuestionEditor } from "~/components/training/banks/question-editor";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { bankCategories, createQuestion, getBank } from "~/modules/training/banks/banks.server";
import { readQuestionForm } from "~/modules/training/banks/question-form";
import { renderMarkdown } from "~/modules/training/markdown.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  const categories = await bankCategories(bank.id);
  return {
    bank: { id: bank.id, title: bank.title },
    categories: categories.map((entry) => entry.category),
    pageTitle: await pageTitle(request, "training-banks:editor.newTitle"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:question-bank:any");
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  const form = await request.formData();
  if (form.get("intent") === "preview") return { html: renderMarkdown(String(form.get("markdown") ?? "")) };
  const parsed = readQuestionForm(form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formErrors: parsed.formErrors }, { status: 400 });
  const result = await createQuestion(bank.id, parsed.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) return data({ fieldErrors: { [result.field]: [result.message] }, formErrors: [] }, { status: 400 });
  return redirectWithFlash(`/training/banks/${bank.id}`, {
    kind: "success",
    message: "training-banks:flash.questionCreated",
    params: { key: parsed.value.key },
  });
}

export default function NewQuestionPage() {
  const { t } = useTranslation(["training-banks", "common"]);
  const { bank, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "fieldErrors" in actionData ? actionData : null;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("editor.newTitle")}
        description={bank.title}
        actions={
          <Link to={`/training/banks/${bank.id}`} className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <QuestionEditor
        initial={null}
        categories={categories}
        keyLocked={false}
        errors={errors}
        submitLabel={t("editor.create")}
        previewAction={`/training/banks/${bank.id}/questions/new`}
      />
    </div>
  );
}
