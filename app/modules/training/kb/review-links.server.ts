/**
 * Knowledge-base links of a QA review: articles the inspector attaches while scoring (ReviewArticleLink), and the
 * articles behind the rubric criteria the agent lost points on. The agent sees both on their review page.
 */
import type { SessionUser } from "~/modules/identity/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { canScore } from "~/modules/qa/reviews/workbench.server";
import { db } from "~/utils/db.server";
import type { ArticleKindValue } from "./kb";
import { MAX_REVIEW_ARTICLES } from "./review-limits";

export { MAX_REVIEW_ARTICLES };

export type LinkedArticle = { id: string; slug: string; title: string; kind: ArticleKindValue };

/** Published articles attached to the review, in the order they were attached. */
export async function reviewArticles(reviewId: string): Promise<LinkedArticle[]> {
  const links = await db.reviewArticleLink.findMany({
    where: { reviewId, article: { status: "published" } },
    orderBy: { createdAt: "asc" },
    select: { article: { select: { id: true, slug: true, title: true, kind: true } } },
  });
  return links.map((link) => link.article);
}

export type SetArticlesResult =
  | { ok: true; articles: LinkedArticle[] }
  | { ok: false; status: 400 | 403 | 404 | 409; error: "notFound" | "notAssignee" | "alreadySubmitted" | "articles" };

/** Replaces the review's attached articles. Only the assigned inspector, only before the review is submitted. */
export async function setReviewArticles(
  actor: Pick<SessionUser, "id" | "permissions">,
  reviewId: string,
  articleIds: string[],
  ipAddress: string | null,
): Promise<SetArticlesResult> {
  const review = await db.review.findUnique({
    where: { id: reviewId },
    select: { id: true, kind: true, status: true, inspectorId: true },
  });
  if (!review || (review.kind === "calibration" && review.inspectorId !== actor.id)) {
    return { ok: false, status: 404, error: "notFound" };
  }
  if (!canScore(actor, review)) return { ok: false, status: 403, error: "notAssignee" };
  if (review.status === "submitted") return { ok: false, status: 409, error: "alreadySubmitted" };
  const ids = [...new Set(articleIds.filter(Boolean))];
  if (ids.length > MAX_REVIEW_ARTICLES) return { ok: false, status: 400, error: "articles" };
  const published = await db.kbArticle.count({ where: { id: { in: ids }, status: "published" } });
  if (published !== ids.length) return { ok: false, status: 400, error: "articles" };
  await db.$transaction(async (tx) => {
    const before = await tx.reviewArticleLink.findMany({ where: { reviewId }, select: { articleId: true } });
    await tx.reviewArticleLink.deleteMany({ where: { reviewId, articleId: { notIn: ids } } });
    const existing = new Set(before.map((link) => link.articleId));
    const now = Date.now();
    // createdAt keeps the picking order (one millisecond apart), which is the order the agent reads them in.
    for (const [index, articleId] of ids.entries()) {
      if (!existing.has(articleId)) {
        await tx.reviewArticleLink.create({ data: { reviewId, articleId, createdAt: new Date(now + index) } });
      }
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: "review.articles",
        entityType: "Review",
        entityId: reviewId,
        before: before.map((link) => link.articleId),
        after: ids,
        ipAddress,
      },
      tx,
    );
  });
  return { ok: true, articles: await reviewArticles(reviewId) };
}

/**
 * For the agent: the attached articles, and the published articles of criteria they did not get full marks on
 * (one entry per article, named after the first such criterion in rubric order).
 */
export async function reviewKnowledge(reviewId: string) {
  const [attached, scores] = await Promise.all([
    reviewArticles(reviewId),
    db.reviewScore.findMany({
      where: { reviewId, score: { lt: 1 }, criterion: { article: { status: "published" } } },
      select: {
        criterion: {
          select: {
            name: true,
            position: true,
            section: { select: { position: true } },
            article: { select: { id: true, slug: true, title: true, kind: true } },
          },
        },
      },
    }),
  ]);
  const ordered = scores
    .map((score) => score.criterion)
    .sort((a, b) => a.section.position - b.section.position || a.position - b.position);
  const seen = new Set(attached.map((article) => article.id));
  const criteria: { criterion: string; article: LinkedArticle }[] = [];
  for (const criterion of ordered) {
    if (!criterion.article || seen.has(criterion.article.id)) continue;
    seen.add(criterion.article.id);
    criteria.push({ criterion: criterion.name, article: criterion.article });
  }
  return { attached, criteria };
}
