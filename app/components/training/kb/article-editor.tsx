import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useFetcher, useNavigation } from "@remix-run/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { MarkdownContent } from "~/components/markdown";
import {
  ARTICLE_KINDS,
  ArticleFormSchema,
  type ArticleKindValue,
  type ArticleStatusValue,
} from "~/modules/training/kb/kb";

export type ArticleEditorDefaults = {
  title: string;
  slug: string;
  kind: ArticleKindValue;
  categoryId: string;
  summary: string;
  tags: string;
  body: string;
  expectedUpdatedAt: string;
};

type Category = { id: string; name: string };

/**
 * The article editor: metadata, Markdown body with a server-rendered preview (the same sanitiser as the article
 * page, fetched from this route's action with intent "preview"), and the save / publish / archive buttons that fit
 * the article's status. `status` is null for a new article.
 */
export function ArticleEditor({
  defaults,
  categories,
  status,
  cancelTo,
  lastResult,
}: {
  defaults: ArticleEditorDefaults;
  categories: Category[];
  status: ArticleStatusValue | null;
  cancelTo: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["training-kb", "training", "common"]);
  const navigation = useNavigation();
  const preview = useFetcher<{ preview?: string }>();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const formRef = useRef<HTMLFormElement>(null);
  const [form, fields] = useForm({
    id: "kb-article",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ArticleFormSchema }),
  });
  const busy = navigation.state === "submitting";

  const showPreview = () => {
    setTab("preview");
    const body = formRef.current?.querySelector<HTMLTextAreaElement>("textarea[name=body]")?.value ?? "";
    preview.submit({ intent: "preview", body }, { method: "post" });
  };

  return (
    <Form method="post" {...getFormProps(form)} ref={formRef} className="card space-y-5 p-6">
      <FormError errors={form.errors} />
      <input {...getInputProps(fields.expectedUpdatedAt, { type: "hidden" })} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fields.title.id} label={t("editor.fields.title")} errors={fields.title.errors}>
          <input {...getInputProps(fields.title, { type: "text" })} className="input" autoComplete="off" />
        </Field>
        <Field
          id={fields.slug.id}
          label={t("editor.fields.slug")}
          errors={fields.slug.errors}
          hint={t("editor.hints.slug")}
        >
          <input {...getInputProps(fields.slug, { type: "text" })} className="input font-mono" autoComplete="off" />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fields.kind.id} label={t("editor.fields.kind")} errors={fields.kind.errors}>
          <select id={fields.kind.id} name={fields.kind.name} defaultValue={defaults.kind} className="input">
            {ARTICLE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`training:articleKind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.categoryId.id} label={t("editor.fields.category")} errors={fields.categoryId.errors}>
          <select
            id={fields.categoryId.id}
            name={fields.categoryId.name}
            defaultValue={defaults.categoryId}
            className="input"
          >
            <option value="">{t("editor.noCategory")}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        id={fields.summary.id}
        label={t("editor.fields.summary")}
        errors={fields.summary.errors}
        hint={t("editor.hints.summary")}
      >
        <textarea {...getTextareaProps(fields.summary)} rows={2} className="input" />
      </Field>
      <Field
        id={fields.tags.id}
        label={t("editor.fields.tags")}
        errors={fields.tags.errors}
        hint={t("editor.hints.tags")}
      >
        <input {...getInputProps(fields.tags, { type: "text" })} className="input" autoComplete="off" />
      </Field>
      <div>
        <div className="mb-2 flex items-center justify-between">
          <label htmlFor={fields.body.id} className="label mb-0">
            {t("editor.fields.body")}
          </label>
          <div className="flex gap-1" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === "write"}
              className={tab === "write" ? "btn-secondary px-3 py-1" : "btn-ghost px-3 py-1"}
              onClick={() => setTab("write")}
            >
              {t("editor.write")}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === "preview"}
              className={tab === "preview" ? "btn-secondary px-3 py-1" : "btn-ghost px-3 py-1"}
              onClick={showPreview}
            >
              {t("editor.preview")}
            </button>
          </div>
        </div>
        <div className={tab === "write" ? "" : "hidden"}>
          <textarea {...getTextareaProps(fields.body)} rows={22} className="input font-mono text-sm leading-6" />
          <p className="mt-1 text-xs text-slate-500">{t("editor.hints.body")}</p>
          {fields.body.errors?.length ? (
            <p className="mt-1 text-xs text-rose-600" role="alert">
              {fields.body.errors.map((error) => t(error)).join("；")}
            </p>
          ) : null}
        </div>
        {tab === "preview" ? (
          <div className="min-h-[12rem] rounded-md border border-slate-200 p-4" data-testid="kb-preview">
            {preview.state !== "idle" ? (
              <p className="text-sm text-slate-500">{t("editor.previewLoading")}</p>
            ) : preview.data?.preview ? (
              <MarkdownContent html={preview.data.preview} />
            ) : (
              <p className="text-sm text-slate-500">{t("editor.previewEmpty")}</p>
            )}
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Link to={cancelTo} className="btn-ghost">
          {t("common:actions.cancel")}
        </Link>
        {status === "published" ? (
          <button type="submit" name="intent" value="archive" className="btn-secondary" disabled={busy}>
            {t("editor.archive")}
          </button>
        ) : null}
        {status === "archived" ? (
          <button type="submit" name="intent" value="unarchive" className="btn-secondary" disabled={busy}>
            {t("editor.unarchive")}
          </button>
        ) : null}
        <button
          type="submit"
          name="intent"
          value="save"
          className={status === "published" ? "btn-primary" : "btn-secondary"}
          disabled={busy}
        >
          {status === null || status === "draft" ? t("editor.saveDraft") : t("editor.save")}
        </button>
        {status !== "published" ? (
          <button type="submit" name="intent" value="publish" className="btn-primary" disabled={busy}>
            {t("editor.publish")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
