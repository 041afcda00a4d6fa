import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { titleFromLoader } from "~/components/meta";
import { ChatTranscript } from "~/components/roleplay/chat/chat-transcript";
import { HintToggle } from "~/components/roleplay/chat/hint-toggle";
import { OrderPanel } from "~/components/roleplay/chat/order-panel";
import { PersonaCard } from "~/components/roleplay/chat/persona-card";
import { REPLY_MAX_LENGTH, ReplyBox } from "~/components/roleplay/chat/reply-box";
import { ReplyTimer } from "~/components/roleplay/chat/reply-timer";
import { useServerClock } from "~/components/roleplay/chat/use-server-clock";
import { SessionReport } from "~/components/roleplay/report/session-report";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import { visibleTurns } from "~/modules/roleplay/play-clock";
import { sessionBackLink } from "~/modules/roleplay/briefing.server";
import { asPlayError } from "~/modules/roleplay/play-errors.server";
import { abandonRolePlaySession, loadPlayView, sendRolePlayReply } from "~/modules/roleplay/sessions.server";
import { db } from "~/utils/db.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:roleplay-session:own");
  const view = await loadPlayView(params.sessionId ?? "", { id: user.id, permissions: user.permissions });
  const own = view.session.userId === user.id;
  const player = own
    ? null
    : await db.user.findUnique({
        where: { id: view.session.userId },
        select: { name: true, externalId: true },
      });
  const back = await sessionBackLink(view.session, own, userCan(user, "score:roleplay:any"));
  return {
    view,
    own,
    player,
    back,
    serverNow: Date.now(),
    pageTitle: await pageTitle(request, "roleplay:play.session.title", { title: view.scenario.title }),
  };
}

const PlayIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), text: z.string().trim().min(1).max(REPLY_MAX_LENGTH) }),
  z.object({ intent: z.literal("abandon") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "play:scenario:own");
  const sessionId = params.sessionId ?? "";
  const parsed = PlayIntent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "play.errors.400" }, { status: 400 });
  if (parsed.data.intent === "abandon") {
    const result = await asPlayError(() => abandonRolePlaySession({ sessionId, userId: user.id }));
    if (!result.ok) return result.response;
    return redirect(`/learn/roleplay/sessions/${sessionId}`);
  }
  const { text } = parsed.data;
  const result = await asPlayError(() => sendRolePlayReply({ sessionId, userId: user.id, text }));
  if (!result.ok) return result.response;
  return { ok: true as const };
}

export default function RolePlaySessionPage() {
  const { t } = useTranslation("roleplay");
  const { view, own, player, back, serverNow } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<{ ok?: boolean; error?: string }>({ key: `roleplay-reply-${view.session.id}` });
  const now = useServerClock(serverNow);
  const { session, scenario } = view;
  const { visible, typing } = visibleTurns(view.turns, now);
  const inProgress = session.status === "in_progress";
  const sending = fetcher.state !== "idle";
  const pendingReply = sending ? String(fetcher.formData?.get("text") ?? "") || null : null;
  const canReply = own && inProgress;
  const showReport = !inProgress && !typing && view.result;
  const replies = view.turns.filter((turn) => turn.speaker === "agent");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="page-title">{scenario.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
            <span className="badge bg-slate-100 text-slate-700">{t(`play.mode.${session.mode}`)}</span>
            <span className="badge bg-slate-100 text-slate-700">{t(`play.status.${session.status}`)}</span>
            <span>{t(`play.channel.${scenario.channel}`)}</span>
            <span>{t(`play.difficulty.${scenario.difficulty}`, { defaultValue: scenario.difficulty })}</span>
            <span>{t("play.session.version", { version: session.version })}</span>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {own && inProgress ? (
            <Form
              method="post"
              onSubmit={(event) => {
                if (!window.confirm(t("play.session.abandonConfirm"))) event.preventDefault();
              }}
            >
              <button type="submit" name="intent" value="abandon" className="btn-danger">
                {t(`play.session.end.${session.mode}`)}
              </button>
            </Form>
          ) : null}
          <Link to={back.to} className="btn-ghost">
            {t(back.label)}
          </Link>
        </div>
      </div>
      {session.mode === "test" ? (
        <p className="rounded-md bg-violet-50 px-4 py-2 text-sm font-medium text-violet-800" data-testid="test-banner">
          {t("play.session.testBanner")}
        </p>
      ) : null}
      {!own && player ? (
        <p className="rounded-md bg-slate-100 px-4 py-2 text-sm text-slate-700" data-testid="readonly-banner">
          {t("play.session.readOnly", { name: player.name, externalId: player.externalId })}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr),20rem]">
        <div className="space-y-4">
          <section className="card overflow-hidden">
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
              <p className="text-sm text-slate-600">{t("play.session.with", { name: scenario.persona.name })}</p>
              {inProgress ? (
                <ReplyTimer
                  awaitingSince={session.awaitingSince}
                  limitSeconds={session.replyTimeLimitSeconds}
                  now={now}
                  running={!typing && !sending}
                />
              ) : null}
            </div>
            <ChatTranscript
              turns={visible}
              customerName={scenario.persona.name}
              typing={typing}
              pendingReply={pendingReply}
            />
            {canReply ? <ReplyBox fetcher={fetcher} disabled={typing} /> : null}
            {!inProgress && typing ? (
              <p className="border-t border-slate-200 px-4 py-2 text-sm text-slate-500">{t("play.session.ending")}</p>
            ) : null}
          </section>
          {showReport ? (
            <>
              <SessionReport
                result={view.result!}
                outcome={session.outcome}
                status={session.status}
                replies={replies}
              />
              {own && session.mode === "practice" ? (
                <Form method="post" action={`/learn/roleplay/${session.scenarioId}`} className="flex justify-end">
                  <button type="submit" name="intent" value="start" className="btn-primary">
                    {t("play.session.again")}
                  </button>
                </Form>
              ) : null}
            </>
          ) : null}
        </div>
        <aside className="space-y-4">
          <section className="card space-y-1 p-4 text-sm">
            <h2 className="text-sm font-semibold text-slate-500">{t("play.briefing.goal")}</h2>
            <p className="text-slate-800">{scenario.goal}</p>
          </section>
          {canReply && view.hint ? <HintToggle key={view.turns.length} hint={view.hint} /> : null}
          <PersonaCard persona={scenario.persona} />
          <OrderPanel order={scenario.order} />
        </aside>
      </div>
    </div>
  );
}
