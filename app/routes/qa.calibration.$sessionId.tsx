import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { CalibrationResultsView } from "~/components/qa/calibration/results-view";
import { MyReviewsCard, ParticipantsCard } from "~/components/qa/calibration/session-progress";
import { SessionStatusBadge } from "~/components/qa/calibration/status-badge";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission, requireUser, userCan } from "~/modules/identity/session.server";
import { closeCalibrationSession, loadCalibrationSession } from "~/modules/qa/calibration/calibration.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, conflict, notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!userCan(user, "manage:calibration:any") && !userCan(user, "join:calibration:own")) {
    throw forbidden("join:calibration:own");
  }
  const view = await loadCalibrationSession(params.sessionId ?? "", user);
  if (!view) notFound("calibration session not found");
  return {
    ...view,
    pageTitle: await pageTitle(request, "qa-calibration:session.pageTitle", { title: view.session.title }),
  };
}

/** Close early: managers and QA leads open the results before the deadline. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:calibration:any");
  const form = await request.formData();
  if (form.get("intent") !== "release") badRequest("unknown intent");
  const sessionId = params.sessionId ?? "";
  const result = await closeCalibrationSession(sessionId, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok && result.reason === "not-found") notFound("calibration session not found");
  if (!result.ok) conflict("calibration session already released");
  return redirectWithFlash(`/qa/calibration/${sessionId}`, {
    kind: "success",
    message: "qa-calibration:session.closed",
  });
}

export default function CalibrationSessionPage() {
  const { t } = useTranslation(["qa-calibration", "common"]);
  const { session, canManage, isParticipant, conversations, participants, myReviews, results } =
    useLoaderData<typeof loader>();
  const format = useFormat();
  const navigation = useNavigation();
  const open = session.status === "open";
  const submitted = participants.filter((participant) => participant.submitted).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title={session.title}
        description={t("qa-calibration:session.summary", {
          rubric: session.rubric,
          deadline: format.dateTime(session.deadline),
          count: conversations.length,
        })}
        actions={
          <>
            <SessionStatusBadge status={session.status} />
            {open && canManage ? (
              <Form
                method="post"
                onSubmit={(event) => {
                  if (!window.confirm(t("qa-calibration:session.closeConfirm"))) event.preventDefault();
                }}
              >
                <input type="hidden" name="intent" value="release" />
                <button type="submit" className="btn-secondary" disabled={navigation.state !== "idle"}>
                  {t("qa-calibration:session.close")}
                </button>
              </Form>
            ) : null}
            <Link to="/qa/calibration" className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      {open ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-800" role="note">
          {t("qa-calibration:session.blindNotice", { submitted, total: participants.length })}
        </p>
      ) : (
        <p className="text-sm text-slate-500">
          {t("qa-calibration:session.releasedAt", { at: format.dateTime(session.releasedAt) })}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        {isParticipant ? <MyReviewsCard conversations={conversations} myReviews={myReviews} released={!open} /> : null}
        <ParticipantsCard participants={participants} total={conversations.length} />
      </div>
      {results ? (
        <CalibrationResultsView results={results} />
      ) : !open ? (
        <p className="card p-5 text-sm text-slate-500">{t("qa-calibration:results.unavailable")}</p>
      ) : null}
    </div>
  );
}
