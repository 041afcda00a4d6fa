import { useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TranscriptView } from "~/components/qa/transcript-view";
import { ReviewArticlesField } from "~/components/training/kb/review-articles";
import { MAX_REVIEW_ARTICLES } from "~/modules/training/kb/review-limits";
import { draftToFields, SUMMARY_MAX, type ReviewDraft } from "~/modules/qa/reviews/review-form";
import type { ScoringPageData } from "~/modules/qa/reviews/workbench.server";
import { validateRatings } from "~/modules/qa/scoring";
import { useFormat } from "~/utils/use-format";
import { step, valueForDigit, valueForPassFail, type WorkbenchAction } from "./keymap";
import { liveScore } from "./live-score";
import { PinCommentForm, PinnedCommentList, type PinnedComment } from "./pinned-comments";
import { ReviewFacts } from "./review-header";
import { RubricPanel } from "./rubric-panel";
import { ScoreFigure } from "./score-badge";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SubmitDialog } from "./submit-dialog";
import { useAutosave } from "./use-autosave";
import { useWorkbenchKeys } from "./use-workbench-keys";

function clockTime(value: string, context: { locale: string; timeZone: string }) {
  return new Intl.DateTimeFormat(context.locale, {
    timeZone: context.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(value));
}

export type SubmitResponse = {
  intent: "submit";
  ok: false;
  error: string;
  missing?: string[];
  naNotAllowed?: string[];
};

export function ScoringWorkbench({ data }: { data: ScoringPageData }) {
  const { t } = useTranslation(["qa-review", "common"]);
  const format = useFormat();
  const { rubric, transcript, header } = data;
  const criteria = rubric.criteria;
  const [draft, setDraft] = useState<ReviewDraft>(data.draft);
  const [activeIndex, setActiveIndex] = useState(() => {
    const firstUnrated = criteria.findIndex((criterion) => data.draft.ratings[criterion.id] === undefined);
    return Math.max(0, firstUnrated);
  });
  const [openComments, setOpenComments] = useState<Set<string>>(new Set());
  const [selectedMessageId, setSelectedMessageId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const commentBoxes = useRef(new Map<string, HTMLTextAreaElement>());
  const focusCommentOf = useRef<string | null>(null);

  const autosave = useAutosave(header.id, draft, criteria);
  const submit = useSubmit();
  const navigation = useNavigation();
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "submit";
  const actionData = useActionData<SubmitResponse>();

  useEffect(() => {
    if (actionData?.intent === "submit" && !actionData.ok) {
      setConfirmOpen(false);
      setMissing(new Set([...(actionData.missing ?? []), ...(actionData.naNotAllowed ?? [])]));
    }
  }, [actionData]);

  const live = useMemo(
    () => liveScore(criteria, draft.ratings, rubric.passMark),
    [criteria, draft.ratings, rubric.passMark],
  );
  const activeCriterion = criteria[activeIndex];

  const focusCriterion = useCallback(
    (index: number) => {
      setActiveIndex(index);
      const criterion = criteria[index];
      if (criterion) {
        document.getElementById(`criterion-${criterion.id}`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
    },
    [criteria],
  );

  const rate = useCallback((criterionId: string, value: number | null) => {
    setDraft((current) => ({ ...current, ratings: { ...current.ratings, [criterionId]: value } }));
    setMissing((current) => {
      if (!current.has(criterionId)) return current;
      const next = new Set(current);
      next.delete(criterionId);
      return next;
    });
  }, []);

  const toggleComment = useCallback((criterionId: string, open: boolean) => {
    setOpenComments((current) => {
      const next = new Set(current);
      if (open) next.add(criterionId);
      else next.delete(criterionId);
      return next;
    });
    if (open) focusCommentOf.current = criterionId;
  }, []);

  useEffect(() => {
    const id = focusCommentOf.current;
    if (id && commentBoxes.current.get(id)) {
      commentBoxes.current.get(id)?.focus();
      focusCommentOf.current = null;
    }
  });

  const requestSubmit = useCallback(() => {
    const { missing: unrated, naNotAllowed } = validateRatings(criteria, draft.ratings);
    const problems = [...unrated, ...naNotAllowed];
    if (problems.length > 0) {
      setMissing(new Set(problems));
      focusCriterion(criteria.findIndex((criterion) => criterion.id === problems[0]));
      return;
    }
    setConfirmOpen(true);
  }, [criteria, draft.ratings, focusCriterion]);

  const confirmSubmit = useCallback(() => {
    submit({ intent: "submit", ...draftToFields(draft, criteria, autosave.takeSeconds()) }, { method: "post" });
  }, [autosave, criteria, draft, submit]);

  useWorkbenchKeys((action: WorkbenchAction) => {
    if (action.type === "close") {
      if (helpOpen || confirmOpen || selectedMessageId) {
        setHelpOpen(false);
        setConfirmOpen(false);
        setSelectedMessageId(null);
        return true;
      }
      // Esc in a comment box hands the keyboard back to scoring.
      const focused = document.activeElement;
      if (focused instanceof HTMLTextAreaElement || focused instanceof HTMLInputElement) {
        focused.blur();
        return true;
      }
      return false;
    }
    if (action.type === "submit") {
      if (confirmOpen) confirmSubmit();
      else requestSubmit();
      return true;
    }
    if (action.type === "help") {
      setHelpOpen((open) => !open);
      return true;
    }
    if (helpOpen || confirmOpen || !activeCriterion) return false;
    switch (action.type) {
      case "next":
        focusCriterion(step(activeIndex, 1, criteria.length));
        return true;
      case "previous":
        focusCriterion(step(activeIndex, -1, criteria.length));
        return true;
      case "digit": {
        const value = valueForDigit(activeCriterion.scale, activeCriterion.maxPoints, action.digit);
        if (value === null) return false;
        rate(activeCriterion.id, value);
        return true;
      }
      case "pass":
      case "fail":
        rate(
          activeCriterion.id,
          valueForPassFail(activeCriterion.scale, activeCriterion.maxPoints, action.type === "pass"),
        );
        return true;
      case "na":
        if (!activeCriterion.allowNa) return false;
        rate(activeCriterion.id, null);
        return true;
      case "comment":
        toggleComment(activeCriterion.id, true);
        return true;
    }
  });

  const pinnedComments = data.pinnedComments;
  const pinnedByMessage = useMemo(() => {
    const map = new Map<string, PinnedComment[]>();
    for (const comment of pinnedComments) map.set(comment.messageId, [...(map.get(comment.messageId) ?? []), comment]);
    return map;
  }, [pinnedComments]);

  const failedNames = live.result.criteria
    .filter((result) => result.failed)
    .map((result) => criteria.find((criterion) => criterion.id === result.criterionId)?.name ?? "");

  return (
    <div className="space-y-4">
      <div className="card p-4">
        <ReviewFacts header={header} rubric={rubric} conversation={transcript.conversation} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_28rem]">
        <section className="min-w-0 space-y-3" aria-label={t("qa-review:workbench.transcript")}>
          <p className="text-xs text-slate-500">{t("qa-review:pinned.hint")}</p>
          <TranscriptView
            transcript={transcript}
            selectedMessageId={selectedMessageId}
            onSelectMessage={(id) => setSelectedMessageId((current) => (current === id ? null : id))}
            highlightMessageIds={[...pinnedByMessage.keys()]}
            renderMessageAside={(message) => (
              <>
                <PinnedCommentList comments={pinnedByMessage.get(message.id) ?? []} editable />
                {selectedMessageId === message.id ? (
                  <PinCommentForm messageId={message.id} onDone={() => setSelectedMessageId(null)} />
                ) : null}
              </>
            )}
          />
        </section>
        <aside className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <div className="card space-y-4 p-4">
            <div className="flex items-start justify-between gap-2">
              <div>
                <p className="text-xs text-slate-500">
                  {t("qa-review:score.live", { rated: live.rated, total: live.total })}
                </p>
                <ScoreFigure
                  score={live.result.score}
                  passed={live.passed}
                  criticalFailed={live.result.criticalFailed}
                  passMark={rubric.passMark}
                />
                {live.result.bonusPoints > 0 ? (
                  <p className="text-xs text-amber-700">
                    {t("qa-review:score.bonus", { points: live.result.bonusPoints })}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                className="btn-ghost px-2 py-1 text-xs"
                onClick={() => setHelpOpen(true)}
                aria-keyshortcuts="?"
              >
                {t("qa-review:shortcuts.open")}
              </button>
            </div>
            <p className="text-xs text-slate-500" aria-live="polite" data-testid="autosave-status">
              {autosave.error
                ? t(`qa-review:errors.${autosave.error}`)
                : autosave.saving
                  ? t("qa-review:autosave.saving")
                  : autosave.savedAt
                    ? t("qa-review:autosave.saved", { time: clockTime(autosave.savedAt, format.context) })
                    : header.status === "draft"
                      ? t("qa-review:autosave.restored")
                      : t("qa-review:autosave.idle")}
            </p>
            <RubricPanel
              rubric={rubric}
              draft={draft}
              activeId={activeCriterion?.id ?? null}
              openComments={openComments}
              missing={missing}
              onFocus={(id) => setActiveIndex(criteria.findIndex((criterion) => criterion.id === id))}
              onRate={rate}
              onComment={(id, text) =>
                setDraft((current) => ({ ...current, comments: { ...current.comments, [id]: text } }))
              }
              onToggleComment={toggleComment}
              registerCommentBox={(id, element) => {
                if (element) commentBoxes.current.set(id, element);
                else commentBoxes.current.delete(id);
              }}
            />
            <div>
              <label htmlFor="review-summary" className="label">
                {t("qa-review:workbench.summary")}
              </label>
              <textarea
                id="review-summary"
                rows={3}
                maxLength={SUMMARY_MAX}
                value={draft.summary}
                onChange={(event) => setDraft((current) => ({ ...current, summary: event.target.value }))}
                className="input"
                placeholder={t("qa-review:workbench.summaryPlaceholder")}
              />
            </div>
            <ReviewArticlesField initial={data.articles} max={MAX_REVIEW_ARTICLES} />
            {missing.size > 0 ? (
              <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700" role="alert">
                {t("qa-review:errors.incompleteList", {
                  names: criteria
                    .filter((criterion) => missing.has(criterion.id))
                    .map((criterion) => criterion.name)
                    .join("、"),
                })}
              </p>
            ) : actionData && !actionData.ok ? (
              <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700" role="alert">
                {t(`qa-review:errors.${actionData.error}`)}
              </p>
            ) : null}
            <button type="button" className="btn-primary w-full" onClick={requestSubmit} disabled={submitting}>
              {t("qa-review:submit.button")}
              <kbd className="ml-2 rounded bg-white/20 px-1 text-xs">Ctrl ↵</kbd>
            </button>
          </div>
        </aside>
      </div>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <SubmitDialog
        open={confirmOpen}
        live={live}
        passMark={rubric.passMark}
        failedNames={failedNames}
        submitting={submitting}
        onConfirm={confirmSubmit}
        onClose={() => setConfirmOpen(false)}
      />
    </div>
  );
}
