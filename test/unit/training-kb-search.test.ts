import { describe, expect, it } from "vitest";
import {
  ArticleFormSchema,
  buildSearchText,
  buildSnippet,
  minimumMatches,
  parseTags,
  scoreSections,
  SECTION_SEPARATOR,
} from "~/modules/training/kb/kb";
import { searchTerms } from "~/modules/training/text";

describe("minimumMatches", () => {
  it("is ceil(60 %) of the terms and at least one", () => {
    expect(minimumMatches(0)).toBe(0);
    expect(minimumMatches(1)).toBe(1);
    expect(minimumMatches(2)).toBe(2); // 1.2 → 2
    expect(minimumMatches(3)).toBe(2); // 1.8 → 2
    expect(minimumMatches(4)).toBe(3); // 2.4 → 3
    expect(minimumMatches(5)).toBe(3); // 3.0 → 3 (no floating-point bump to 4)
    expect(minimumMatches(10)).toBe(6);
  });
});

describe("scoreSections", () => {
  it("weighs a term 3 in the title, 2 in tags/summary, 1 in the body, and counts matched terms", () => {
    const sections = { title: "退货运费规则", meta: "运费 运费险", body: "无理由退货的寄回运费由顾客承担" };
    // 退货: title 3 + body 1 = 4; 货运: title 3; 运费: 3 + 2 + 1 = 6; 费谁: 0; 谁出: 0
    expect(scoreSections(sections, searchTerms("退货运费谁出"))).toEqual({ score: 13, matched: 3 });
  });

  it("ranks the article whose title holds the words above one that only mentions them", () => {
    const terms = searchTerms("生鲜坏了");
    const fresh = scoreSections(
      { title: "案例:生鲜车厘子到货坏了", meta: "生鲜 坏果", body: "生鲜到货坏了先看照片" },
      terms,
    );
    const special = scoreSections({ title: "特殊商品退换规则", meta: "生鲜", body: "生鲜不支持无理由退货" }, terms);
    expect(fresh.score).toBeGreaterThan(special.score);
    expect(special.matched).toBeLessThan(minimumMatches(terms.length));
  });
});

describe("buildSearchText", () => {
  it("keeps three normalised sections that never contain the separator", () => {
    const text = buildSearchText({
      title: "７天 无理由\n退货",
      tags: ["售后", "ABC"],
      summary: "摘要\t内容",
      bodyText: "正文\n\n第二段",
    });
    const sections = text.split(SECTION_SEPARATOR);
    expect(sections).toEqual(["7天 无理由 退货", "售后 abc 摘要 内容", "正文 第二段"]);
  });
});

describe("buildSnippet", () => {
  it("marks every occurrence of every term inside the window", () => {
    const { parts, truncatedStart, truncatedEnd } = buildSnippet(
      "质量问题退货运费由商家承担，运费险另计",
      ["运费", "退货"],
      40,
    );
    expect(parts).toEqual([
      { text: "质量问题", hit: false },
      { text: "退货运费", hit: true },
      { text: "由商家承担，", hit: false },
      { text: "运费", hit: true },
      { text: "险另计", hit: false },
    ]);
    expect(truncatedStart).toBe(false);
    expect(truncatedEnd).toBe(false);
  });

  it("starts shortly before the first hit in a long text and flags both cut ends", () => {
    const text = `${"甲".repeat(100)}签收后24小时内拍照${"乙".repeat(100)}`;
    const snippet = buildSnippet(text, ["拍照"], 40);
    const joined = snippet.parts.map((part) => part.text).join("");
    expect(joined).toHaveLength(40);
    expect(joined.indexOf("拍照")).toBe(10); // a quarter of the window before the hit
    expect(snippet.truncatedStart).toBe(true);
    expect(snippet.truncatedEnd).toBe(true);
  });

  it("matches case- and width-insensitively and gives the beginning when nothing matches", () => {
    const hit = buildSnippet("支持ＮＦＣ刷卡", ["nfc"], 20);
    expect(hit.parts).toEqual([
      { text: "支持", hit: false },
      { text: "ＮＦＣ", hit: true },
      { text: "刷卡", hit: false },
    ]);
    const miss = buildSnippet("一二三四五六", ["七八"], 4);
    expect(miss.parts).toEqual([{ text: "一二三四", hit: false }]);
    expect(miss.truncatedEnd).toBe(true);
  });
});

describe("article form", () => {
  it("splits tags on ASCII and Chinese commas, 顿号 and spaces, without duplicates", () => {
    expect(parseTags("退货, 运费，售后、运费  物流")).toEqual(["退货", "运费", "售后", "物流"]);
    expect(parseTags(undefined)).toEqual([]);
  });

  it("lower-cases the slug and refuses reserved or malformed ones", () => {
    const base = { title: "标题", kind: "faq", body: "正文" };
    expect(ArticleFormSchema.parse({ ...base, slug: "FAQ-Invoice" }).slug).toBe("faq-invoice");
    expect(ArticleFormSchema.safeParse({ ...base, slug: "new" }).success).toBe(false);
    expect(ArticleFormSchema.safeParse({ ...base, slug: "退货" }).success).toBe(false);
    expect(ArticleFormSchema.safeParse({ ...base, slug: "-x" }).success).toBe(false);
  });
});
