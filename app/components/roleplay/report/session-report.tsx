import { useTranslation } from "react-i18next";
import type { AutoReport, PlayView } from "~/modules/roleplay/sessions.server";
import { clockText } from "~/modules/roleplay/play-clock";
import { ResponseTimes } from "./response-times";

type Result = NonNullable<PlayView["result"]>;

function score(value: number | null | undefined) {
  return value === null || value === undefined ? "—" : value.toFixed(value % 1 === 0 ? 0 : 2);
}

export function PassBadge({ passed }: { passed: boolean | null }) {
  const { t } = useTranslation("roleplay");
  if (passed === null) return <span className="badge bg-slate-100 text-slate-600">{t("play.result.undecided")}</span>;
  return passed ? (
    <span className="badge bg-emerald-100 text-emerald-800" data-testid="result-passed">
      {t("play.result.passed")}
    </span>
  ) : (
    <span className="badge bg-rose-100 text-rose-700" data-testid="result-failed">
      {t("play.result.failed")}
    </span>
  );
}

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation("roleplay");
  if (!outcome) return null;
  const tone =
    outcome === "resolved"
      ? "bg-emerald-100 text-emerald-800"
      : outcome === "escalated"
        ? "bg-amber-100 text-amber-800"
        : "bg-rose-100 text-rose-700";
  return <span className={`badge ${tone}`}>{t(`play.outcome.${outcome}`, { defaultValue: outcome })}</span>;
}

function Components({ report }: { report: AutoReport }) {
  const { t } = useTranslation("roleplay");
  const parts = ["steps", "timing", "outcome"] as const;
  return (
    <dl className="grid gap-3 sm:grid-cols-3">
      {parts.map((part) => (
        <div key={part} className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">
            {t(`play.result.component.${part}`)} · {t("play.result.weight", { weight: report.weights[part] })}
          </dt>
          <dd className="text-lg font-semibold text-slate-900">{score(report.components[part])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The end-of-session report: outcome, scores, steps hit and missed, red lines, response times, pass or fail. */
export function SessionReport({
  result,
  outcome,
  status,
  replies,
}: {
  result: Result;
  outcome: string | null;
  status: PlayView["session"]["status"];
  replies: readonly { position: number; text: string; responseSeconds: number | null; overTime: boolean }[];
}) {
  const { t } = useTranslation("roleplay");
  const report = result.report;
  const awaitingReview = status === "pending_review" || (result.review && result.review.status !== "submitted");
  return (
    <section className="card space-y-5 p-5" aria-labelledby="report-title" data-testid="session-report">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="report-title" className="text-lg font-semibold text-slate-900">
          {t("play.result.title")}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <OutcomeBadge outcome={outcome} />
          <PassBadge passed={awaitingReview ? null : result.passed} />
        </div>
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-md border border-slate-200 p-3">
          <dt className="text-xs text-slate-500">{t("play.result.auto")}</dt>
          <dd className="text-2xl font-semibold text-slate-900" data-testid="result-auto">
            {score(result.autoScore)}
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3">
          <dt className="text-xs text-slate-500">{t("play.result.human")}</dt>
          <dd className="text-2xl font-semibold text-slate-900" data-testid="result-human">
            {result.review
              ? result.review.status === "submitted"
                ? score(result.humanScore ?? result.review.score)
                : t("play.result.awaitingReview")
              : t("play.result.noReview")}
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3">
          <dt className="text-xs text-slate-500">{t("play.result.final", { pass: result.passPercent })}</dt>
          <dd className="text-2xl font-semibold text-slate-900" data-testid="result-final">
            {awaitingReview ? t("play.result.awaitingReview") : score(result.finalScore)}
          </dd>
        </div>
      </dl>
      {result.review?.summary ? (
        <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {t("play.result.reviewSummary", { summary: result.review.summary })}
        </p>
      ) : null}
      {report ? (
        <>
          <Components report={report} />
          <p className="text-xs text-slate-500">
            {t("play.result.formula", {
              steps: report.weights.steps,
              timing: report.weights.timing,
              outcome: report.weights.outcome,
            })}
          </p>
          {report.redLines.length > 0 ? (
            <div className="rounded-md border border-rose-200 bg-rose-50 p-3" data-testid="report-red-lines">
              <h3 className="text-sm font-semibold text-rose-800">
                {t("play.result.redLines", { count: report.redLines.length })}
              </h3>
              <ul className="mt-2 space-y-1 text-sm">
                {report.redLines.map((line, index) => (
                  <li key={`${line.key}-${index}`}>
                    <span className="badge mr-2 bg-rose-600 text-white">{t("play.result.redLine")}</span>
                    <span className="font-medium text-rose-900">{line.label}</span>
                    <q className="ml-2 text-rose-800">{line.text}</q>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("play.result.steps")}</h3>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="report-steps">
              {report.steps.map((step) => (
                <li key={step.key} className="flex flex-wrap items-start gap-2 px-3 py-2 text-sm">
                  <span
                    className={`badge ${step.hit ? "bg-emerald-100 text-emerald-800" : "bg-slate-200 text-slate-600"}`}
                  >
                    {step.hit ? t("play.result.hit") : t("play.result.missed")}
                  </span>
                  <span className="font-medium text-slate-900">{step.label}</span>
                  <span className="text-xs text-slate-400">{t("play.result.weight", { weight: step.weight })}</span>
                  {step.hit && step.text ? <q className="basis-full text-slate-600">{step.text}</q> : null}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">
              {t("play.result.timing", {
                within: report.timing.withinLimit,
                replies: report.timing.replies,
                limit: clockText(report.timing.limitSeconds),
              })}
            </h3>
            <p className="mb-2 text-xs text-slate-500">
              {t("play.result.timingStats", {
                mean: report.timing.meanSeconds === null ? "—" : clockText(report.timing.meanSeconds),
                max: report.timing.maxSeconds === null ? "—" : clockText(report.timing.maxSeconds),
              })}
            </p>
            <ResponseTimes replies={replies} limitSeconds={report.timing.limitSeconds} />
          </div>
        </>
      ) : null}
    </section>
  );
}
