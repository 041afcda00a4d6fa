import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Duration } from "./badges";

type OutlineLesson = {
  id: string;
  key: string;
  title: string;
  minutes: number;
  empty: boolean;
  change: "new" | "changed" | "same";
};
type OutlineModule = { id: string; title: string; lessons: OutlineLesson[] };

const CHANGE_STYLES = { new: "bg-sky-50 text-sky-700", changed: "bg-amber-50 text-amber-700", same: "" } as const;

/** A one-button form of the draft editor: the intent, the stamp and the ids it acts on. */
function ActionButton({
  intent,
  stamp,
  fields,
  label,
  title,
  className = "btn-ghost px-2 py-1 text-xs",
  confirm,
}: {
  intent: string;
  stamp: string;
  fields: Record<string, string>;
  label: string;
  title?: string;
  className?: string;
  confirm?: string;
}) {
  const navigation = useNavigation();
  return (
    <Form
      method="post"
      className="inline"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="stamp" value={stamp} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={className}
        title={title}
        aria-label={title}
        disabled={navigation.state === "submitting"}
      >
        {label}
      </button>
    </Form>
  );
}

export function DraftOutline({
  courseId,
  stamp,
  modules,
  hasPublished,
}: {
  courseId: string;
  stamp: string;
  modules: OutlineModule[];
  hasPublished: boolean;
}) {
  const { t } = useTranslation(["training-courses", "common"]);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <div className="space-y-4">
      {modules.length === 0 ? (
        <p className="card px-4 py-6 text-center text-sm text-slate-500">{t("editor.noModules")}</p>
      ) : null}
      {modules.map((module, moduleIndex) => (
        <section key={module.id} className="card" data-testid="draft-module">
          <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-3">
            <span className="text-xs font-medium text-slate-400">
              {t("editor.moduleNumber", { n: moduleIndex + 1 })}
            </span>
            <Form method="post" className="flex flex-1 items-center gap-2" key={`${module.id}-${stamp}`}>
              <input type="hidden" name="intent" value="rename-module" />
              <input type="hidden" name="stamp" value={stamp} />
              <input type="hidden" name="moduleId" value={module.id} />
              <label htmlFor={`module-title-${module.id}`} className="sr-only">
                {t("editor.moduleTitle")}
              </label>
              <input
                id={`module-title-${module.id}`}
                name="title"
                defaultValue={module.title}
                required
                maxLength={120}
                className="input flex-1 font-medium"
              />
              <button type="submit" className="btn-secondary px-3 py-1.5 text-xs" disabled={busy}>
                {t("editor.rename")}
              </button>
            </Form>
            <div className="flex items-center gap-1">
              {moduleIndex > 0 ? (
                <ActionButton
                  intent="move-module"
                  stamp={stamp}
                  fields={{ moduleId: module.id, direction: "up" }}
                  label="↑"
                  title={t("editor.moveUp")}
                />
              ) : null}
              {moduleIndex < modules.length - 1 ? (
                <ActionButton
                  intent="move-module"
                  stamp={stamp}
                  fields={{ moduleId: module.id, direction: "down" }}
                  label="↓"
                  title={t("editor.moveDown")}
                />
              ) : null}
              <ActionButton
                intent="delete-module"
                stamp={stamp}
                fields={{ moduleId: module.id }}
                label={t("common:actions.delete")}
                className="btn-ghost px-2 py-1 text-xs text-rose-600"
                confirm={t("editor.deleteModuleConfirm", { title: module.title, count: module.lessons.length })}
              />
            </div>
          </header>
          <ol className="divide-y divide-slate-100">
            {module.lessons.map((lesson, lessonIndex) => (
              <li key={lesson.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5" data-testid="draft-lesson">
                <span className="w-6 text-right text-xs text-slate-400">{lessonIndex + 1}</span>
                <div className="min-w-0 flex-1">
                  <Link
                    to={`/training/courses/${courseId}/lessons/${lesson.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {lesson.title}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-slate-400">{lesson.key}</span>
                  {lesson.empty ? (
                    <span className="ml-2 badge bg-rose-50 text-rose-700">{t("editor.emptyLesson")}</span>
                  ) : null}
                  {hasPublished && lesson.change !== "same" ? (
                    <span className={`ml-2 badge ${CHANGE_STYLES[lesson.change]}`}>
                      {t(`editor.change.${lesson.change}`)}
                    </span>
                  ) : null}
                </div>
                <span className="whitespace-nowrap text-sm text-slate-500">
                  <Duration minutes={lesson.minutes} />
                </span>
                <div className="flex items-center gap-1">
                  {lessonIndex > 0 ? (
                    <ActionButton
                      intent="move-lesson"
                      stamp={stamp}
                      fields={{ lessonId: lesson.id, direction: "up" }}
                      label="↑"
                      title={t("editor.moveUp")}
                    />
                  ) : null}
                  {lessonIndex < module.lessons.length - 1 ? (
                    <ActionButton
                      intent="move-lesson"
                      stamp={stamp}
                      fields={{ lessonId: lesson.id, direction: "down" }}
                      label="↓"
                      title={t("editor.moveDown")}
                    />
                  ) : null}
                  <ActionButton
                    intent="delete-lesson"
                    stamp={stamp}
                    fields={{ lessonId: lesson.id }}
                    label={t("common:actions.delete")}
                    className="btn-ghost px-2 py-1 text-xs text-rose-600"
                    confirm={t("editor.deleteLessonConfirm", { title: lesson.title })}
                  />
                </div>
              </li>
            ))}
          </ol>
          <Form
            method="post"
            key={`add-lesson-${stamp}`}
            className="flex flex-wrap items-end gap-2 border-t border-slate-100 bg-slate-50 px-4 py-3"
          >
            <input type="hidden" name="intent" value="add-lesson" />
            <input type="hidden" name="stamp" value={stamp} />
            <input type="hidden" name="moduleId" value={module.id} />
            <div className="flex-1">
              <label htmlFor={`lesson-title-${module.id}`} className="label">
                {t("editor.newLessonTitle")}
              </label>
              <input id={`lesson-title-${module.id}`} name="title" required maxLength={120} className="input" />
            </div>
            <div className="w-28">
              <label htmlFor={`lesson-minutes-${module.id}`} className="label">
                {t("fields.minutes")}
              </label>
              <input
                id={`lesson-minutes-${module.id}`}
                name="minutes"
                type="number"
                min={1}
                max={600}
                required
                className="input"
              />
            </div>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("editor.addLesson")}
            </button>
          </Form>
        </section>
      ))}
      <Form method="post" key={`add-module-${stamp}`} className="card flex flex-wrap items-end gap-2 p-4">
        <input type="hidden" name="intent" value="add-module" />
        <input type="hidden" name="stamp" value={stamp} />
        <div className="flex-1">
          <label htmlFor="new-module-title" className="label">
            {t("editor.newModuleTitle")}
          </label>
          <input
            id="new-module-title"
            name="title"
            required
            maxLength={120}
            className="input"
            placeholder={t("editor.newModulePlaceholder")}
          />
        </div>
        <button type="submit" className="btn-secondary" disabled={busy}>
          {t("editor.addModule")}
        </button>
      </Form>
    </div>
  );
}
