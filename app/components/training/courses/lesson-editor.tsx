import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { MarkdownContent } from "~/components/markdown";
import { LessonSchema } from "~/modules/training/courses/course-rules";

type LessonDefaults = { title: string; minutes: number; body: string; stamp: string };

const HELP_ROWS = [
  ["## 小标题", "heading"],
  ["**重点**", "bold"],
  ["- 要点", "list"],
  ["> 标准话术", "quote"],
  ["| 商品 | 是否可退 |", "table"],
  ["![说明](https://…/图片.png)", "image"],
  ["![演示](https://…/视频.mp4)", "video"],
  ["[7天无理由](/kb/policy-7-day-return)", "link"],
] as const;

export function LessonEditor({
  lesson,
  initialHtml,
  lastResult,
}: {
  lesson: LessonDefaults;
  initialHtml: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["training-courses", "common"]);
  const navigation = useNavigation();
  const preview = useFetcher<{ html: string }>();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [form, fields] = useForm({
    id: `lesson-${lesson.stamp}`,
    lastResult,
    defaultValue: { title: lesson.title, minutes: String(lesson.minutes), body: lesson.body },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LessonSchema }),
  });
  const html = preview.data?.html ?? initialHtml;
  const refresh = () => preview.submit({ intent: "preview", body: bodyRef.current?.value ?? "" }, { method: "post" });
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Form method="post" {...getFormProps(form)} className="card space-y-4 p-5">
        <FormError errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="stamp" value={lesson.stamp} />
        <div className="grid gap-4 sm:grid-cols-4">
          <div className="sm:col-span-3">
            <Field id={fields.title.id} label={t("fields.lessonTitle")} errors={fields.title.errors}>
              <input {...getInputProps(fields.title, { type: "text" })} className="input" autoComplete="off" />
            </Field>
          </div>
          <Field id={fields.minutes.id} label={t("fields.minutes")} errors={fields.minutes.errors}>
            <input {...getInputProps(fields.minutes, { type: "number" })} min={1} max={600} className="input" />
          </Field>
        </div>
        <Field id={fields.body.id} label={t("fields.body")} errors={fields.body.errors} hint={t("lesson.bodyHint")}>
          <textarea
            {...getTextareaProps(fields.body)}
            ref={bodyRef}
            rows={24}
            className="input font-mono text-sm leading-6"
            spellCheck={false}
          />
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={refresh} disabled={preview.state !== "idle"}>
            {preview.state !== "idle" ? t("lesson.previewing") : t("lesson.refreshPreview")}
          </button>
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {t("common:actions.save")}
          </button>
        </div>
        <details className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">{t("lesson.helpTitle")}</summary>
          <table className="mt-2 w-full text-left text-xs">
            <tbody>
              {HELP_ROWS.map(([syntax, key]) => (
                <tr key={key} className="border-t border-slate-200">
                  <td className="py-1 pr-3 font-mono text-slate-700">{syntax}</td>
                  <td className="py-1 text-slate-500">{t(`lesson.help.${key}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">{t("lesson.helpSafety")}</p>
        </details>
      </Form>
      <section className="card p-5" aria-labelledby="lesson-preview-title">
        <h2 id="lesson-preview-title" className="mb-3 text-sm font-semibold text-slate-900">
          {t("lesson.preview")}
        </h2>
        {html ? <MarkdownContent html={html} /> : <p className="text-sm text-slate-500">{t("lesson.previewEmpty")}</p>}
      </section>
    </div>
  );
}
