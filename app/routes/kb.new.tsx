import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ArticleEditor } from "~/components/training/kb/article-editor";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { ARTICLE_KINDS, ArticleFormSchema, type ArticleKindValue } from "~/modules/training/kb/kb";
import { createArticle } from "~/modules/training/kb/kb.server";
import { renderMarkdown } from "~/modules/training/markdown.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:kb-article:any");
  const url = new URL(request.url);
  const kindParam = url.searchParams.get("kind");
  const kind: ArticleKindValue = (ARTICLE_KINDS as readonly string[]).includes(kindParam ?? "")
    ? (kindParam as ArticleKindValue)
    : "faq";
  const categories = await db.kbCategory.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true },
  });
  const category = categories.find((row) => row.slug === url.searchParams.get("category"));
  return {
    categories,
    defaults: {
      title: "",
      slug: "",
      kind,
      categoryId: category?.id ?? "",
      summary: "",
      tags: "",
      body: "",
      expectedUpdatedAt: "",
    },
    pageTitle: await pageTitle(request, "training-kb:editor.newTitle"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:kb-article:any");
  const formData = await request.formData();
  if (formData.get("intent") === "preview") {
    return { preview: renderMarkdown(String(formData.get("body") ?? "")) };
  }
  const submission = parseWithZod(formData, { schema: ArticleFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createArticle(submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: "fieldErrors" in result ? result.fieldErrors : {} }), { status: 400 });
  }
  return redirectWithFlash(`/kb/${result.slug}`, {
    kind: "success",
    message: result.status === "published" ? "training-kb:flash.published" : "training-kb:flash.created",
    params: { title: submission.value.title },
  });
}

export default function NewArticlePage() {
  const { t } = useTranslation(["training-kb", "common"]);
  const { categories, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("editor.newTitle")}
        description={t("editor.newDescription")}
        actions={
          <Link to="/kb" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <ArticleEditor
        defaults={defaults}
        categories={categories}
        status={null}
        cancelTo="/kb"
        lastResult={lastResult && !("preview" in lastResult) ? lastResult : undefined}
      />
    </div>
  );
}
