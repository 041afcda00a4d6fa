import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { useMonthLabel } from "~/components/levels/criterion-text";
import { EvidenceTable, ProposalKindBadge, ProposalStatusBadge } from "~/components/levels/evidence-table";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission } from "~/modules/identity/session.server";
import { criterionVocabulary } from "~/modules/levels/ladder.server";
import { DecisionSchema } from "~/modules/levels/level-form";
import { decideProposal, getProposal, levelScope, personInScope } from "~/modules/levels/proposals.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { conflict, notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "decide:level:team");
  const proposal = await getProposal(params.proposalId ?? "");
  if (!proposal) notFound("proposal not found");
  if (!personInScope(levelScope(user, "decide"), proposal.user)) throw forbidden("the person is not in your teams");
  return {
    proposal,
    canDecide: proposal.status === "pending" && proposal.user.id !== user.id,
    vocabulary: await criterionVocabulary(),
    pageTitle: await pageTitle(request, "levels:proposal.title", { name: proposal.user.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "decide:level:team");
  const submission = parseWithZod(await request.formData(), { schema: DecisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = params.proposalId ?? "";
  const approve = submission.value.intent === "approve";
  const result = await decideProposal(
    id,
    levelScope(user, "decide")!,
    { id: user.id, ipAddress: clientIp(request) },
    {
      approve,
      reason: submission.value.reason ?? null,
    },
  );
  if (!result.ok) {
    if (result.status === 400) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    if (result.status === 403) throw forbidden(result.reason);
    if (result.status === 404) notFound(result.reason);
    conflict(`the proposal cannot be decided: ${result.reason}`);
  }
  return redirectWithFlash(`/levels/proposals/${id}`, {
    kind: "success",
    message: approve ? "levels:flash.approved" : "levels:flash.rejected",
  });
}

export default function ProposalPage() {
  const { t } = useTranslation(["levels", "common"]);
  const format = useFormat();
  const monthLabel = useMonthLabel();
  const { proposal, canDecide, vocabulary } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "level-decision", lastResult: lastResult ?? undefined });
  const { evidence } = proposal;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("proposal.title", { name: proposal.user.name })}
        description={t("proposal.description", {
          from: proposal.fromLevel ? `${proposal.fromLevel.code} ${proposal.fromLevel.name}` : "—",
          to: proposal.toLevel ? `${proposal.toLevel.code} ${proposal.toLevel.name}` : "—",
          month: monthLabel(proposal.period),
        })}
        actions={
          <>
            <Link to={`/levels/people/${proposal.user.id}`} className="btn-ghost">
              {t("proposal.person")}
            </Link>
            <Link to="/levels/proposals" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      <section className="card flex flex-wrap items-center gap-3 p-4 text-sm text-slate-600">
        <ProposalKindBadge kind={proposal.kind} />
        <ProposalStatusBadge status={proposal.status} />
        <span>
          {proposal.user.externalId} · {proposal.user.team?.name ?? t("people.noTeam")}
        </span>
        {proposal.decidedAt ? (
          <span>
            {t("proposal.decided", { name: proposal.decidedBy?.name ?? "—", at: format.dateTime(proposal.decidedAt) })}
          </span>
        ) : null}
        {proposal.reason ? <span>{t("history.reason", { reason: proposal.reason })}</span> : null}
      </section>
      <section className="card overflow-hidden">
        <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {proposal.kind === "promotion"
            ? t("proposal.evidencePromotion", { code: evidence.levelCode })
            : t("proposal.evidenceDemotion", { code: evidence.levelCode, month: monthLabel(evidence.month) })}
        </h2>
        <EvidenceTable criteria={evidence.criteria} vocabulary={vocabulary} />
        {evidence.previous ? (
          <EvidenceTable
            criteria={evidence.previous.criteria}
            vocabulary={vocabulary}
            caption={t("proposal.previousMonth", { month: monthLabel(evidence.previous.month) })}
          />
        ) : null}
      </section>
      {canDecide ? (
        <Form method="post" {...getFormProps(form)} className="card space-y-4 p-6">
          <h2 className="text-base font-semibold text-slate-900">{t("proposal.decide")}</h2>
          <FormError errors={form.errors} />
          <Field
            id={fields.reason.id}
            label={t("proposal.reason")}
            errors={fields.reason.errors}
            hint={t("proposal.reasonHint")}
          >
            <textarea {...getTextareaProps(fields.reason)} rows={3} className="input" maxLength={500} />
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            <button
              type="submit"
              name="intent"
              value="reject"
              className="btn-danger"
              disabled={navigation.state !== "idle"}
            >
              {t("proposal.reject")}
            </button>
            <button
              type="submit"
              name="intent"
              value="approve"
              className="btn-primary"
              disabled={navigation.state !== "idle"}
            >
              {t("proposal.approve")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
