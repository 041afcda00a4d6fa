/**
 * The role-play story through the UI: a trainer (T001) creates a small scenario (会员积分未到账: three customer nodes
 * and two end nodes, scored with the 在线客服通用质检表 rubric), writes its script in the YAML view, publishes it
 * and test-plays it (test banner, the customer answers); an agent (A2007 苏磊, used by no other journey) practises
 * it, blames the customer (the report shows 红线 and 未通过), practises again and resolves it with every step; the
 * trainer scores the transcript with the rubric; the agent finds the final score and 通过.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePage, launchBrowser, snapshot } from "./support/browser";
import { flash, hydrated, idAfter, signIn, visit } from "./support/training";

// A run mark keeps the title unique when the journey runs again against the same server.
const TITLE = `会员积分未到账（演练 ${Date.now().toString(36).slice(-4)}）`;
const AGENT = "A2007";
const AGENT_NAME = "苏磊";

const SCRIPT = `title: ${TITLE}
summary: 老会员确认收货三天了积分还没到账，情绪有些不耐烦。
difficulty: easy
channel: chat
goal: 问候顾客并核实订单号，说明积分在确认收货后 48 小时内到账，不推责。
persona:
  name: 何女士
  mood: annoyed
  patience: 3
  description: 五年老会员，经常用积分抵现
order:
  orderNumber: "2026120500001234"
  platform: 优品商城
  items:
    - name: 316 不锈钢保温杯
      sku: CUP-316
      quantity: 1
      price: 129
  amount: 129
  orderedAt: "2026-12-01"
  deliveredAt: "2026-12-03"
  status: 已签收
  issue: 确认收货后积分未到账
  notes:
    - 确认收货 2026-12-03 20:15
replyTimeLimitSeconds: 120
start: opening
patienceExhausted: left
intents:
  - key: greet
    label: 问候
    phrases: ["您好|你好"]
  - key: ask-order
    label: 核实订单号
    phrases: ["订单号|单号"]
  - key: explain
    label: 说明到账时间
    phrases: ["48小时"]
  - key: blame
    label: 指责顾客
    phrases: ["您自己|你自己"]
nodes:
  - id: opening
    customer: ["我的积分怎么还没到账？"]
    hint: 先问候，再核实订单号。
    transitions:
      - when: [blame]
        to: left
      - when: [ask-order]
        to: explain
    fallback: ["你倒是说啊，积分呢？"]
  - id: explain
    customer: ["订单号就是 2026120500001234。"]
    hint: 说明积分在确认收货后 48 小时内到账。
    transitions:
      - when: [blame]
        to: left
      - when: [explain]
        to: done
    fallback: ["那到底什么时候到？"]
  - id: done
    customer: ["好的，那我再等等，谢谢。"]
    end: resolved
  - id: left
    customer: ["什么态度，我去投诉！"]
    end: customer_left
steps:
  - key: greet
    label: 问候
    intents: [greet]
    withinReplies: 1
  - key: verify
    label: 核实订单号
    intents: [ask-order]
  - key: explain
    label: 说明到账时间
    intents: [explain]
redLines:
  - key: blame
    label: 指责顾客
    intents: [blame]
scoring:
  stepsWeight: 60
  timingWeight: 20
  outcomeWeight: 20
  passPercent: 80
  rubric: chat-general
  humanWeight: 50
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function acceptDialogs(page: Page) {
  page.on("dialog", (dialog) => void dialog.accept());
}

/** Waits for the n-th customer bubble (1-based) and for the reply box to be usable again. */
async function customerSaid(page: Page, count: number, text?: string) {
  const bubbles = page.getByTestId("chat-customer");
  await bubbles.nth(count - 1).waitFor({ timeout: 15_000 });
  if (text) await bubbles.filter({ hasText: text }).first().waitFor();
}

async function reply(page: Page, text: string) {
  const box = page.getByLabel("回复内容");
  await expect.poll(() => box.isEnabled(), { timeout: 15_000 }).toBe(true);
  await box.fill(text);
  await box.press("Enter");
  await page.getByTestId("chat-agent").filter({ hasText: text }).first().waitFor();
}

describe("role-play journey", () => {
  let scenarioId = "";

  it("the trainer creates the scenario, writes the script as YAML, publishes and test-plays it", async () => {
    const trainer = await signIn(browser, "T001", "/trainer");
    acceptDialogs(trainer);
    await visit(trainer, "/training/scenarios/new");
    const form = trainer.locator("form#new-scenario");
    const fields: Record<string, string> = {
      title: TITLE,
      slug: `points-delay-${Date.now().toString(36)}`,
      summary: "老会员确认收货三天了积分还没到账。",
      goal: "问候顾客并核实订单号，说明积分到账时间。",
      personaName: "何女士",
      patience: "3",
      opening: "我的积分怎么还没到账？",
      orderNumber: "2026120500001234",
      orderedAt: "2026-12-01",
      productName: "316 不锈钢保温杯",
      price: "129",
      issue: "确认收货后积分未到账",
    };
    for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).fill(value);
    await form.getByRole("button", { name: "创建并编辑" }).click();
    await trainer.waitForURL(/\/training\/scenarios\/[^/]+\/edit$/);
    scenarioId = idAfter(trainer.url(), "scenarios");
    await hydrated(trainer);

    await trainer.locator("summary", { hasText: "高级：YAML" }).click();
    await trainer.locator("#scenario-yaml").fill(SCRIPT);
    await trainer.getByRole("button", { name: "保存 YAML 为草稿" }).click();
    await trainer.waitForLoadState("networkidle");
    await expect.poll(() => trainer.locator("#scenario-yaml").inputValue()).toContain("说明到账时间");

    await visit(trainer, `/training/scenarios/${scenarioId}`);
    await trainer.getByRole("button", { name: "发布草稿" }).click();
    await expect.poll(() => trainer.getByRole("button", { name: "发布草稿" }).count(), { timeout: 10_000 }).toBe(0);

    await trainer.getByRole("link", { name: "试玩" }).click();
    await hydrated(trainer);
    await trainer.getByRole("button", { name: "开始试玩" }).click();
    await trainer.waitForURL(/\/learn\/roleplay\/sessions\/[^/]+$/);
    await hydrated(trainer);
    await trainer.getByTestId("test-banner").getByText("测试模式，不计成绩").waitFor();
    await customerSaid(trainer, 1, "我的积分怎么还没到账？");
    await reply(trainer, "您好，请问您的订单号是多少？");
    await customerSaid(trainer, 2, "订单号就是 2026120500001234。");
    await snapshot(trainer, "roleplay-test-play");
    await trainer.getByRole("button", { name: "结束测试" }).click();
    await trainer.getByTestId("session-report").waitFor();
    await closePage(trainer);
  });

  it("the agent crosses a red line: the report shows 红线 and 未通过", async () => {
    const agent = await signIn(browser, AGENT, "/agent");
    await agent.getByRole("link", { name: "我的演练" }).click();
    await agent.waitForURL((url) => url.pathname === "/learn/roleplay");
    const card = agent.getByTestId("scenario-card").filter({ hasText: TITLE });
    await card.getByRole("link", { name: "查看说明" }).click();
    await agent.waitForURL(`**/learn/roleplay/${scenarioId}`);
    await agent.getByTestId("briefing-goal").waitFor();
    await agent.getByText("指责顾客").waitFor();
    await agent.getByRole("button", { name: "开始练习" }).click();
    await agent.waitForURL(/\/learn\/roleplay\/sessions\/[^/]+$/);
    await hydrated(agent);
    await agent.getByTestId("reply-timer").waitFor();
    await customerSaid(agent, 1, "我的积分怎么还没到账？");
    await agent.getByRole("button", { name: "查看提示" }).click();
    await agent.getByTestId("play-hint").getByText("先问候，再核实订单号。").waitFor();

    await reply(agent, "积分的事您自己去会员中心看吧");
    await customerSaid(agent, 2, "什么态度，我去投诉！");
    const report = agent.getByTestId("session-report");
    await report.waitFor();
    await report.getByTestId("report-red-lines").getByText("指责顾客").waitFor();
    await report.getByText("红线", { exact: true }).first().waitFor();
    await report.getByTestId("result-failed").getByText("未通过").waitFor();
    await expect(report.getByTestId("result-auto").innerText()).resolves.toBe("0");
    await snapshot(agent, "roleplay-red-line");
    await closePage(agent);
  });

  it("the agent practises again and resolves it with every step; the transcript waits for the rubric", async () => {
    const agent = await signIn(browser, AGENT, "/agent");
    await visit(agent, "/learn/roleplay");
    await agent.getByTestId("my-sessions").getByRole("link", { name: TITLE }).first().click();
    await agent.waitForURL(/\/learn\/roleplay\/sessions\/[^/]+$/);
    await hydrated(agent);
    const firstSession = agent.url();
    await agent.getByRole("button", { name: "再练一次" }).click();
    await agent.waitForURL((url) => url.href !== firstSession && /\/learn\/roleplay\/sessions\//.test(url.pathname));
    await hydrated(agent);

    await customerSaid(agent, 1, "我的积分怎么还没到账？");
    await reply(agent, "您好，很抱歉让您久等了，请问您的订单号是多少？");
    await customerSaid(agent, 2, "订单号就是 2026120500001234。");
    // A reload resumes exactly where the conversation was.
    await agent.reload();
    await hydrated(agent);
    await customerSaid(agent, 2);
    await expect(agent.getByTestId("chat-agent").count()).resolves.toBe(1);

    await reply(agent, "已为您查询，积分会在确认收货后48小时内到账，请您再耐心等一下");
    await customerSaid(agent, 3, "好的，那我再等等，谢谢。");
    const report = agent.getByTestId("session-report");
    await report.waitFor();
    await expect(report.getByTestId("report-red-lines").count()).resolves.toBe(0);
    await expect(report.getByTestId("report-steps").getByText("已完成").count()).resolves.toBe(3);
    await report.getByTestId("result-final").getByText("等待人工评分").waitFor();
    await snapshot(agent, "roleplay-resolved");
    await closePage(agent);
  });

  it("the trainer scores the transcript with the rubric", async () => {
    const trainer = await signIn(browser, "T001", "/trainer");
    acceptDialogs(trainer);
    await trainer.getByRole("link", { name: "演练评分" }).click();
    await trainer.waitForURL((url) => url.pathname === "/training/roleplay/reviews");
    const row = trainer.getByTestId("roleplay-review-row").filter({ hasText: AGENT_NAME }).filter({ hasText: TITLE });
    await row.getByRole("link", { name: "评分" }).click();
    await trainer.waitForURL(/\/training\/roleplay\/reviews\/[^/]+$/);
    await hydrated(trainer);
    await trainer.getByTestId("chat-agent").filter({ hasText: "48小时内到账" }).waitFor();

    const cards = trainer.getByTestId("criterion");
    const total = await cards.count();
    expect(total).toBeGreaterThan(0);
    for (let index = 0; index < total; index += 1) {
      const card = cards.nth(index);
      const pass = card.getByRole("radio", { name: "合格", exact: true });
      if ((await pass.count()) > 0) await pass.click();
      else await card.getByRole("radio").filter({ hasNotText: "不适用" }).last().click();
    }
    await trainer.getByLabel("总结").fill("先致歉再核实订单号，到账时间说得清楚，保持。");
    await trainer.getByRole("button", { name: "提交评分" }).click();
    await flash(trainer, /评分已提交，最终得分/).waitFor();
    await trainer.getByTestId("rubric-readonly").waitFor();
    await snapshot(trainer, "roleplay-review-submitted");
    await closePage(trainer);
  });

  it("the agent sees the final score and 通过", async () => {
    const agent = await signIn(browser, AGENT, "/agent");
    await visit(agent, "/learn/roleplay");
    await agent.getByTestId("my-sessions").getByRole("link", { name: TITLE }).first().click();
    await agent.waitForURL(/\/learn\/roleplay\/sessions\/[^/]+$/);
    const report = agent.getByTestId("session-report");
    await report.getByTestId("result-passed").getByText("通过").waitFor();
    const final = Number(await report.getByTestId("result-final").innerText());
    expect(final).toBeGreaterThanOrEqual(80);
    await report.getByText("先致歉再核实订单号").waitFor();
    await closePage(agent);
  });
});
