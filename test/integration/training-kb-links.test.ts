import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RubricContentError, syncRubricsFromContent } from "~/modules/qa/rubrics/rubric-content.server";
import { loadRubricVersion } from "~/modules/qa/rubrics/rubric-version.server";
import { loader as agentReviewLoader } from "~/routes/agent.reviews.$reviewId";
import { action as rubricEditAction, loader as rubricEditLoader } from "~/routes/qa.rubrics.$rubricId_.edit";
import { action as reviewAction, loader as reviewLoader } from "~/routes/qa.reviews.$reviewId";
import { db } from "~/utils/db.server";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { seedKnowledgeBase } from "../../prisma/seed/training-kb";
import { buildRequest, callRoute, sessionCookieFor, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

let inspector: TestUser;
let inspectorCookie: string;
let otherInspectorCookie: string;
let agent: TestUser;
let agentCookie: string;

async function articleId(slug: string) {
  return (await db.kbArticle.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

beforeAll(async () => {
  await seedKnowledgeBase();
  ({ user: inspector, cookie: inspectorCookie } = await signInAs("qa_inspector", { name: "吴俊杰" }));
  ({ cookie: otherInspectorCookie } = await signInAs("qa_inspector"));
  ({ user: agent } = await signInAs("agent", { name: "夏丽娟" }));
  agentCookie = await sessionCookieFor(agent.id);
});

describe("rubric criteria point at knowledge-base articles", () => {
  it("the content sync resolves `article: <slug>` and the version view carries the article", async () => {
    await seedQaRubrics();
    const criterion = await db.rubricCriterion.findFirstOrThrow({
      where: { key: "info-accuracy", version: { rubric: { slug: "chat-general" } } },
      select: { versionId: true, articleId: true },
    });
    expect(criterion.articleId).toBe(await articleId("policy-7-day-return"));
    const version = await loadRubricVersion(criterion.versionId);
    const view = version!.criteria.find((row) => row.key === "info-accuracy")!;
    expect(view.article).toMatchObject({ slug: "policy-7-day-return", title: "7天无理由退换货政策", kind: "policy" });
    expect(version!.criteria.filter((row) => row.article !== null).length).toBe(3);
    // Syncing again changes nothing (the link is part of the version content).
    const report = await syncRubricsFromContent(path.resolve("content/qa/rubrics"));
    expect(report.versioned).toEqual([]);
    expect(report.updated).toEqual([]);
  });

  it("the builder gets each criterion's article and refuses an unpublished one", async () => {
    const { cookie } = await signInAs("qa_lead");
    const rubric = await db.rubric.findUniqueOrThrow({ where: { slug: "chat-general" }, select: { id: true } });
    const loaded = await callRoute(rubricEditLoader, buildRequest(`/qa/rubrics/${rubric.id}/edit`, { cookie }), {
      rubricId: rubric.id,
    });
    type Definition = {
      name: string;
      sections: { criteria: { key: string; articleId: string | null; article: { slug: string } | null }[] }[];
    };
    const definition = (loaded.data as { rubric: { definition: Definition } }).rubric.definition;
    const all = definition.sections.flatMap((section) => section.criteria);
    expect(all.find((row) => row.key === "privacy-leak")!.article?.slug).toBe("policy-privacy");
    const draft = await db.kbArticle.create({
      data: { slug: "draft-for-rubric", title: "草稿", kind: "faq", body: "草稿", searchText: "", status: "draft" },
    });
    all[0]!.articleId = draft.id;
    // What the builder posts: the picker's display object is not part of the definition.
    for (const criterion of all) delete (criterion as { article?: unknown }).article;
    const saved = await callRoute(
      rubricEditAction,
      buildRequest(`/qa/rubrics/${rubric.id}/edit`, { cookie, form: { definition: JSON.stringify(definition) } }),
      { rubricId: rubric.id },
    );
    expect(saved.status).toBe(400);
    expect((saved.data as { errors: Record<string, string[]> }).errors["sections.0.criteria.0.articleId"]).toEqual([
      "training-kb:errors.articleUnavailable",
    ]);
  });

  it("an unknown article slug is a clear sync error and nothing is written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rubrics-"));
    writeFileSync(
      path.join(dir, "kb-link.yaml"),
      [
        "name: 链接测试质检表",
        "passMark: 80",
        "sections:",
        "  - name: 业务处理",
        "    criteria:",
        "      - key: accuracy",
        "        name: 信息准确",
        "        article: no-such-article",
        "        scale: binary",
      ].join("\n"),
    );
    await expect(syncRubricsFromContent(dir)).rejects.toThrow(RubricContentError);
    await expect(syncRubricsFromContent(dir)).rejects.toThrow(/no-such-article/);
    expect(await db.rubric.count({ where: { slug: "kb-link" } })).toBe(0);
  });
});

describe("review article links", () => {
  it("the inspector attaches articles while scoring; the agent sees them and the failed criteria's articles", async () => {
    const rubric = await createTestRubric();
    const accuracy = rubric.criteria.find((row) => row.key === "accuracy")!;
    const greeting = rubric.criteria.find((row) => row.key === "greeting")!;
    await db.rubricCriterion.update({
      where: { id: accuracy.id },
      data: { articleId: await articleId("policy-shipping-fee") },
    });
    const conversation = await createTestConversation({ agentIds: [agent.id] });
    const review = await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.id,
      rubricVersionId: rubric.versionId,
      agentId: agent.id,
      status: "draft",
    });
    const attach = (cookie: string, ids: string[]) =>
      callRoute(
        reviewAction,
        buildRequest(`/qa/reviews/${review.id}`, { cookie, form: { intent: "setArticles", articleId: ids } }),
        { reviewId: review.id },
      );
    const refund = await articleId("faq-refund-time");
    const fresh = await articleId("case-fresh-food");

    expect((await attach(otherInspectorCookie, [refund])).status).toBe(403);
    expect((await attach(inspectorCookie, [refund, fresh])).status).toBe(200);
    expect((await attach(inspectorCookie, [fresh, "unknown-id"])).status).toBe(400);
    expect(await db.reviewArticleLink.count({ where: { reviewId: review.id } })).toBe(2);
    expect((await attach(inspectorCookie, [fresh])).status).toBe(200);
    expect(await db.reviewArticleLink.count({ where: { reviewId: review.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "review.articles", entityId: review.id } })).toBe(2);

    const page = await callRoute(reviewLoader, buildRequest(`/qa/reviews/${review.id}`, { cookie: inspectorCookie }), {
      reviewId: review.id,
    });
    const pageData = page.data as {
      mode: string;
      articles: { slug: string }[];
      rubric: { criteria: { key: string; article: { slug: string } | null }[] };
    };
    expect(pageData.mode).toBe("score");
    expect(pageData.articles.map((row) => row.slug)).toEqual(["case-fresh-food"]);
    expect(pageData.rubric.criteria.find((row) => row.key === "accuracy")!.article?.slug).toBe("policy-shipping-fee");

    // Submitted: accuracy lost points, greeting passed.
    await db.review.update({
      where: { id: review.id },
      data: {
        status: "submitted",
        submittedAt: new Date(),
        score: 70,
        passed: false,
        scores: {
          create: [
            { criterionId: accuracy.id, value: 2, score: 0.25, failed: true },
            { criterionId: greeting.id, value: 1, score: 1 },
          ],
        },
      },
    });
    expect((await attach(inspectorCookie, [refund])).status).toBe(409);

    const agentView = await callRoute(
      agentReviewLoader,
      buildRequest(`/agent/reviews/${review.id}`, { cookie: agentCookie }),
      {
        reviewId: review.id,
      },
    );
    expect(agentView.status).toBe(200);
    const knowledge = (
      agentView.data as {
        knowledge: { attached: { slug: string }[]; criteria: { criterion: string; article: { slug: string } }[] };
      }
    ).knowledge;
    expect(knowledge.attached.map((row) => row.slug)).toEqual(["case-fresh-food"]);
    expect(knowledge.criteria).toEqual([
      expect.objectContaining({
        criterion: "信息准确",
        article: expect.objectContaining({ slug: "policy-shipping-fee" }),
      }),
    ]);
  });
});
