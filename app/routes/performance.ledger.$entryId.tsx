import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AppealForm, WithdrawForm } from "~/components/ledger/appeal-forms";
import { EntryHistory } from "~/components/ledger/entry-history";
import { EntrySummary } from "~/components/ledger/entry-summary";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { openAppeal, withdrawAppeal } from "~/modules/ledger/appeals.server";
import { getEntry, refusalAsFormError } from "~/modules/ledger/entries.server";
import { AppealSchema } from "~/modules/ledger/ledger-forms";
import { appealDeadline, canAppeal, type AppealStatus } from "~/modules/ledger/ledger-rules";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

/** Only approved entries about the signed-in person; anything else is "not found" (no hint that it exists). */
async function ownEntry(userId: string, entryId: string) {
  const entry = await getEntry(entryId);
  if (!entry || entry.user.id !== userId || entry.status !== "approved") notFound("ledger entry not found");
  return entry;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:ledger:own");
  const entry = await ownEntry(user.id, params.entryId ?? "");
  const appealable = canAppeal({
    entry: { userId: entry.user.id, kind: entry.kind, status: entry.status, decidedAt: entry.decidedAt },
    net: entry.net,
    appeals: entry.appeals.map((appeal) => appeal.status as AppealStatus),
    agentId: user.id,
    now: new Date(),
  });
  return {
    entry,
    appealable,
    deadline: entry.decidedAt ? appealDeadline(entry.decidedAt).toISOString() : null,
    openAppealId: entry.appeals.find((appeal) => appeal.status === "open")?.id ?? null,
    pageTitle: await pageTitle(request, "ledger:mine.entryTitle"),
  };
}

const AgentActionSchema = z.discriminatedUnion("intent", [
  AppealSchema.extend({ intent: z.literal("appeal") }),
  z.object({ intent: z.literal("withdraw"), appealId: z.string().min(1) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "appeal:ledger:own");
  const entryId = params.entryId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: AgentActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const value = submission.value;
  if (value.intent === "withdraw") {
    const result = await refusalAsFormError(() => withdrawAppeal(value.appealId, actor));
    if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
    return redirectWithFlash(`/performance/ledger/${entryId}`, { kind: "success", message: "ledger:flash.withdrawn" });
  }
  const result = await refusalAsFormError(() => openAppeal(entryId, actor, value.reason));
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
  return redirectWithFlash(`/performance/ledger/${entryId}`, { kind: "success", message: "ledger:flash.appealed" });
}

export default function MyLedgerEntryPage() {
  const { t } = useTranslation(["ledger", "common"]);
  const format = useFormat();
  const { entry, appealable, deadline, openAppealId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("mine.entryTitle")}
        actions={
          <Link to="/performance/ledger" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <EntrySummary entry={entry} linkTo={(id) => `/performance/ledger/${id}`} />
      {openAppealId ? (
        <section className="card space-y-2 p-6" data-testid="my-appeal-open">
          <p className="text-sm text-slate-700">{t("mine.appealWaiting")}</p>
          <WithdrawForm appealId={openAppealId} />
        </section>
      ) : null}
      {appealable && deadline ? (
        <div id="appeal">
          <AppealForm lastResult={lastResult} deadline={format.dateTime(deadline)} />
        </div>
      ) : null}
      <EntryHistory corrections={entry.corrections} appeals={entry.appeals} />
    </div>
  );
}
