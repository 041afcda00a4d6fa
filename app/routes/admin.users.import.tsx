import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ImportFormatHelp } from "~/components/admin/import-format-help";
import { ImportResults } from "~/components/admin/import-results";
import { titleFromLoader } from "~/components/meta";
import { Field, FormError } from "~/components/field";
import { Icon } from "~/components/icons";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { decodeCsvBytes, USER_IMPORT_HEADERS } from "~/modules/admin/user-import";
import { importUsers } from "~/modules/admin/user-import.server";
import { newPasswordSchema } from "~/modules/identity/password-policy";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { env } from "~/utils/env.server";

export const meta = titleFromLoader;

// Multipart boundaries and the other fields come on top of the file itself.
const MULTIPART_ALLOWANCE = 64 * 1024;
const CSV_TYPES = new Set([
  "",
  "text/csv",
  "text/plain",
  "application/csv",
  "application/vnd.ms-excel",
  "text/comma-separated-values",
]);

const ImportFormSchema = z.object({
  csv: z.string().optional(),
  initialPassword: newPasswordSchema.optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user:any");
  return {
    maxMegabytes: Math.round((env().IMPORT_MAX_BYTES / 1024 / 1024) * 10) / 10,
    headers: [...USER_IMPORT_HEADERS],
    pageTitle: await pageTitle(request, "admin:import.title"),
  };
}

type Failure = {
  ok: false;
  formError?: string;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, string[] | undefined>;
};

function fail(status: number, failure: Omit<Failure, "ok">) {
  return data<Failure>({ ok: false, ...failure }, { status });
}

function looksLikeCsv(file: File) {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension && extension !== "csv" && extension !== "txt") return false;
  return CSV_TYPES.has(file.type.split(";")[0]!.trim().toLowerCase());
}

function text(value: FormDataEntryValue | null) {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:user:any");
  const maxBytes = env().IMPORT_MAX_BYTES;
  const tooLarge = () =>
    fail(413, {
      formError: "admin:import.errors.tooLarge",
      params: { max: Math.round((maxBytes / 1024 / 1024) * 10) / 10 },
    });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + MULTIPART_ALLOWANCE) return tooLarge();

  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return fail(400, { formError: "admin:import.errors.unreadable" });
  }
  const fields = ImportFormSchema.safeParse({
    csv: text(formData.get("csv")),
    initialPassword: text(formData.get("initialPassword")),
  });
  if (!fields.success) return fail(400, { fieldErrors: z.flattenError(fields.error).fieldErrors });

  const file = formData.get("file");
  let csvText: string;
  if (file instanceof File && file.size > 0) {
    if (file.size > maxBytes) return tooLarge();
    if (!looksLikeCsv(file)) return fail(400, { formError: "admin:import.errors.notCsv" });
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.includes(0)) return fail(400, { formError: "admin:import.errors.notCsv" }); // a spreadsheet renamed to .csv
    csvText = decodeCsvBytes(bytes);
  } else if (fields.data.csv) {
    if (Buffer.byteLength(fields.data.csv, "utf8") > maxBytes) return tooLarge();
    csvText = fields.data.csv;
  } else {
    return fail(400, { formError: "admin:import.errors.noInput" });
  }
  if (csvText.replace(/^\uFEFF/, "").trim() === "") return fail(400, { formError: "admin:import.errors.empty" });

  const result = await importUsers(
    csvText,
    { id: viewer.id, ipAddress: clientIp(request) },
    { initialPassword: fields.data.initialPassword },
  );
  return { ok: true as const, result };
}

export default function ImportUsersPage() {
  const { t } = useTranslation();
  const { maxMegabytes, headers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const failure = actionData && !actionData.ok ? actionData : null;
  const formError = failure?.formError ? t(failure.formError, failure.params) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("admin:import.title")}
        description={t("admin:import.description")}
        actions={
          <>
            <a href="/admin/users/import/template" className="btn-secondary" download>
              <Icon name="download" className="h-4 w-4" />
              {t("admin:import.downloadTemplate")}
            </a>
            <Link to="/admin/users" className="btn-ghost">
              {t("actions.back")}
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <Form
          method="post"
          encType="multipart/form-data"
          className="card space-y-5 p-6 lg:col-span-3"
          data-testid="import-form"
        >
          <FormError errors={formError ? [formError] : null} />
          <Field
            id="import-file"
            label={t("admin:import.file")}
            hint={t("admin:import.fileHint", { max: maxMegabytes })}
          >
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" className="input" />
          </Field>
          <Field
            id="import-csv"
            label={t("admin:import.paste")}
            hint={t("admin:import.pasteHint")}
            errors={failure?.fieldErrors?.csv}
          >
            <textarea
              id="import-csv"
              name="csv"
              rows={8}
              className="input font-mono text-xs"
              placeholder={headers.join(",")}
              spellCheck={false}
            />
          </Field>
          <Field
            id="import-initial-password"
            label={t("admin:import.initialPassword")}
            hint={t("admin:import.initialPasswordHint")}
            errors={failure?.fieldErrors?.initialPassword}
          >
            <input
              id="import-initial-password"
              name="initialPassword"
              type="password"
              className="input"
              autoComplete="new-password"
            />
          </Field>
          <div className="flex justify-end">
            <button type="submit" className="btn-primary" disabled={busy}>
              <Icon name="upload" className="h-4 w-4" />
              {busy ? t("admin:import.submitting") : t("admin:import.submit")}
            </button>
          </div>
        </Form>
        <ImportFormatHelp headers={headers} />
      </div>
      {actionData?.ok ? <ImportResults result={actionData.result} /> : null}
    </div>
  );
}
