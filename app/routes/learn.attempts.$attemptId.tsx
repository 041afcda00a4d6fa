import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { Countdown } from "~/components/training/exam-taking/countdown";
import { QuestionInput } from "~/components/training/exam-taking/question-input";
import { ScenarioItemTakingCard } from "~/components/training/exam-taking/scenario-item-card";
import { useAutosave, type SaveState } from "~/components/training/exam-taking/use-autosave";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { isAnswered } from "~/modules/training/exams/answers";
import { saveAnswer, submitAttempt } from "~/modules/training/exams/attempts.server";
import { startScenarioItem } from "~/modules/training/exams/roleplay-items.server";
import { attemptForTaking } from "~/modules/training/exams/results.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "take:exam:own");
  const attemptId = params.attemptId!;
  let view = await attemptForTaking(attemptId, user.id);
  if (!view) notFound("attempt not found");
  const now = new Date();
  if (view.attempt.status === "in_progress" && view.attempt.deadlineAt && now > view.attempt.deadlineAt) {
    // The deadline passed while the learner was away: close it now rather than wait for the job.
    await submitAttempt(attemptId, user.id, now);
    view = await attemptForTaking(attemptId, user.id);
  }
  if (!view || view.attempt.status !== "in_progress") throw redirect(`/learn/attempts/${attemptId}/result`);
  return {
    attempt: {
      id: view.attempt.id,
      number: view.attempt.number,
      deadlineAt: view.attempt.deadlineAt,
      exam: { id: view.attempt.exam.id, title: view.attempt.exam.title },
    },
    items: view.items,
    scenarioItems: view.scenarioItems,
    serverNow: now.toISOString(),
    pageTitle: await pageTitle(request, "training-attempts:taking.title"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "take:exam:own");
  const attemptId = params.attemptId!;
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "save") {
    const position = Number(form.get("position"));
    const answer = form.get("answer");
    if (!Number.isInteger(position) || position < 1 || typeof answer !== "string") {
      return data({ ok: false as const, reason: "bad-request" }, { status: 400 });
    }
    const result = await saveAnswer(attemptId, user.id, position, answer);
    if (!result.ok) return data({ ok: false as const, reason: result.reason }, { status: result.status });
    return { ok: true as const, savedAt: result.savedAt.toISOString() };
  }
  if (intent === "start-scenario") {
    const position = Number(form.get("position"));
    if (!Number.isInteger(position) || position < 1) {
      return data({ ok: false as const, reason: "bad-request" }, { status: 400 });
    }
    const started = await startScenarioItem(attemptId, position, user.id);
    if (!started.ok) return data({ ok: false as const, reason: started.reason }, { status: started.status });
    throw redirect(`/learn/roleplay/sessions/${started.sessionId}`);
  }
  if (intent === "submit") {
    const result = await submitAttempt(attemptId, user.id);
    if (!result.ok && result.reason === "roleplay-open") {
      return data({ ok: false as const, reason: result.reason, positions: result.positions }, { status: 409 });
    }
    if (!result.ok) notFound("attempt not found");
    throw redirect(`/learn/attempts/${attemptId}/result`);
  }
  return data({ ok: false as const, reason: "unknown-intent" }, { status: 400 });
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation("training-attempts");
  const format = useFormat();
  const text =
    state.kind === "saving"
      ? t("autosave.saving")
      : state.kind === "saved"
        ? t("autosave.saved", {
            time: new Intl.DateTimeFormat(format.context.locale, {
              hour: "2-digit",
              minute: "2-digit",
              second: "2-digit",
              hour12: false,
              timeZone: format.context.timeZone,
            }).format(state.at),
          })
        : state.kind === "offline"
          ? t("autosave.offline")
          : state.kind === "closed"
            ? t("autosave.closed")
            : state.kind === "error"
              ? t("autosave.error")
              : t("autosave.idle");
  const tone =
    state.kind === "offline" || state.kind === "error" || state.kind === "closed"
      ? "text-rose-700"
      : state.kind === "saved"
        ? "text-emerald-700"
        : "text-slate-500";
  return (
    <p className={`text-xs ${tone}`} role="status" aria-live="polite" data-testid="autosave-status">
      {text}
    </p>
  );
}

export default function TakeExamPage() {
  const { t } = useTranslation(["training-attempts", "common"]);
  const { attempt, items, scenarioItems, serverNow } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const openRolePlays = scenarioItems.filter((item) => !item.session || item.session.status === "in_progress");
  const location = useLocation();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [skewMs, setSkewMs] = useState(0);
  useEffect(() => setSkewMs(new Date(serverNow).getTime() - Date.now()), [serverNow]);
  const autosave = useAutosave(`${location.pathname}.data`, skewMs);
  const [answers, setAnswers] = useState<Record<number, unknown>>(() =>
    Object.fromEntries(items.map((item) => [item.position, item.response])),
  );
  const [confirming, setConfirming] = useState(false);
  const submitForm = useRef<HTMLFormElement>(null);
  const unanswered = useMemo(
    () => items.filter((item) => !isAnswered(answers[item.position])).map((item) => item.position),
    [items, answers],
  );
  const submitting = navigation.state !== "idle" && navigation.formMethod === "POST";

  const submitNow = useCallback(async () => {
    await autosave.flush();
    submitForm.current?.requestSubmit();
  }, [autosave]);

  useEffect(() => {
    if (autosave.state.kind === "closed") revalidator.revalidate();
  }, [autosave.state.kind, revalidator]);

  const update = (position: number, value: unknown) => {
    setAnswers((current) => ({ ...current, [position]: value }));
    autosave.change(position, value);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
      <div className="space-y-4">
        <header>
          <p className="text-sm text-slate-500">{t("taking.attemptNumber", { number: attempt.number })}</p>
          <h1 className="page-title">{attempt.exam.title}</h1>
        </header>
        {items.map((item) => (
          <QuestionInput
            key={item.position}
            question={item}
            value={answers[item.position]}
            disabled={submitting || autosave.state.kind === "closed"}
            onChange={(value) => update(item.position, value)}
          />
        ))}
        {scenarioItems.map((item) => (
          <ScenarioItemTakingCard key={item.position} item={item} disabled={submitting} />
        ))}
      </div>
      <aside className="lg:sticky lg:top-20 lg:self-start">
        <div className="card space-y-4 p-4">
          {attempt.deadlineAt ? (
            <Countdown
              deadlineAt={attempt.deadlineAt}
              serverNow={serverNow}
              skewMs={skewMs}
              onExpire={() => void submitNow()}
            />
          ) : (
            <p className="rounded-md bg-slate-100 px-3 py-2 text-center text-sm text-slate-600">
              {t("taking.noTimeLimit")}
            </p>
          )}
          <SaveStatus state={autosave.state} />
          <nav aria-label={t("taking.navigator")}>
            <p className="mb-2 text-xs text-slate-500">
              {t("taking.answeredCount", { answered: items.length - unanswered.length, total: items.length })}
            </p>
            <ol className="grid grid-cols-6 gap-1.5">
              {items.map((item) => {
                const done = isAnswered(answers[item.position]);
                return (
                  <li key={item.position}>
                    <a
                      href={`#q${item.position}`}
                      className={`flex h-8 items-center justify-center rounded text-xs font-medium tabular-nums ${
                        done ? "bg-brand-600 text-white" : "border border-slate-300 text-slate-600 hover:bg-slate-50"
                      }`}
                      aria-label={t(done ? "taking.navAnswered" : "taking.navUnanswered", { number: item.position })}
                    >
                      {item.position}
                    </a>
                  </li>
                );
              })}
            </ol>
          </nav>
          {actionData && !actionData.ok && actionData.reason === "roleplay-open" ? (
            <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800" role="alert">
              {t("roleplay:exam.submitBlocked")}
            </p>
          ) : null}
          <Form method="post" ref={submitForm}>
            <input type="hidden" name="intent" value="submit" />
            {confirming ? (
              <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
                {openRolePlays.length > 0 ? (
                  <p className="font-medium text-rose-800">
                    {t("roleplay:exam.confirmOpen", {
                      list: openRolePlays.map((item) => item.position).join("、"),
                    })}
                  </p>
                ) : null}
                <p>
                  {unanswered.length > 0
                    ? t("taking.confirmUnanswered", { count: unanswered.length, list: unanswered.join("、") })
                    : t("taking.confirmAll")}
                </p>
                <div className="flex gap-2">
                  <button type="button" className="btn-primary" disabled={submitting} onClick={() => void submitNow()}>
                    {t("taking.confirmSubmit")}
                  </button>
                  <button type="button" className="btn-ghost" onClick={() => setConfirming(false)}>
                    {t("common:actions.cancel")}
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                className="btn-primary w-full justify-center"
                disabled={submitting}
                onClick={() => setConfirming(true)}
              >
                {t("taking.submit")}
              </button>
            )}
          </Form>
        </div>
      </aside>
    </div>
  );
}
