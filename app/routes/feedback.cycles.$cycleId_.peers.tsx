import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleStatusBadge } from "~/components/feedback/badges";
import { PeerPicker } from "~/components/feedback/peer-picker";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { PeerChoiceSchema, scopeFor } from "~/modules/feedback/cycles";
import { peerBoard, setPeers } from "~/modules/feedback/peers.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { accessLevel } from "~/modules/identity/permissions";
import { clientIp, requirePermission, type SessionUser } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

function peerScope(user: SessionUser) {
  return scopeFor(user, accessLevel(user.permissions, "choose", "feedback-peers") === "any" ? "any" : "team")!;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "choose:feedback-peers:team");
  const { page, pageSize } = readPagination(new URL(request.url));
  const board = await peerBoard(params.cycleId ?? "", peerScope(user), page, pageSize);
  return {
    ...board,
    page,
    pageSize,
    canManage: user.permissions.has("manage:feedback-cycle:any"),
    pageTitle: await pageTitle(request, "feedback:peers.pageTitle", { name: board.cycle.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "choose:feedback-peers:team");
  const submission = parseWithZod(await request.formData(), { schema: PeerChoiceSchema });
  if (submission.status !== "success") return data({ subjectId: null, error: "validation:required" }, { status: 400 });
  const result = await setPeers(
    submission.value.subjectId,
    submission.value.raterIds,
    { kind: "scope", scope: peerScope(user) },
    { id: user.id, ipAddress: clientIp(request) },
  );
  if (!result.ok) return data({ subjectId: submission.value.subjectId, error: result.error }, { status: 400 });
  const url = new URL(request.url);
  return redirectWithFlash(`/feedback/cycles/${params.cycleId}/peers${url.search}`, {
    kind: "success",
    message: "feedback:flash.peersSaved",
    params: { added: result.added, removed: result.removed },
  });
}

export default function FeedbackPeersPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { cycle, subjects, total, page, pageSize, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("peers.title")}
        description={t("peers.intro", { name: cycle.name, min: cycle.minPeers, max: cycle.maxPeers })}
        actions={
          <>
            <CycleStatusBadge status={cycle.status} />
            <Link to={canManage ? `/feedback/cycles/${cycle.id}` : "/feedback/reports"} className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      {cycle.status === "closed" ? (
        <p className="card p-5 text-sm text-slate-600">{t("peers.closed")}</p>
      ) : subjects.length === 0 ? (
        <p className="card p-5 text-sm text-slate-600">{t("peers.noSubjects")}</p>
      ) : (
        <div className="space-y-4">
          <p className="text-xs text-slate-500">{t("peers.keepSubmitted")}</p>
          {subjects.map((subject) => (
            <PeerPicker
              key={`${subject.id}-${subject.chosen.join(",")}`}
              subjectId={subject.id}
              title={`${subject.name}（${subject.externalId}）${subject.team ? ` · ${subject.team}` : ""}`}
              candidates={subject.candidates}
              chosen={subject.chosen}
              min={cycle.minPeers}
              max={cycle.maxPeers}
              error={actionData && actionData.subjectId === subject.id ? actionData.error : null}
            />
          ))}
          <Pagination page={page} pageSize={pageSize} total={total} />
        </div>
      )}
    </div>
  );
}
