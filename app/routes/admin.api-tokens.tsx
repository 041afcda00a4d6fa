import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { Field, FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { NewTokenNotice, TokenTable } from "~/components/qa/import/api-tokens";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/modules/qa/api-tokens.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

const CreateSchema = z.object({
  intent: z.literal("create"),
  name: z
    .string({ error: "validation:required" })
    .trim()
    .min(1, { error: "validation:required" })
    .max(80, { error: "validation:tooLong" }),
});
const RevokeSchema = z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1).max(64) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:api-token:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const { rows, total } = await listApiTokens(page, pageSize);
  return {
    pageTitle: await pageTitle(request, "qa-import:tokens.title"),
    page,
    pageSize,
    total,
    rows: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:api-token:any");
  const formData = await request.formData();
  const actor = { id: user.id, ipAddress: clientIp(request) };
  if (formData.get("intent") === "revoke") {
    const parsed = RevokeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) badRequest("tokenId is required");
    const revoked = await revokeApiToken(parsed.data.tokenId, actor);
    return redirectWithFlash("/admin/api-tokens", {
      kind: revoked ? "success" : "error",
      message: revoked ? "qa-import:tokens.revoked" : "qa-import:tokens.alreadyRevoked",
    });
  }
  const submission = parseWithZod(formData, { schema: CreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  const token = await createApiToken(submission.value.name, actor);
  // The only time the secret exists outside the caller's hands: shown once, never stored in clear.
  return { result: submission.reply({ resetForm: true }), created: { name: token.name, secret: token.secret } };
}

export default function ApiTokensPage() {
  const { t } = useTranslation(["qa-import", "common"]);
  const { rows, page, pageSize, total } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "create-token",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateSchema }),
  });
  return (
    <div className="space-y-6">
      <PageHeader title={t("tokens.title")} description={t("tokens.description")} />
      {actionData?.created ? (
        <NewTokenNotice name={actionData.created.name} secret={actionData.created.secret} />
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card flex flex-wrap items-end gap-4 p-6">
        <input type="hidden" name="intent" value="create" />
        <FormError errors={form.errors} />
        <div className="min-w-[16rem] flex-1">
          <Field id={fields.name.id} label={t("tokens.name")} hint={t("tokens.nameHint")} errors={fields.name.errors}>
            <input {...getInputProps(fields.name, { type: "text" })} className="input" autoComplete="off" />
          </Field>
        </div>
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("tokens.create")}
        </button>
      </Form>
      <section className="card overflow-hidden">
        {rows.length > 0 ? (
          <>
            <TokenTable rows={rows} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        ) : (
          <EmptyState icon="key" title={t("tokens.emptyTitle")} body={t("tokens.emptyBody")} />
        )}
      </section>
    </div>
  );
}
