import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { decodeCsvBytes } from "~/modules/admin/user-import";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { getBank, importQuestions, type ImportFormat } from "~/modules/training/banks/banks.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

/** Question files are small: 1 MB holds several thousand questions. */
const QUESTION_IMPORT_MAX_BYTES = 1024 * 1024;
const MULTIPART_ALLOWANCE = 64 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  return {
    bank: { id: bank.id, title: bank.title },
    pageTitle: await pageTitle(request, "training-banks:import.title"),
  };
}

function fail(status: number, formError: string) {
  return data({ ok: false as const, formError }, { status });
}

function formatOf(name: string, chosen: FormDataEntryValue | null): ImportFormat | null {
  if (chosen === "csv" || chosen === "yaml") return chosen;
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === "csv" || extension === "txt") return "csv";
  if (extension === "yaml" || extension === "yml") return "yaml";
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:question-bank:any");
  const bank = await getBank(params.bankId ?? "");
  if (!bank) notFound("question bank not found");
  if (Number(request.headers.get("content-length") ?? 0) > QUESTION_IMPORT_MAX_BYTES + MULTIPART_ALLOWANCE) {
    return fail(413, "training-banks:import.errors.tooLarge");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(400, "training-banks:import.errors.unreadable");
  }
  const file = form.get("file");
  const pasted = form.get("text");
  let text: string;
  let format: ImportFormat | null;
  if (file instanceof File && file.size > 0) {
    if (file.size > QUESTION_IMPORT_MAX_BYTES) return fail(413, "training-banks:import.errors.tooLarge");
    format = formatOf(file.name, form.get("format"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.includes(0)) return fail(400, "training-banks:import.errors.binary");
    text = format === "csv" ? decodeCsvBytes(bytes) : new TextDecoder("utf-8").decode(bytes);
  } else if (typeof pasted === "string" && pasted.trim() !== "") {
    if (Buffer.byteLength(pasted, "utf8") > QUESTION_IMPORT_MAX_BYTES)
      return fail(413, "training-banks:import.errors.tooLarge");
    format = formatOf("", form.get("format"));
    text = pasted;
  } else {
    return fail(400, "training-banks:import.errors.noInput");
  }
  if (!format) return fail(400, "training-banks:import.errors.format");
  const result = await importQuestions(bank.id, text, format, { id: user.id, ipAddress: clientIp(request) });
  return { ok: true as const, result };
}

export default function ImportQuestionsPage() {
  const { t } = useTranslation(["training-banks", "common"]);
  const { bank } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const result = actionData?.ok ? actionData.result : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("import.title")}
        description={t("import.description", { bank: bank.title })}
        actions={
          <>
            <a href="/training/banks/template.csv" className="btn-secondary" download>
              {t("list.template")}
            </a>
            <Link to={`/training/banks/${bank.id}`} className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <Form method="post" encType="multipart/form-data" className="card space-y-4 p-5 lg:col-span-3">
          <FormError errors={actionData && !actionData.ok ? [actionData.formError] : null} />
          <div>
            <label htmlFor="import-file" className="label">
              {t("import.file")}
            </label>
            <input id="import-file" name="file" type="file" accept=".csv,.yaml,.yml,.txt" className="input" />
            <p className="mt-1 text-xs text-slate-500">{t("import.fileHint")}</p>
          </div>
          <div>
            <label htmlFor="import-format" className="label">
              {t("import.format")}
            </label>
            <select id="import-format" name="format" className="input" defaultValue="">
              <option value="">{t("import.formatAuto")}</option>
              <option value="csv">CSV</option>
              <option value="yaml">YAML</option>
            </select>
          </div>
          <div>
            <label htmlFor="import-text" className="label">
              {t("import.paste")}
            </label>
            <textarea id="import-text" name="text" className="input min-h-40 font-mono text-xs" />
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("import.submit")}
          </button>
        </Form>
        <div className="card space-y-2 p-5 text-sm text-slate-600 lg:col-span-2">
          <h2 className="text-base font-semibold text-slate-900">{t("import.rulesTitle")}</h2>
          <ul className="list-disc space-y-1 pl-5">
            {(["key", "update", "errors", "answers", "limit"] as const).map((rule) => (
              <li key={rule}>{t(`import.rules.${rule}`)}</li>
            ))}
          </ul>
        </div>
      </div>
      {result ? (
        <div className="space-y-4" data-testid="import-result">
          <div className="grid gap-4 sm:grid-cols-4">
            <StatCard label={t("import.created")} value={result.created} />
            <StatCard label={t("import.updated")} value={result.updated} />
            <StatCard label={t("import.unchanged")} value={result.unchanged} />
            <StatCard label={t("import.rejected")} value={result.errors.length} />
          </div>
          {result.errors.length > 0 ? (
            <div className="card overflow-x-auto">
              <table className="table-base">
                <thead>
                  <tr>
                    <th scope="col">{t("import.line")}</th>
                    <th scope="col">{t("fields.key")}</th>
                    <th scope="col">{t("import.problem")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.errors.map((error) => (
                    <tr key={`${error.line}-${error.key ?? ""}`}>
                      <td className="tabular-nums">{error.line}</td>
                      <td className="font-mono text-xs">{error.key ?? "—"}</td>
                      <td className="text-sm text-rose-700">
                        {error.messages.map((message) => t(message)).join("；")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
