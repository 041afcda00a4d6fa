import { beforeAll, describe, expect, it } from "vitest";
import { syncKnowledgeBase } from "~/modules/training/kb/kb-sync.server";
import { pickerSearch, relatedArticles, searchArticles } from "~/modules/training/kb/kb.server";
import { db } from "~/utils/db.server";
import { seedKnowledgeBase } from "../../prisma/seed/training-kb";

const published = ["published"] as ("published" | "draft" | "archived")[];

async function topSlugs(query: string, count = 3) {
  const { rows } = await searchArticles({ query, statuses: published, page: 1, pageSize: 10 });
  return rows.slice(0, count).map((row) => row.slug);
}

beforeAll(async () => {
  await seedKnowledgeBase();
});

describe("knowledge-base search on the shipped content", () => {
  it("finds the shipping-fee policy first for 退货运费谁出", async () => {
    expect((await topSlugs("退货运费谁出"))[0]).toBe("policy-shipping-fee");
  });

  it("finds the fresh-food case first for 生鲜坏了", async () => {
    expect((await topSlugs("生鲜坏了"))[0]).toBe("case-fresh-food");
  });

  it("finds the 7-day return policy first for 7天无理由, also typed full-width", async () => {
    expect((await topSlugs("7天无理由"))[0]).toBe("policy-7-day-return");
    expect((await topSlugs("７天无理由"))[0]).toBe("policy-7-day-return");
  });

  it("marks the query's bigrams in the snippet of the first body hit", async () => {
    const { rows, terms } = await searchArticles({ query: "运费险", statuses: published, page: 1, pageSize: 5 });
    expect(terms).toEqual(["运费", "费险"]);
    expect(rows.length).toBeGreaterThan(0);
    const hits = rows[0]!.snippet.parts.filter((part) => part.hit).map((part) => part.text);
    expect(hits.some((text) => text.includes("运费"))).toBe(true);
  });

  it("filters by kind and category, and pages with a stable total", async () => {
    const cases = await db.kbCategory.findUniqueOrThrow({ where: { slug: "cases" } });
    const byKind = await searchArticles({ query: "顾客", kind: "case", statuses: published, page: 1, pageSize: 50 });
    expect(byKind.rows.length).toBeGreaterThan(0);
    expect(byKind.rows.every((row) => row.kind === "case")).toBe(true);
    const byCategory = await searchArticles({
      query: "顾客",
      categoryId: cases.id,
      statuses: published,
      page: 1,
      pageSize: 2,
    });
    expect(byCategory.rows).toHaveLength(2);
    expect(byCategory.total).toBe(6);
    const page3 = await searchArticles({
      query: "顾客",
      categoryId: cases.id,
      statuses: published,
      page: 3,
      pageSize: 2,
    });
    expect(page3.rows).toHaveLength(2);
    expect(page3.total).toBe(6);
    const past = await searchArticles({
      query: "顾客",
      categoryId: cases.id,
      statuses: published,
      page: 9,
      pageSize: 2,
    });
    expect(past.rows).toHaveLength(0);
    expect(past.total).toBe(6);
  });

  it("returns nothing for a query of only punctuation, and nothing unrelated", async () => {
    expect((await searchArticles({ query: "，。！", statuses: published, page: 1, pageSize: 5 })).rows).toEqual([]);
    expect(await topSlugs("量子力学")).toEqual([]);
  });

  it("does not show drafts to searches limited to published articles", async () => {
    await db.kbArticle.create({
      data: {
        slug: "draft-shipping",
        title: "草稿：退货运费谁出新规",
        kind: "policy",
        body: "草稿",
        searchText: "草稿：退货运费谁出新规\n\n草稿",
        status: "draft",
      },
    });
    expect(await topSlugs("退货运费谁出", 10)).not.toContain("draft-shipping");
    const editors = await searchArticles({
      query: "退货运费谁出",
      statuses: ["draft", "published", "archived"],
      page: 1,
      pageSize: 10,
    });
    expect(editors.rows.map((row) => row.slug)).toContain("draft-shipping");
  });

  it("relates articles by category and shared tags", async () => {
    const article = await db.kbArticle.findUniqueOrThrow({ where: { slug: "policy-shipping-fee" } });
    const related = await relatedArticles(article.id, article.categoryId, article.tags);
    expect(related.length).toBeGreaterThan(0);
    expect(related.map((row) => row.slug)).not.toContain("policy-shipping-fee");
    expect(related[0]!.score).toBeGreaterThanOrEqual(related[related.length - 1]!.score);
  });

  it("the picker finds articles by words or slug prefix", async () => {
    expect((await pickerSearch("运费")).map((row) => row.slug)).toContain("policy-shipping-fee");
    expect((await pickerSearch("faq-inv")).map((row) => row.slug)).toEqual(["faq-invoice"]);
  });
});

describe("content sync", () => {
  it("is idempotent: a second run changes nothing", async () => {
    const before = await db.kbArticle.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } });
    const audits = await db.auditLog.count();
    const report = await syncKnowledgeBase();
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.categoriesCreated).toEqual([]);
    expect(report.unchanged.length).toBeGreaterThanOrEqual(19);
    expect(await db.kbArticle.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } })).toEqual(
      before,
    );
    expect(await db.auditLog.count()).toBe(audits);
  });
});
