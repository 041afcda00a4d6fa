import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { MarkdownContent } from "~/components/markdown";
import {
  DIFFICULTIES,
  MULTIPLE_SCORINGS,
  OPTION_KEYS,
  QUESTION_TYPES,
  countBlanks,
  type QuestionInput,
  type QuestionType,
} from "~/modules/training/banks/question-schema";

export type QuestionEditorErrors = { fieldErrors?: Record<string, string[]>; formErrors?: string[] } | null;

type Draft = {
  key: string;
  type: QuestionType;
  category: string;
  difficulty: string;
  competencies: string;
  points: string;
  stem: string;
  options: { key: string; text: string; correct: boolean }[];
  trueFalse: "true" | "false" | "";
  blanks: string[];
  multipleScoring: string;
  modelAnswer: string;
  explanation: string;
};

function toDraft(question: QuestionInput | null): Draft {
  const answer = question?.answer;
  const selected =
    Array.isArray(answer) && answer.every((item) => typeof item === "string") ? (answer as string[]) : [];
  return {
    key: question?.key ?? "",
    type: question?.type ?? "single_choice",
    category: question?.category ?? "",
    difficulty: question?.difficulty ?? "medium",
    competencies: question?.competencies.join("、") ?? "",
    points: String(question?.points ?? 1),
    stem: question?.stem ?? "",
    options: question?.options.length
      ? question.options.map((option) => ({ ...option, correct: selected.includes(option.key) }))
      : OPTION_KEYS.slice(0, 4).map((key) => ({ key, text: "", correct: false })),
    trueFalse: typeof answer === "boolean" ? (answer ? "true" : "false") : "",
    blanks:
      question?.type === "fill_blank" && Array.isArray(answer)
        ? (answer as string[][]).map((list) => list.join("|"))
        : [],
    multipleScoring: question?.multipleScoring ?? "all_or_nothing",
    modelAnswer: question?.modelAnswer ?? "",
    explanation: question?.explanation ?? "",
  };
}

/** The raw question the server validates (validateQuestion). */
function toRaw(draft: Draft) {
  const choice = draft.type === "single_choice" || draft.type === "multiple_choice";
  const blankCount = countBlanks(draft.stem);
  return {
    key: draft.key,
    type: draft.type,
    category: draft.category,
    difficulty: draft.difficulty,
    competencies: draft.competencies,
    points: draft.points,
    stem: draft.stem,
    options: choice ? draft.options.map(({ key, text }) => ({ key, text })) : [],
    answer: choice
      ? draft.options.filter((option) => option.correct).map((option) => option.key)
      : draft.type === "true_false"
        ? draft.trueFalse
        : draft.type === "fill_blank"
          ? Array.from({ length: blankCount }, (_, index) =>
              (draft.blanks[index] ?? "")
                .split(/[|｜]/)
                .map((part) => part.trim())
                .filter(Boolean),
            )
          : null,
    scoring: draft.type === "multiple_choice" ? draft.multipleScoring : null,
    modelAnswer: draft.modelAnswer,
    explanation: draft.explanation,
  };
}

export function QuestionEditor({
  initial,
  categories,
  keyLocked,
  errors,
  submitLabel,
  previewAction,
}: {
  initial: QuestionInput | null;
  categories: string[];
  keyLocked: boolean;
  errors: QuestionEditorErrors;
  submitLabel: string;
  previewAction: string;
}) {
  const { t } = useTranslation(["training-banks", "training", "common"]);
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const preview = useFetcher<{ html?: string }>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const fieldErrors = errors?.fieldErrors ?? {};
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const isChoice = draft.type === "single_choice" || draft.type === "multiple_choice";
  const blankCount = countBlanks(draft.stem);

  const setCorrect = (index: number, checked: boolean) =>
    set({
      options: draft.options.map((option, position) =>
        draft.type === "single_choice"
          ? { ...option, correct: position === index ? checked : false }
          : position === index
            ? { ...option, correct: checked }
            : option,
      ),
    });
  const addOption = () => {
    const used = new Set(draft.options.map((option) => option.key));
    const key = OPTION_KEYS.find((candidate) => !used.has(candidate));
    if (key) set({ options: [...draft.options, { key, text: "", correct: false }] });
  };
  const removeOption = (index: number) =>
    set({
      options: draft.options
        .filter((_, position) => position !== index)
        .map((option, position) => ({ ...option, key: OPTION_KEYS[position]! })),
    });

  return (
    <Form method="post" className="space-y-6" data-testid="question-editor">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="question" value={JSON.stringify(toRaw(draft))} />
      <FormError errors={errors?.formErrors} />
      <div className="card grid gap-4 p-5 md:grid-cols-3">
        <Field
          id="q-key"
          label={t("fields.key")}
          errors={fieldErrors.key}
          hint={keyLocked ? t("editor.keyLocked") : t("editor.keyHint")}
        >
          <input
            id="q-key"
            className="input"
            value={draft.key}
            readOnly={keyLocked}
            onChange={(event) => set({ key: event.target.value })}
            required
          />
        </Field>
        <Field id="q-type" label={t("fields.type")} errors={fieldErrors.type}>
          <select
            id="q-type"
            className="input"
            value={draft.type}
            onChange={(event) => set({ type: event.target.value as QuestionType })}
          >
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`training:questionType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="q-points" label={t("fields.points")} errors={fieldErrors.points}>
          <input
            id="q-points"
            className="input"
            type="number"
            min="0.5"
            step="0.5"
            value={draft.points}
            onChange={(event) => set({ points: event.target.value })}
          />
        </Field>
        <Field id="q-category" label={t("fields.category")} errors={fieldErrors.category}>
          <input
            id="q-category"
            className="input"
            list="q-categories"
            value={draft.category}
            onChange={(event) => set({ category: event.target.value })}
          />
          <datalist id="q-categories">
            {categories.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        </Field>
        <Field id="q-difficulty" label={t("fields.difficulty")} errors={fieldErrors.difficulty}>
          <select
            id="q-difficulty"
            className="input"
            value={draft.difficulty}
            onChange={(event) => set({ difficulty: event.target.value })}
          >
            {DIFFICULTIES.map((level) => (
              <option key={level} value={level}>
                {t(`training:difficulty.${level}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="q-competencies"
          label={t("fields.competencies")}
          errors={fieldErrors.competencies}
          hint={t("editor.competenciesHint")}
        >
          <input
            id="q-competencies"
            className="input"
            value={draft.competencies}
            onChange={(event) => set({ competencies: event.target.value })}
          />
        </Field>
      </div>

      <div className="card space-y-3 p-5">
        <Field id="q-stem" label={t("fields.stem")} errors={fieldErrors.stem} hint={t(`editor.stemHint.${draft.type}`)}>
          <textarea
            id="q-stem"
            className="input min-h-32 font-mono text-sm"
            value={draft.stem}
            onChange={(event) => set({ stem: event.target.value })}
          />
        </Field>
        <div className="flex items-center gap-3">
          <button
            type="button"
            className="btn-secondary"
            onClick={() =>
              preview.submit({ intent: "preview", markdown: draft.stem }, { method: "post", action: previewAction })
            }
          >
            {t("editor.preview")}
          </button>
          {draft.type === "fill_blank" ? (
            <span className="text-sm text-slate-500">{t("editor.blankCount", { count: blankCount })}</span>
          ) : null}
        </div>
        {preview.data?.html !== undefined ? (
          <div className="rounded-md border border-slate-200 bg-slate-50 p-4" data-testid="stem-preview">
            <MarkdownContent html={preview.data.html} />
          </div>
        ) : null}
      </div>

      <div className="card space-y-4 p-5">
        <h2 className="text-base font-semibold text-slate-900">{t("editor.answerTitle")}</h2>
        {isChoice ? (
          <div className="space-y-2">
            {draft.options.map((option, index) => (
              <div key={option.key} className="flex items-center gap-3">
                <span className="w-6 font-semibold text-slate-600">{option.key}</span>
                <input
                  aria-label={t("editor.optionText", { key: option.key })}
                  className="input flex-1"
                  value={option.text}
                  onChange={(event) =>
                    set({
                      options: draft.options.map((entry, position) =>
                        position === index ? { ...entry, text: event.target.value } : entry,
                      ),
                    })
                  }
                />
                <label className="flex items-center gap-1 text-sm text-slate-600">
                  <input
                    type={draft.type === "single_choice" ? "radio" : "checkbox"}
                    name="correct-mark"
                    checked={option.correct}
                    onChange={(event) => setCorrect(index, event.target.checked)}
                  />
                  {t("editor.correct")}
                </label>
                <button
                  type="button"
                  className="btn-ghost"
                  onClick={() => removeOption(index)}
                  disabled={draft.options.length <= 2}
                >
                  {t("editor.removeOption")}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="btn-secondary"
              onClick={addOption}
              disabled={draft.options.length >= OPTION_KEYS.length}
            >
              {t("editor.addOption")}
            </button>
            {fieldErrors.options?.length || fieldErrors.answer?.length ? (
              <p className="text-xs text-rose-600" role="alert">
                {[...(fieldErrors.options ?? []), ...(fieldErrors.answer ?? [])].map((error) => t(error)).join("；")}
              </p>
            ) : null}
            {draft.type === "multiple_choice" ? (
              <Field
                id="q-scoring"
                label={t("fields.scoring")}
                errors={fieldErrors.scoring}
                hint={t("editor.scoringHint")}
              >
                <select
                  id="q-scoring"
                  className="input"
                  value={draft.multipleScoring}
                  onChange={(event) => set({ multipleScoring: event.target.value })}
                >
                  {MULTIPLE_SCORINGS.map((scoring) => (
                    <option key={scoring} value={scoring}>
                      {t(`training:multipleScoring.${scoring}`)}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </div>
        ) : null}
        {draft.type === "true_false" ? (
          <Field id="q-tf" label={t("fields.answer")} errors={fieldErrors.answer}>
            <select
              id="q-tf"
              className="input"
              value={draft.trueFalse}
              onChange={(event) => set({ trueFalse: event.target.value as Draft["trueFalse"] })}
            >
              <option value="">{t("editor.choose")}</option>
              <option value="true">{t("editor.true")}</option>
              <option value="false">{t("editor.false")}</option>
            </select>
          </Field>
        ) : null}
        {draft.type === "fill_blank" ? (
          <div className="space-y-2">
            {blankCount === 0 ? <p className="text-sm text-slate-500">{t("editor.noBlanksYet")}</p> : null}
            {Array.from({ length: blankCount }, (_, index) => (
              <Field
                key={index}
                id={`q-blank-${index}`}
                label={t("editor.blank", { number: index + 1 })}
                hint={t("editor.blankHint")}
              >
                <input
                  id={`q-blank-${index}`}
                  className="input"
                  value={draft.blanks[index] ?? ""}
                  onChange={(event) => {
                    const blanks = [...draft.blanks];
                    blanks[index] = event.target.value;
                    set({ blanks });
                  }}
                />
              </Field>
            ))}
            {fieldErrors.answer?.length ? (
              <p className="text-xs text-rose-600" role="alert">
                {fieldErrors.answer.map((error) => t(error)).join("；")}
              </p>
            ) : null}
          </div>
        ) : null}
        {draft.type === "short_answer" ? (
          <Field
            id="q-model"
            label={t("fields.modelAnswer")}
            errors={fieldErrors.modelAnswer}
            hint={t("editor.modelAnswerHint")}
          >
            <textarea
              id="q-model"
              className="input min-h-24"
              value={draft.modelAnswer}
              onChange={(event) => set({ modelAnswer: event.target.value })}
            />
          </Field>
        ) : null}
        <Field id="q-explanation" label={t("fields.explanation")} errors={fieldErrors.explanation}>
          <textarea
            id="q-explanation"
            className="input min-h-20"
            value={draft.explanation}
            onChange={(event) => set({ explanation: event.target.value })}
          />
        </Field>
      </div>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
