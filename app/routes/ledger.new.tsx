import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterInput } from "~/components/filter-fields";
import { ProposeForm } from "~/components/ledger/propose-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import {
  currentPayrollMonth,
  findPersonInScope,
  ledgerScope,
  refusalAsFormError,
  proposeEntry,
  searchPeople,
} from "~/modules/ledger/entries.server";
import { ProposeSchema } from "~/modules/ledger/ledger-forms";
import { PROPOSABLE_KINDS } from "~/modules/ledger/ledger-rules";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "propose:ledger:team");
  const scope = ledgerScope(user, "propose")!;
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 40);
  const preselected = url.searchParams.get("userId") ?? "";
  const people = await searchPeople(scope, query);
  // A person chosen earlier (link from elsewhere) stays selectable even when the search does not list them.
  if (preselected && !people.some((person) => person.id === preselected)) {
    const match = await findPersonInScope(scope, preselected);
    if (match) people.unshift(match);
  }
  const kind = url.searchParams.get("kind") ?? "";
  return {
    query,
    people,
    defaults: {
      userId: people.some((person) => person.id === preselected) ? preselected : "",
      month: currentPayrollMonth(),
      kind: (PROPOSABLE_KINDS as readonly string[]).includes(kind) ? kind : "bonus",
    },
    pageTitle: await pageTitle(request, "ledger:new.title"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "propose:ledger:team");
  const scope = ledgerScope(user, "propose")!;
  const submission = parseWithZod(await request.formData(), { schema: ProposeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await refusalAsFormError(() =>
    proposeEntry(scope, { id: user.id, ipAddress: clientIp(request) }, submission.value),
  );
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
  const { entryId } = result.value;
  const person = await db.user.findUniqueOrThrow({ where: { id: submission.value.userId }, select: { name: true } });
  return redirectWithFlash(`/ledger/${entryId}`, {
    kind: "success",
    message: "ledger:flash.proposed",
    params: { name: person.name },
  });
}

export default function NewLedgerEntryPage() {
  const { t } = useTranslation(["ledger", "common"]);
  const { query, people, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
        actions={
          <Link to="/ledger" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="get" className="card flex flex-wrap items-end gap-3 p-4" role="search">
        <FilterInput
          id="ledger-person-search"
          name="q"
          type="search"
          label={t("new.search")}
          placeholder={t("list.personPlaceholder")}
          defaultValue={query}
          className="min-w-[16rem] flex-1"
        />
        <button type="submit" className="btn-secondary">
          {t("new.searchButton")}
        </button>
      </Form>
      {people.length === 0 ? <p className="text-sm text-slate-500">{t("new.noPeople")}</p> : null}
      <ProposeForm people={people} defaults={defaults} lastResult={lastResult} />
    </div>
  );
}
