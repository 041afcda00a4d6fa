import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArticlePicker, type PickedArticle } from "./article-picker";

/**
 * The workbench's "参考文章" picker: every change is saved to the review at once (intent setArticles on the
 * review route), so the links survive autosave and are there when the review is submitted.
 */
export function ReviewArticlesField({ initial, max }: { initial: PickedArticle[]; max: number }) {
  const { t } = useTranslation("training-kb");
  const fetcher = useFetcher<{ ok: boolean; error?: string }>();
  const failed = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok;
  return (
    <div data-testid="review-articles">
      <ArticlePicker
        name="reviewArticleId"
        label={t("links.reviewArticles")}
        initial={initial}
        max={max}
        onChange={(articles) => {
          const form = new FormData();
          form.set("intent", "setArticles");
          for (const article of articles) form.append("articleId", article.id);
          fetcher.submit(form, { method: "post" });
        }}
      />
      <p className={`mt-1 text-xs ${failed ? "text-rose-600" : "text-slate-500"}`} role={failed ? "alert" : undefined}>
        {failed ? t("errors.articleUnavailable") : t("links.reviewArticlesHint")}
      </p>
    </div>
  );
}
