import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArticleKindBadge } from "~/components/training/kb/badges";
import { isOverdue, type CoachingStatus } from "~/modules/qa/coaching/coaching";
import type { ArticleKindValue } from "~/modules/training/kb/kb";
import { useFormat } from "~/utils/use-format";
import { CoachingStatusBadge, OutcomeBadge, ResourceLink } from "./badges";

export type TaskView = {
  id: string;
  title: string;
  notes: string;
  resourceTitle: string | null;
  resourceUrl: string | null;
  course: { id: string; title: string; status: EnrollmentStatus; completedAt: string | null } | null;
  article: { slug: string; title: string; kind: ArticleKindValue } | null;
  dueAt: string;
  status: CoachingStatus;
  followUpWanted: boolean;
  outcome: string | null;
  agentNote: string | null;
  completedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  agent: { id: string; name: string; externalId: string; team: string | null };
  createdBy: string | null;
  sourceReview: { id: string; score: number | null; submittedAt: string | null } | null;
  followUpReview: { id: string; score: number | null; submittedAt: string | null } | null;
};

type EnrollmentStatus = "not_started" | "in_progress" | "completed";

const ENROLLMENT_STYLES: Record<EnrollmentStatus, string> = {
  not_started: "bg-slate-100 text-slate-700",
  in_progress: "bg-sky-50 text-sky-700",
  completed: "bg-emerald-50 text-emerald-700",
};

export type CriterionView = { key: string; name: string; description: string | null; guidance: string | null };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

/** The task as both sides see it; `reviewPath` is where review links go (/qa/reviews or /agent/reviews). */
export function TaskDetails({
  task,
  criteria,
  reviewPath,
}: {
  task: TaskView;
  criteria: CriterionView[];
  reviewPath: string;
}) {
  const { t } = useTranslation(["qa-coaching", "training", "common"]);
  const format = useFormat();
  return (
    <div className="space-y-6">
      <section className="card p-6">
        <dl className="divide-y divide-slate-100">
          <Row label={t("common:fields.status")}>
            <span className="inline-flex items-center gap-2">
              <CoachingStatusBadge status={task.status} overdue={isOverdue(task, format.now)} />
              <OutcomeBadge outcome={task.outcome} />
            </span>
          </Row>
          <Row label={t("columns.agent")}>
            {task.agent.name}（{task.agent.externalId}）{task.agent.team ? ` · ${task.agent.team}` : ""}
          </Row>
          <Row label={t("columns.due")}>{format.date(task.dueAt)}</Row>
          <Row label={t("columns.createdBy")}>
            {task.createdBy ?? "—"} · {format.dateTime(task.createdAt)}
          </Row>
          <Row label={t("detail.followUp")}>
            {task.followUpWanted ? t("detail.followUpWanted") : t("detail.noFollowUp")}
          </Row>
          {task.sourceReview ? (
            <Row label={t("detail.sourceReview")}>
              <Link to={`${reviewPath}/${task.sourceReview.id}`} className="text-brand-700 hover:underline">
                {t("detail.reviewSummary", {
                  score: task.sourceReview.score ?? "—",
                  date: format.date(task.sourceReview.submittedAt),
                })}
              </Link>
            </Row>
          ) : null}
          {task.course ? (
            <Row label={t("detail.course")}>
              <span className="inline-flex flex-wrap items-center gap-2">
                <Link to={`/learn/courses/${task.course.id}`} className="text-brand-700 hover:underline">
                  {task.course.title}
                </Link>
                <span className={`badge ${ENROLLMENT_STYLES[task.course.status]}`} data-testid="course-status">
                  {t(`training:enrollmentStatus.${task.course.status}`)}
                </span>
                {task.course.completedAt ? (
                  <span className="text-xs text-slate-500">{format.date(task.course.completedAt)}</span>
                ) : null}
              </span>
            </Row>
          ) : null}
          {task.article ? (
            <Row label={t("detail.article")}>
              <span className="inline-flex items-center gap-2">
                <ArticleKindBadge kind={task.article.kind} />
                <Link to={`/kb/${task.article.slug}`} className="text-brand-700 hover:underline">
                  {task.article.title}
                </Link>
              </span>
            </Row>
          ) : null}
          {task.resourceUrl ? (
            <Row label={t("detail.resource")}>
              <ResourceLink title={task.resourceTitle} url={task.resourceUrl} />
            </Row>
          ) : null}
        </dl>
      </section>
      <section className="card p-6">
        <h2 className="text-base font-semibold text-slate-900">{t("detail.notes")}</h2>
        <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{task.notes}</p>
      </section>
      {criteria.length > 0 ? (
        <section className="card p-6" aria-labelledby="criteria-heading">
          <h2 id="criteria-heading" className="text-base font-semibold text-slate-900">
            {t("detail.criteria")}
          </h2>
          <ul className="mt-3 space-y-3">
            {criteria.map((criterion) => (
              <li key={criterion.key} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium text-slate-900">{criterion.name}</p>
                {criterion.description ? <p className="mt-1 text-slate-600">{criterion.description}</p> : null}
                {criterion.guidance ? (
                  <p className="mt-1 whitespace-pre-line text-slate-500">
                    <span className="font-medium text-slate-600">{t("detail.guidance")}</span>
                    {criterion.guidance}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {task.agentNote ? (
        <section className="card p-6">
          <h2 className="text-base font-semibold text-slate-900">{t("detail.agentNote")}</h2>
          <p className="mt-1 text-xs text-slate-500">{format.dateTime(task.completedAt)}</p>
          <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{task.agentNote}</p>
        </section>
      ) : null}
      {task.followUpReview ? (
        <section className="card p-6">
          <h2 className="text-base font-semibold text-slate-900">{t("detail.followUpReview")}</h2>
          <p className="mt-2 text-sm">
            <Link to={`${reviewPath}/${task.followUpReview.id}`} className="text-brand-700 hover:underline">
              {t("detail.reviewSummary", {
                score: task.followUpReview.score ?? "—",
                date: format.date(task.followUpReview.submittedAt),
              })}
            </Link>{" "}
            <OutcomeBadge outcome={task.outcome} />
          </p>
        </section>
      ) : null}
    </div>
  );
}
