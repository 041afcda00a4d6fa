import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ArticleEditor } from "~/components/training/kb/article-editor";
import { ArticleStatusBadge } from "~/components/training/kb/badges";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { ArticleFormSchema } from "~/modules/training/kb/kb";
import { updateArticle } from "~/modules/training/kb/kb.server";
import { renderMarkdown } from "~/modules/training/markdown.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

async function findArticle(slug: string | undefined) {
  const article = await db.kbArticle.findUnique({ where: { slug: slug ?? "" } });
  if (!article) notFound("article not found");
  return article;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:kb-article:any");
  const article = await findArticle(params.slug);
  const categories = await db.kbCategory.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  return {
    article: { slug: article.slug, title: article.title, status: article.status, source: article.source },
    categories,
    defaults: {
      title: article.title,
      slug: article.slug,
      kind: article.kind,
      categoryId: article.categoryId ?? "",
      summary: article.summary,
      tags: article.tags.join("，"),
      body: article.body,
      expectedUpdatedAt: article.updatedAt.toISOString(),
    },
    pageTitle: await pageTitle(request, "training-kb:editor.editTitle"),
  };
}

const FLASH = {
  save: "training-kb:flash.saved",
  publish: "training-kb:flash.published",
  archive: "training-kb:flash.archived",
  unarchive: "training-kb:flash.unarchived",
  preview: "training-kb:flash.saved",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:kb-article:any");
  const article = await findArticle(params.slug);
  const formData = await request.formData();
  if (formData.get("intent") === "preview") {
    return { preview: renderMarkdown(String(formData.get("body") ?? "")) };
  }
  const submission = parseWithZod(formData, { schema: ArticleFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateArticle(article.id, submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result) notFound("article not found");
  if (!result.ok) {
    if ("conflict" in result) {
      return data(submission.reply({ formErrors: ["training-kb:errors.conflict"] }), { status: 409 });
    }
    return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  }
  return redirectWithFlash(`/kb/${result.slug}`, {
    kind: "success",
    message: FLASH[submission.value.intent],
    params: { title: submission.value.title },
  });
}

export default function EditArticlePage() {
  const { t } = useTranslation(["training-kb", "common"]);
  const { article, categories, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("editor.editTitle")}
        description={article.title}
        actions={
          <>
            <ArticleStatusBadge status={article.status} />
            <Link to={`/kb/${article.slug}`} className="btn-ghost">
              {t("common:actions.back")}
            </Link>
          </>
        }
      />
      {article.source === "file" ? (
        <p className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-800" role="note">
          {t("editor.fileSource")}
        </p>
      ) : null}
      <ArticleEditor
        key={defaults.expectedUpdatedAt}
        defaults={defaults}
        categories={categories}
        status={article.status}
        cancelTo={`/kb/${article.slug}`}
        lastResult={lastResult && !("preview" in lastResult) ? lastResult : undefined}
      />
    </div>
  );
}
