import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { QuestionEditor } from "~/components/training/banks/question-editor";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import {
  bankCategories,
  getBank,
  getQuestion,
  setQuestionActive,
  updateQuestion,
} from "~/modules/training/banks/banks.server";
import { readQuestionForm } from "~/modules/training/banks/question-form";
import { renderMarkdown } from "~/modules/training/markdown.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

async function load(params: { bankId?: string; questionId?: string }) {
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  const found = await getQuestion(bank.id, params.questionId ?? "");
  if (!found) notFound("question not found");
  return { bank, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  const { bank, found } = await load(params);
  const [categories, attempts, exams] = await Promise.all([
    bankCategories(bank.id),
    db.examAttemptItem.count({ where: { questionId: found.id } }),
    db.examItem.count({ where: { questionId: found.id } }),
  ]);
  return {
    bank: { id: bank.id, title: bank.title },
    question: found.question,
    questionId: found.id,
    active: found.active,
    usage: { attempts, exams },
    categories: categories.map((entry) => entry.category),
    pageTitle: await pageTitle(request, "training-banks:editor.editTitle", { key: found.question.key }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:question-bank:any");
  const { bank, found } = await load(params);
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "preview") return { html: renderMarkdown(String(form.get("markdown") ?? "")) };
  if (intent === "retire" || intent === "restore") {
    await setQuestionActive(bank.id, found.id, intent === "restore", actor);
    return redirectWithFlash(`/training/banks/${bank.id}/questions/${found.id}`, {
      kind: "success",
      message: `training-banks:flash.${intent === "restore" ? "restored" : "retired"}`,
      params: { key: found.question.key },
    });
  }
  const parsed = readQuestionForm(form, found.question.key);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formErrors: parsed.formErrors }, { status: 400 });
  const result = await updateQuestion(bank.id, found.id, parsed.value, actor);
  if (!result.ok) notFound("question not found");
  return redirectWithFlash(`/training/banks/${bank.id}`, {
    kind: "success",
    message: result.changed ? "training-banks:flash.questionSaved" : "training-banks:flash.questionUnchanged",
    params: { key: found.question.key },
  });
}

export default function EditQuestionPage() {
  const { t } = useTranslation(["training-banks", "common"]);
  const { bank, question, questionId, active, usage, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "fieldErrors" in actionData ? actionData : null;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("editor.editTitle", { key: question.key })}
        description={bank.title}
        actions={
          <>
            <Form method="post">
              <input type="hidden" name="intent" value={active ? "retire" : "restore"} />
              <button type="submit" className={active ? "btn-danger" : "btn-secondary"}>
                {t(active ? "editor.retire" : "editor.restore")}
              </button>
            </Form>
            <Link to={`/training/banks/${bank.id}`} className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <div className="mb-4 space-y-2 text-sm">
        {!active ? (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-2 text-slate-600">
            {t("editor.retiredNotice")}
          </p>
        ) : null}
        {usage.attempts > 0 || usage.exams > 0 ? (
          <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-2 text-sky-800">
            {t("editor.usage", { exams: usage.exams, attempts: usage.attempts })}
          </p>
        ) : null}
      </div>
      <QuestionEditor
        key={questionId}
        initial={question}
        categories={categories}
        keyLocked
        errors={errors}
        submitLabel={t("common:actions.save")}
        previewAction={`/training/banks/${bank.id}/questions/${questionId}`}
      />
    </div>
  );
}
