import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { BankFieldsSchema, createBank } from "~/modules/training/banks/banks.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:question-bank:any");
  return { pageTitle: await pageTitle(request, "training-banks:new.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:question-bank:any");
  const form = await request.formData();
  const parsed = BankFieldsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return data({ fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> }, { status: 400 });
  }
  const result = await createBank(parsed.data, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) return data({ fieldErrors: { [result.field]: [result.message] } }, { status: 400 });
  return redirectWithFlash(`/training/banks/${result.id}`, {
    kind: "success",
    message: "training-banks:flash.bankCreated",
    params: { title: parsed.data.title },
  });
}

export default function NewBankPage() {
  const { t } = useTranslation(["training-banks", "common"]);
  const errors = useActionData<typeof action>()?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
        actions={
          <Link to="/training/banks" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="post" className="card space-y-4 p-5">
        <Field id="bank-title" label={t("fields.title")} errors={errors.title}>
          <input id="bank-title" name="title" className="input" required maxLength={100} />
        </Field>
        <Field id="bank-slug" label={t("fields.slug")} errors={errors.slug} hint={t("new.slugHint")}>
          <input id="bank-slug" name="slug" className="input" required pattern="[a-z0-9][a-z0-9-]{1,63}" />
        </Field>
        <Field id="bank-description" label={t("fields.description")} errors={errors.description}>
          <textarea id="bank-description" name="description" className="input min-h-24" maxLength={2000} />
        </Field>
        <div className="flex justify-end">
          <button type="submit" className="btn-primary">
            {t("new.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
