import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PeerPicker } from "~/components/feedback/peer-picker";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { PeerChoiceSchema } from "~/modules/feedback/cycles";
import { ownPeerChoice, setPeers } from "~/modules/feedback/peers.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rate:feedback:own");
  const choice = await ownPeerChoice(params.subjectId ?? "", user.id);
  return { choice, pageTitle: await pageTitle(request, "feedback:peers.ownTitle") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rate:feedback:own");
  const subjectId = params.subjectId ?? "";
  const formData = await request.formData();
  formData.set("subjectId", subjectId);
  const submission = parseWithZod(formData, { schema: PeerChoiceSchema });
  if (submission.status !== "success") return data({ error: "validation:required" }, { status: 400 });
  const result = await setPeers(
    subjectId,
    submission.value.raterIds,
    { kind: "subject", userId: user.id },
    {
      id: user.id,
      ipAddress: clientIp(request),
    },
  );
  if (!result.ok) return data({ error: result.error }, { status: 400 });
  return redirectWithFlash("/performance/feedback", {
    kind: "success",
    message: "feedback:flash.peersSaved",
    params: { added: result.added, removed: result.removed },
  });
}

export default function ChooseOwnPeersPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { choice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title={t("peers.ownTitle")}
        description={t("peers.ownIntro", {
          name: choice.cycle.name,
          min: choice.cycle.minPeers,
          max: choice.cycle.maxPeers,
        })}
        actions={
          <Link to="/performance/feedback" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      {choice.cycle.status === "closed" ? (
        <p className="card p-5 text-sm text-slate-600">{t("peers.closed")}</p>
      ) : (
        <PeerPicker
          subjectId={choice.id}
          title={choice.cycle.name}
          candidates={choice.candidates}
          chosen={choice.chosen}
          min={choice.cycle.minPeers}
          max={choice.cycle.maxPeers}
          error={actionData?.error ?? null}
        />
      )}
    </div>
  );
}
