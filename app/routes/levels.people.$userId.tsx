import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { useMonthLabel } from "~/components/levels/criterion-text";
import { EvidenceTable, ProposalKindBadge, ProposalStatusBadge } from "~/components/levels/evidence-table";
import { LevelHistoryList } from "~/components/levels/history-list";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission, userCan } from "~/modules/identity/session.server";
import { criterionVocabulary, levelOptions, levelStanding } from "~/modules/levels/ladder.server";
import { ManualChangeSchema } from "~/modules/levels/level-form";
import { changeLevelManually, levelHistory, levelScope, personInScope } from "~/modules/levels/proposals.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:level:team");
  const userId = params.userId ?? "";
  const standing = await levelStanding(userId);
  if (!standing) notFound("person not found");
  if (!personInScope(levelScope(user, "read"), standing.person)) throw forbidden("the person is not in your teams");
  const canChange = userCan(user, "manage:level:any");
  const [history, proposals, vocabulary, options] = await Promise.all([
    levelHistory(userId),
    db.levelProposal.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 12,
      select: { id: true, kind: true, status: true, period: true },
    }),
    criterionVocabulary(),
    canChange ? levelOptions() : Promise.resolve([]),
  ]);
  return {
    ...standing,
    history,
    proposals: proposals.map((proposal) => ({ ...proposal, period: proposal.period.toISOString().slice(0, 10) })),
    vocabulary,
    options,
    canChange,
    pageTitle: await pageTitle(request, "levels:people.title", { name: standing.person.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:level:any");
  const submission = parseWithZod(await request.formData(), { schema: ManualChangeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const userId = params.userId ?? "";
  const result = await changeLevelManually(userId, submission.value.levelId, submission.value.reason, {
    id: user.id,
    ipAddress: clientIp(request),
  });
  if (!result.ok) {
    if (result.status === 400) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    notFound("person not found");
  }
  return redirectWithFlash(`/levels/people/${userId}`, { kind: "success", message: "levels:flash.changed" });
}

export default function PersonLevelPage() {
  const { t } = useTranslation(["levels", "common"]);
  const monthLabel = useMonthLabel();
  const { person, level, next, progress, month, history, proposals, vocabulary, options, canChange } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "level-change", lastResult: lastResult ?? undefined });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("people.title", { name: person.name })}
        description={`${person.externalId} · ${person.team?.name ?? t("people.noTeam")}`}
      />
      <section className="card p-5">
        <p className="text-sm text-slate-500">{t("people.current")}</p>
        <p className="mt-1 text-xl font-semibold text-slate-900" data-testid="current-level">
          {level ? `${level.code} ${level.name}` : t("people.noLevel")}
        </p>
        {level ? (
          <p className="text-sm text-slate-500">
            {t("ladder.payBand")}：{level.payBand}
          </p>
        ) : null}
      </section>
      {next && progress ? (
        <section className="card overflow-hidden">
          <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
            {t("people.towardNext", { code: next.code, name: next.name, month: monthLabel(month) })}
          </h2>
          <EvidenceTable criteria={progress.criteria} vocabulary={vocabulary} />
        </section>
      ) : null}
      <section className="card overflow-hidden">
        <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("people.proposals")}
        </h2>
        {proposals.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">{t("proposals.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {proposals.map((proposal) => (
              <li key={proposal.id} className="flex flex-wrap items-center gap-2 px-4 py-3 text-sm">
                <ProposalKindBadge kind={proposal.kind} />
                <ProposalStatusBadge status={proposal.status} />
                <Link to={`/levels/proposals/${proposal.id}`} className="text-brand-700 hover:underline">
                  {t("proposals.month", { month: monthLabel(proposal.period) })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card overflow-hidden">
        <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("history.title")}
        </h2>
        <LevelHistoryList rows={history} />
      </section>
      {canChange ? (
        <Form method="post" {...getFormProps(form)} className="card space-y-4 p-6">
          <h2 className="text-base font-semibold text-slate-900">{t("people.change")}</h2>
          <FormError errors={form.errors} />
          <Field id={fields.levelId.id} label={t("people.newLevel")} errors={fields.levelId.errors}>
            <select {...getSelectProps(fields.levelId)} className="input" defaultValue="">
              <option value="">{t("edit.choose")}</option>
              {options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.code} {option.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fields.reason.id} label={t("proposal.reason")} errors={fields.reason.errors}>
            <textarea {...getTextareaProps(fields.reason)} rows={3} className="input" maxLength={500} />
          </Field>
          <div className="flex justify-end">
            <button type="submit" className="btn-primary">
              {t("people.changeSubmit")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
