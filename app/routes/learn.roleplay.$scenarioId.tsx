import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { OrderPanel } from "~/components/roleplay/chat/order-panel";
import { PersonaCard } from "~/components/roleplay/chat/persona-card";
import { ScoringRule } from "~/components/roleplay/report/scoring-rule";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { loadBriefing } from "~/modules/roleplay/briefing.server";
import { clockText } from "~/modules/roleplay/play-clock";
import { startRolePlaySession } from "~/modules/roleplay/sessions.server";
import { badRequest, notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "play:scenario:own");
  const briefing = await loadBriefing(params.scenarioId ?? "", user.id);
  if (!briefing) notFound("scenario not found or not published");
  return {
    briefing,
    pageTitle: await pageTitle(request, "roleplay:play.briefing.title", { title: briefing.title }),
  };
}

const StartIntent = z.object({ intent: z.literal("start") });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "play:scenario:own");
  if (!StartIntent.safeParse(Object.fromEntries(await request.formData())).success) badRequest("unknown intent");
  const { sessionId } = await startRolePlaySession({
    userId: user.id,
    scenarioId: params.scenarioId ?? "",
    mode: "practice",
  });
  return redirect(`/learn/roleplay/sessions/${sessionId}`);
}

export default function RolePlayBriefingPage() {
  const { t } = useTranslation("roleplay");
  const { briefing } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title={briefing.title}
        description={briefing.summary}
        actions={
          <Link to="/learn/roleplay" className="btn-ghost">
            {t("play.session.back")}
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr),20rem]">
        <div className="space-y-4">
          <section className="card space-y-3 p-5">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="badge bg-slate-100 text-slate-700">{t(`play.difficulty.${briefing.difficulty}`)}</span>
              <span className="badge bg-slate-100 text-slate-700">{t(`play.channel.${briefing.channel}`)}</span>
              <span className="badge bg-slate-100 text-slate-700">
                {t("play.briefing.limit", { time: clockText(briefing.replyTimeLimitSeconds) })}
              </span>
              <span className="text-slate-400">{t("play.session.version", { version: briefing.version })}</span>
            </div>
            <h2 className="text-sm font-semibold text-slate-500">{t("play.briefing.goal")}</h2>
            <p className="text-slate-900" data-testid="briefing-goal">
              {briefing.goal}
            </p>
          </section>
          <ScoringRule briefing={briefing} />
          <Form method="post" className="card flex flex-wrap items-center justify-between gap-3 p-5">
            <p className="text-sm text-slate-600">
              {briefing.resumeSessionId ? t("play.briefing.resumeNote") : t("play.briefing.startNote")}
            </p>
            <button
              type="submit"
              name="intent"
              value="start"
              className="btn-primary"
              disabled={navigation.state !== "idle"}
            >
              {briefing.resumeSessionId ? t("play.briefing.resume") : t("play.briefing.start")}
            </button>
          </Form>
        </div>
        <aside className="space-y-4">
          <PersonaCard persona={briefing.persona} />
          <OrderPanel order={briefing.order} />
        </aside>
      </div>
    </div>
  );
}
