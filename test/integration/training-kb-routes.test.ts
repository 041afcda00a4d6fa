import { beforeAll, describe, expect, it } from "vitest";
import { action as categoriesAction, loader as categoriesLoader } from "~/routes/kb.categories";
import { action as editAction, loader as editLoader } from "~/routes/kb.$slug_.edit";
import { loader as articleLoader } from "~/routes/kb.$slug";
import { loader as indexLoader } from "~/routes/kb._index";
import { action as newAction, loader as newLoader } from "~/routes/kb.new";
import { loader as searchLoader } from "~/routes/kb.search";
import { db } from "~/utils/db.server";
import { seedKnowledgeBase } from "../../prisma/seed/training-kb";
import { buildRequest, callRoute, signInAs } from "../support/auth";

let agentCookie: string;
let trainerCookie: string;
let qaLeadCookie: string;
let trainerId: string;

const articleForm = (overrides: Record<string, string> = {}) => ({
  title: "会员积分抵扣规则",
  slug: "policy-points",
  kind: "policy",
  categoryId: "",
  summary: "积分如何抵扣现金",
  tags: "积分，会员、抵扣",
  body: "## 规则\n\n100 积分抵扣 1 元，单笔订单最多抵扣实付金额的 20%。",
  intent: "save",
  ...overrides,
});

beforeAll(async () => {
  await seedKnowledgeBase();
  ({ cookie: agentCookie } = await signInAs("agent"));
  let trainer;
  ({ user: trainer, cookie: trainerCookie } = await signInAs("trainer"));
  trainerId = trainer.id;
  ({ cookie: qaLeadCookie } = await signInAs("qa_lead"));
});

describe("reading the knowledge base", () => {
  it("an agent searches and gets the shipping-fee policy first, with snippet parts", async () => {
    const result = await callRoute(indexLoader, buildRequest("/kb?q=退货运费谁出", { cookie: agentCookie }));
    expect(result.status).toBe(200);
    const data = result.data as { mode: string; search: { rows: { slug: string }[]; total: number } };
    expect(data.mode).toBe("search");
    expect(data.search.rows[0]!.slug).toBe("policy-shipping-fee");
  });

  it("without a query shows categories with previews and the recently updated articles", async () => {
    const result = await callRoute(indexLoader, buildRequest("/kb", { cookie: agentCookie }));
    const data = result.data as {
      mode: string;
      overview: { categories: { slug: string; articles: number }[]; recent: unknown[] };
    };
    expect(data.mode).toBe("overview");
    expect(data.overview.categories.find((row) => row.slug === "cases")!.articles).toBe(6);
    expect(data.overview.recent.length).toBeGreaterThan(0);
  });

  it("filters by category slug and kind", async () => {
    const result = await callRoute(
      indexLoader,
      buildRequest("/kb?category=after-sales&kind=policy", { cookie: agentCookie }),
    );
    const data = result.data as { mode: string; list: { rows: { kind: string }[]; total: number } };
    expect(data.mode).toBe("list");
    expect(data.list.total).toBe(5);
    expect(data.list.rows.every((row) => row.kind === "policy")).toBe(true);
  });

  it("renders an article with related articles; agents get no edit link", async () => {
    const result = await callRoute(articleLoader, buildRequest("/kb/policy-7-day-return", { cookie: agentCookie }), {
      slug: "policy-7-day-return",
    });
    const data = result.data as {
      html: string;
      canManage: boolean;
      related: { slug: string }[];
      article: { category: { slug: string } };
    };
    expect(data.html).toContain("<table>");
    expect(data.html).toContain('href="/kb/policy-special-goods"');
    expect(data.canManage).toBe(false);
    expect(data.article.category.slug).toBe("after-sales");
    expect(data.related.length).toBeGreaterThan(0);
  });

  it("the picker route returns published articles as JSON", async () => {
    const result = await callRoute(searchLoader, buildRequest("/kb/search?q=发票", { cookie: agentCookie }));
    const data = result.data as { articles: { slug: string; title: string; id: string; kind: string }[] };
    expect(data.articles[0]).toMatchObject({ slug: "faq-invoice", kind: "faq" });
  });
});

describe("authoring", () => {
  it("an agent cannot open the editor or post to it (403)", async () => {
    for (const [fn, path] of [
      [newLoader, "/kb/new"],
      [categoriesLoader, "/kb/categories"],
    ] as const) {
      const result = await callRoute(fn, buildRequest(path, { cookie: agentCookie }));
      expect(result.status).toBe(403);
    }
    const edit = await callRoute(editLoader, buildRequest("/kb/faq-invoice/edit", { cookie: agentCookie }), {
      slug: "faq-invoice",
    });
    expect(edit.status).toBe(403);
    const post = await callRoute(newAction, buildRequest("/kb/new", { cookie: agentCookie, form: articleForm() }));
    expect(post.status).toBe(403);
    expect(await db.kbArticle.count({ where: { slug: "policy-points" } })).toBe(0);
  });

  it("a trainer creates a draft: agents get 404 and do not find it; editors see it with its status", async () => {
    const created = await callRoute(newAction, buildRequest("/kb/new", { cookie: trainerCookie, form: articleForm() }));
    expect(created.status).toBe(302);
    expect(created.location).toBe("/kb/policy-points");
    const article = await db.kbArticle.findUniqueOrThrow({ where: { slug: "policy-points" } });
    expect(article).toMatchObject({
      status: "draft",
      source: "app",
      authorId: trainerId,
      tags: ["积分", "会员", "抵扣"],
    });
    expect(await db.auditLog.count({ where: { action: "kb.article.create", entityId: article.id } })).toBe(1);

    const asAgent = await callRoute(articleLoader, buildRequest("/kb/policy-points", { cookie: agentCookie }), {
      slug: "policy-points",
    });
    expect(asAgent.status).toBe(404);
    const agentSearch = await callRoute(indexLoader, buildRequest("/kb?q=积分抵扣", { cookie: agentCookie }));
    expect((agentSearch.data as { search: { rows: unknown[] } }).search.rows).toEqual([]);

    const asEditor = await callRoute(articleLoader, buildRequest("/kb/policy-points", { cookie: qaLeadCookie }), {
      slug: "policy-points",
    });
    expect((asEditor.data as { article: { status: string }; canManage: boolean }).article.status).toBe("draft");
    expect((asEditor.data as { canManage: boolean }).canManage).toBe(true);
  });

  it("rejects a taken or reserved slug with a field error", async () => {
    const taken = await callRoute(
      newAction,
      buildRequest("/kb/new", { cookie: trainerCookie, form: articleForm({ slug: "faq-invoice" }) }),
    );
    expect(taken.status).toBe(400);
    expect(JSON.stringify(taken.data)).toContain("training-kb:errors.slugTaken");
    const reserved = await callRoute(
      newAction,
      buildRequest("/kb/new", { cookie: trainerCookie, form: articleForm({ slug: "categories" }) }),
    );
    expect(reserved.status).toBe(400);
    expect(JSON.stringify(reserved.data)).toContain("training-kb:errors.slugReserved");
  });

  it("publishes, answers 409 to a stale save, and archives", async () => {
    const loaded = await callRoute(editLoader, buildRequest("/kb/policy-points/edit", { cookie: trainerCookie }), {
      slug: "policy-points",
    });
    const stamp = (loaded.data as { defaults: { expectedUpdatedAt: string } }).defaults.expectedUpdatedAt;
    const published = await callRoute(
      editAction,
      buildRequest("/kb/policy-points/edit", {
        cookie: trainerCookie,
        form: articleForm({ intent: "publish", expectedUpdatedAt: stamp }),
      }),
      { slug: "policy-points" },
    );
    expect(published.status).toBe(302);
    const article = await db.kbArticle.findUniqueOrThrow({ where: { slug: "policy-points" } });
    expect(article.status).toBe("published");
    expect(article.publishedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "kb.article.publish", entityId: article.id } })).toBe(1);

    const agentView = await callRoute(articleLoader, buildRequest("/kb/policy-points", { cookie: agentCookie }), {
      slug: "policy-points",
    });
    expect(agentView.status).toBe(200);

    const stale = await callRoute(
      editAction,
      buildRequest("/kb/policy-points/edit", {
        cookie: qaLeadCookie,
        form: articleForm({ title: "旧版本覆盖", expectedUpdatedAt: stamp }),
      }),
      { slug: "policy-points" },
    );
    expect(stale.status).toBe(409);
    expect((await db.kbArticle.findUniqueOrThrow({ where: { slug: "policy-points" } })).title).toBe("会员积分抵扣规则");

    const archived = await callRoute(
      editAction,
      buildRequest("/kb/policy-points/edit", {
        cookie: qaLeadCookie,
        form: articleForm({ intent: "archive", expectedUpdatedAt: article.updatedAt.toISOString() }),
      }),
      { slug: "policy-points" },
    );
    expect(archived.status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "kb.article.archive", entityId: article.id } })).toBe(1);
    const gone = await callRoute(articleLoader, buildRequest("/kb/policy-points", { cookie: agentCookie }), {
      slug: "policy-points",
    });
    expect(gone.status).toBe(404);
  });

  it("editing a synced article makes it an app article that the next sync leaves alone", async () => {
    const before = await db.kbArticle.findUniqueOrThrow({ where: { slug: "faq-refund-time" } });
    expect(before.source).toBe("file");
    const saved = await callRoute(
      editAction,
      buildRequest("/kb/faq-refund-time/edit", {
        cookie: trainerCookie,
        form: {
          title: before.title,
          slug: before.slug,
          kind: before.kind,
          categoryId: before.categoryId ?? "",
          summary: before.summary,
          tags: before.tags.join(","),
          body: `${before.body}\n\n补充：数字人民币支付的退款即时到账。`,
          intent: "save",
          expectedUpdatedAt: before.updatedAt.toISOString(),
        },
      }),
      { slug: "faq-refund-time" },
    );
    expect(saved.status).toBe(302);
    const after = await db.kbArticle.findUniqueOrThrow({ where: { slug: "faq-refund-time" } });
    expect(after.source).toBe("app");
    expect(after.searchText).toContain("数字人民币");
    const { syncKnowledgeBase } = await import("~/modules/training/kb/kb-sync.server");
    const report = await syncKnowledgeBase();
    expect(report.skipped).toContain("faq-refund-time");
    expect((await db.kbArticle.findUniqueOrThrow({ where: { slug: "faq-refund-time" } })).body).toBe(after.body);
  });

  it("the preview intent renders sanitised Markdown without saving", async () => {
    const result = await callRoute(
      newAction,
      buildRequest("/kb/new", {
        cookie: trainerCookie,
        form: { intent: "preview", body: "## 标题\n\n<script>alert(1)</script>\n\n**粗体**" },
      }),
    );
    const html = (result.data as { preview: string }).preview;
    expect(html).toContain("<h2>标题</h2>");
    expect(html).toContain("<strong>粗体</strong>");
    expect(html).not.toContain("<script>");
  });
});

describe("categories", () => {
  it("creates, renames and reorders categories, audited", async () => {
    const created = await callRoute(
      categoriesAction,
      buildRequest("/kb/categories", {
        cookie: trainerCookie,
        form: { intent: "create", name: "会员与积分", slug: "membership" },
      }),
    );
    expect(created.status).toBe(302);
    const category = await db.kbCategory.findUniqueOrThrow({ where: { slug: "membership" } });
    const count = await db.kbCategory.count();
    expect(category.position).toBe(count - 1);

    await callRoute(
      categoriesAction,
      buildRequest("/kb/categories", {
        cookie: trainerCookie,
        form: { intent: "rename", id: category.id, name: "会员积分" },
      }),
    );
    expect((await db.kbCategory.findUniqueOrThrow({ where: { id: category.id } })).name).toBe("会员积分");

    await callRoute(
      categoriesAction,
      buildRequest("/kb/categories", {
        cookie: trainerCookie,
        form: { intent: "move", id: category.id, direction: "up" },
      }),
    );
    const order = (await db.kbCategory.findMany({ orderBy: { position: "asc" }, select: { slug: true } })).map(
      (row) => row.slug,
    );
    expect(order.slice(-2)).toEqual(["membership", "products"]);
    expect(await db.auditLog.count({ where: { entityType: "KbCategory", entityId: category.id } })).toBe(3);

    const duplicate = await callRoute(
      categoriesAction,
      buildRequest("/kb/categories", {
        cookie: trainerCookie,
        form: { intent: "create", name: "重复", slug: "cases" },
      }),
    );
    expect(duplicate.status).toBe(400);
    const agent = await callRoute(
      categoriesAction,
      buildRequest("/kb/categories", {
        cookie: agentCookie,
        form: { intent: "create", name: "坐席", slug: "agent-made" },
      }),
    );
    expect(agent.status).toBe(403);
  });
});
