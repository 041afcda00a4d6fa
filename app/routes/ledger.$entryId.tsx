import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CorrectForm, DecideForm } from "~/components/ledger/entry-actions";
import { EntryHistory } from "~/components/ledger/entry-history";
import { EntrySummary } from "~/components/ledger/entry-summary";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission, userCan } from "~/modules/identity/session.server";
import { appealLink } from "~/modules/ledger/appeals.server";
import {
  correctEntry,
  currentPayrollMonth,
  decideEntry,
  getEntry,
  ledgerScope,
  refusalAsFormError,
  personInScope,
} from "~/modules/ledger/entries.server";
import { EntryActionSchema } from "~/modules/ledger/ledger-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

async function loadInScope(request: Request, entryId: string) {
  const user = await requirePermission(request, "read:ledger:team");
  const entry = await getEntry(entryId);
  if (!entry) notFound("ledger entry not found");
  if (!personInScope(ledgerScope(user, "read"), entry.user)) throw forbidden("the person is not in your teams");
  return { user, entry };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, entry } = await loadInScope(request, params.entryId ?? "");
  const approver = userCan(user, "approve:ledger:any");
  return {
    entry,
    canDecide: approver && entry.status === "proposed" && entry.proposedById !== user.id,
    ownProposal: entry.status === "proposed" && entry.proposedById === user.id,
    canCorrect: approver && entry.status === "approved" && entry.kind !== "correction",
    canSeeAppeals: userCan(user, "decide:ledger-appeal:any"),
    currentMonth: currentPayrollMonth(),
    pageTitle: await pageTitle(request, "ledger:entry.title", { name: entry.user.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "approve:ledger:any");
  const entryId = params.entryId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: EntryActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const value = submission.value;
  if (value.intent === "correct") {
    const result = await refusalAsFormError(() => correctEntry(entryId, actor, value));
    if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
    return redirectWithFlash(`/ledger/${entryId}`, { kind: "success", message: "ledger:flash.corrected" });
  }
  const approve = value.intent === "approve";
  const result = await refusalAsFormError(() => decideEntry(entryId, actor, { approve, note: value.note ?? null }));
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
  return redirectWithFlash(`/ledger/${entryId}`, {
    kind: "success",
    message: approve ? "ledger:flash.approved" : "ledger:flash.rejected",
  });
}

export default function LedgerEntryPage() {
  const { t } = useTranslation(["ledger", "common"]);
  const { entry, canDecide, ownProposal, canCorrect, canSeeAppeals, currentMonth } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = lastResult?.initialValue?.intent;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("entry.title", { name: entry.user.name })}
        actions={
          <Link to="/ledger" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <EntrySummary entry={entry} linkTo={(id) => `/ledger/${id}`} />
      {ownProposal ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800">
          {t("entry.ownProposal")}
        </p>
      ) : null}
      {canDecide ? <DecideForm lastResult={intent === "correct" ? null : lastResult} /> : null}
      {canCorrect ? (
        <CorrectForm
          lastResult={intent === "correct" ? lastResult : null}
          defaultMonth={currentMonth}
          net={entry.net}
        />
      ) : null}
      <EntryHistory
        corrections={entry.corrections}
        appeals={entry.appeals}
        appealLink={canSeeAppeals ? appealLink : undefined}
      />
    </div>
  );
}
