import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppealDecisionForm } from "~/components/ledger/appeal-forms";
import { EntryHistory } from "~/components/ledger/entry-history";
import { EntrySummary } from "~/components/ledger/entry-summary";
import { AppealStatusBadge } from "~/components/ledger/labels";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { decideAppeal, getAppeal } from "~/modules/ledger/appeals.server";
import { currentPayrollMonth, getEntry, refusalAsFormError } from "~/modules/ledger/entries.server";
import { AppealDecisionSchema } from "~/modules/ledger/ledger-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "decide:ledger-appeal:any");
  const appeal = await getAppeal(params.appealId ?? "");
  if (!appeal) notFound("appeal not found");
  const entry = await getEntry(appeal.entryId);
  if (!entry) notFound("ledger entry not found");
  return {
    appeal,
    entry,
    pageTitle: await pageTitle(request, "ledger:appeal.title", { name: appeal.agent.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "decide:ledger-appeal:any");
  const appealId = params.appealId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: AppealDecisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const decision =
    value.intent === "accept"
      ? { accept: true as const, response: value.response, amount: value.amount, points: value.points }
      : { accept: false as const, response: value.response };
  const result = await refusalAsFormError(() =>
    decideAppeal(appealId, { id: user.id, ipAddress: clientIp(request) }, decision, currentPayrollMonth()),
  );
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
  return redirectWithFlash(`/ledger/appeals/${appealId}`, {
    kind: "success",
    message: decision.accept ? "ledger:flash.appealAccepted" : "ledger:flash.appealRejected",
  });
}

export default function LedgerAppealPage() {
  const { t } = useTranslation(["ledger", "common"]);
  const format = useFormat();
  const { appeal, entry } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("appeal.title", { name: appeal.agent.name })}
        actions={
          <>
            <Link to={`/ledger/${entry.id}`} className="btn-ghost">
              {t("appeal.openEntry")}
            </Link>
            <Link to="/ledger/appeals" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <section className="card space-y-3 p-6" data-testid="ledger-appeal-detail">
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <AppealStatusBadge status={appeal.status} />
          <span>{t("appeal.filed", { at: format.dateTime(appeal.createdAt) })}</span>
          {appeal.status === "open" ? <span>{t("appeal.dueAt", { at: format.dateTime(appeal.dueAt) })}</span> : null}
        </p>
        <h2 className="text-sm font-medium text-slate-500">{t("appeals.reason")}</h2>
        <p className="whitespace-pre-line text-slate-900">{appeal.reason}</p>
        {appeal.response ? (
          <>
            <h2 className="text-sm font-medium text-slate-500">{t("appeal.response")}</h2>
            <p className="whitespace-pre-line text-slate-900">{appeal.response}</p>
            <p className="text-xs text-slate-500">
              {appeal.decidedByName ?? "—"} · {format.dateTime(appeal.decidedAt)}
            </p>
          </>
        ) : null}
      </section>
      <EntrySummary entry={entry} linkTo={(id) => `/ledger/${id}`} />
      {appeal.status === "open" ? <AppealDecisionForm lastResult={lastResult} net={entry.net} /> : null}
      <EntryHistory corrections={entry.corrections} appeals={entry.appeals} />
    </div>
  );
}
