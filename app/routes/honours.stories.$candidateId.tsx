import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { usePeriodLabel } from "~/components/awards/badges";
import { EmptyState } from "~/components/empty-state";
import { Field } from "~/components/field";
import { MarkdownContent } from "~/components/markdown";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { loadStory, saveStory } from "~/modules/awards/stories.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { forbidden, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:honour-roll:any");
  const story = await loadStory(params.candidateId ?? "", user.id);
  if (!story) notFound("award not found");
  return { story, pageTitle: await pageTitle(request, "awards:stories.title", { name: story.name }) };
}

const StorySchema = z.object({
  title: z.string().max(80, "validation:tooLong").default(""),
  body: z.string().max(20000, "validation:tooLong").default(""),
  intent: z.enum(["save", "publish", "unpublish"]),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read:honour-roll:any");
  const parsed = StorySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return data({ fieldErrors }, { status: 400 });
  }
  const candidateId = params.candidateId ?? "";
  const result = await saveStory(candidateId, user.id, { ...parsed.data, publish: parsed.data.intent === "publish" });
  if (!result.ok) {
    if (result.status === 400) return data({ fieldErrors: result.fieldErrors }, { status: 400 });
    if (result.status === 403) throw forbidden(result.reason);
    notFound(result.reason);
  }
  return redirectWithFlash(`/honours/stories/${candidateId}`, {
    kind: "success",
    message: result.published ? "awards:stories.published" : "awards:stories.saved",
  });
}

export default function AwardStoryPage() {
  const { t } = useTranslation(["awards", "common"]);
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const navigation = useNavigation();
  const { story } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const article = story.story;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={t("stories.title", { name: story.name })}
        description={`${story.program} · ${periodLabel(story.periodKind, story.periodStart)}`}
        actions={
          <Link to="/honours" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      {story.citation ? <p className="card p-4 text-sm text-slate-700">{story.citation}</p> : null}
      {article && article.publishedAt && article.html ? (
        <article className="card space-y-3 p-6">
          <h2 className="text-xl font-semibold text-slate-900">{article.title}</h2>
          <p className="text-xs text-slate-500">{t("stories.publishedAt", { at: format.date(article.publishedAt) })}</p>
          <MarkdownContent html={article.html} />
        </article>
      ) : !story.isAuthor ? (
        <div className="card">
          <EmptyState icon="book" title={t("stories.none")} />
        </div>
      ) : null}
      {story.isAuthor && article ? (
        <Form method="post" className="card space-y-4 p-6">
          <h2 className="text-base font-semibold text-slate-900">{t("stories.edit")}</h2>
          <p className="text-sm text-slate-500">{t("stories.hint")}</p>
          <Field id="story-title" label={t("stories.fields.title")} errors={errors.title}>
            <input id="story-title" name="title" defaultValue={article.title} maxLength={80} className="input" />
          </Field>
          <Field id="story-body" label={t("stories.fields.body")} errors={errors.body}>
            <textarea id="story-body" name="body" rows={12} defaultValue={article.body} className="input font-mono" />
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            {article.publishedAt ? (
              <button type="submit" name="intent" value="unpublish" className="btn-ghost">
                {t("stories.unpublish")}
              </button>
            ) : null}
            <button
              type="submit"
              name="intent"
              value="save"
              className="btn-secondary"
              disabled={navigation.state !== "idle"}
            >
              {t("stories.saveDraft")}
            </button>
            <button
              type="submit"
              name="intent"
              value="publish"
              className="btn-primary"
              disabled={navigation.state !== "idle"}
            >
              {t("stories.publish")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
