/**
 * The quality-inspection story end to end through the UI, one role per browser context:
 * import → sampling plan → scoring in the workbench → the agent disputes → the inspector partly accepts →
 * the agent sees the higher score. The steps share state and run in order.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { scoreReview, type Ratings, type ScaleType } from "~/modules/qa/scoring";
import { closePage, launchBrowser, login, newPage, snapshot } from "./support/browser";

type RubricFile = {
  sections: {
    criteria: {
      key: string;
      name: string;
      weight: number;
      scale: ScaleType;
      maxPoints?: number;
      allowNa?: boolean;
      critical?: boolean;
      bonus?: boolean;
    }[];
  }[];
};

// The seed loads the demo rubrics from these files, so the test scores with the same definition the server does.
const RUBRIC = parseYaml(
  readFileSync(path.resolve(import.meta.dirname, "../../content/qa/rubrics/chat-general.yaml"), "utf8"),
) as RubricFile;
const CRITERIA = RUBRIC.sections.flatMap((section) => section.criteria);
const SCORING = CRITERIA.map((criterion) => ({ ...criterion, id: criterion.key }));

/** The disputed criterion: five-point, not a red line, not a bonus. */
const DISPUTED = "attitude";
const ORIGINAL_VALUE = 2;
const PROPOSED_VALUE = 5;
const GRANTED_VALUE = 4;

/** What the inspector gives, in rubric order; null = N/A. The first few go in by keyboard. */
const RATINGS: Record<string, number | null> = {
  "first-response": 4,
  "response-interval": 4,
  "wait-notice": 1,
  "greeting-closing": 3,
  "language-standard": 4,
  attitude: ORIGINAL_VALUE,
  "needs-identification": 3,
  "info-accuracy": 5,
  solution: 5,
  "process-adherence": 4,
  "no-buck-passing": 1,
  "closing-loop": 3,
  "privacy-leak": 1,
  "abusive-language": 1,
  "false-promise": 1,
  "proactive-care": null,
  conversion: null,
};
const KEYBOARD_COUNT = 6;

const ORIGINAL_SCORE = scoreReview(SCORING, RATINGS as Ratings).score;
const FINAL_SCORE = scoreReview(SCORING, { ...RATINGS, [DISPUTED]: GRANTED_VALUE } as Ratings).score;
const DISPUTED_NAME = CRITERIA.find((criterion) => criterion.key === DISPUTED)!.name;

/** How the score pages print a score: whole numbers bare, otherwise two decimals. */
function shown(score: number) {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

const RUN = Date.now();
const TAG = `e2e-${RUN}`;
const CONVERSATION_IDS = [1, 2, 3].map((n) => `E2E-${RUN}-${n}`);
const PHONE = "13812345678";
const MASKED_PHONE = "138****5678";

function conversationLine(externalId: string, index: number) {
  const start = Date.now() - 26 * 3_600_000 + index * 600_000;
  const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  return JSON.stringify({
    id: externalId,
    channel: "chat",
    startedAt: at(0),
    endedAt: at(300),
    agents: ["A2003"],
    customer: `tb_e2e_buyer_${index + 1}`,
    csat: 3,
    complaint: false,
    resolved: true,
    tags: [TAG],
    messages: [
      { from: "customer", at: at(0), text: "你好，上周买的电热水壶底座不通电了，怎么处理？" },
      { from: "agent", at: at(25), text: "亲，您好，很高兴为您服务～麻烦提供一下订单号，我帮您查询。" },
      { from: "customer", at: at(80), text: `订单号 ${RUN}${index}，我的手机号是 ${PHONE}，售后可以直接打给我。` },
      { from: "agent", at: at(120), text: "好的亲，已为您登记换新，48 小时内会有专员联系您，请保持电话畅通。" },
      { from: "customer", at: at(200), text: "好的，谢谢。" },
      { from: "agent", at: at(230), text: "不客气，还有其他可以帮您的吗？祝您生活愉快！" },
    ],
  });
}

/** The figure of a StatCard: the paragraph right after its label. */
function statValue(page: Page, label: string) {
  return page.getByText(label, { exact: true }).locator("xpath=following-sibling::p[1]");
}

async function signIn(externalId: string, home: string) {
  const page = await newPage(browser);
  await login(page, externalId);
  await page.waitForURL((url) => url.pathname === home);
  return page;
}

let browser: Browser;
let workDir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  workDir = mkdtempSync(path.join(tmpdir(), "fuwu-qa-journey-"));
});
afterAll(async () => {
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("quality inspection journey", () => {
  let reviewedConversation = "";

  it("the rubric gives the disputed criterion room to improve", () => {
    expect(FINAL_SCORE).toBeGreaterThan(ORIGINAL_SCORE);
  });

  it("an admin uploads a JSON Lines file of conversations", async () => {
    const file = path.join(workDir, `e2e-${RUN}.jsonl`);
    writeFileSync(file, CONVERSATION_IDS.map(conversationLine).join("\n") + "\n");

    const admin = await signIn("SYS001", "/admin");
    await admin.goto("/admin/imports");
    await admin.getByLabel("会话文件").setInputFiles(file);
    await admin.getByRole("button", { name: "开始导入" }).click();
    await admin.waitForURL(/\/admin\/imports\/[^/]+$/);
    // The URL changes before the detail page has rendered: wait for it, then read the status inside it (the list
    // page it replaces has 已完成 badges of its own).
    await admin.getByRole("heading", { name: "导入详情", level: 1 }).waitFor();
    // The page refreshes itself while the import job runs.
    await admin
      .locator('section[aria-live="polite"]')
      .getByText("已完成", { exact: true })
      .waitFor({ timeout: 60_000 });
    await expect(statValue(admin, "新增").textContent()).resolves.toBe(String(CONVERSATION_IDS.length));
    await expect(statValue(admin, "拒绝").textContent()).resolves.toBe("0");
    await expect(statValue(admin, "消息数").textContent()).resolves.toBe(String(CONVERSATION_IDS.length * 6));
    await snapshot(admin, "qa-import-finished");
    await closePage(admin);
  });

  it("a manager creates a targeted sampling plan for the imported tag and runs it", async () => {
    const manager = await signIn("M001", "/manager");
    await manager.goto("/qa/sampling/new");
    await manager.getByLabel("计划名称").fill(`E2E 定向抽检 ${RUN}`);
    await manager.getByRole("combobox", { name: "质检表" }).selectOption({ label: "在线客服通用质检表" });
    await manager.getByRole("combobox", { name: "抽样策略" }).selectOption("targeted");
    await manager.getByRole("combobox", { name: "会话时间范围" }).selectOption("relative");
    await manager.getByLabel("最近天数").fill("3");
    await manager.getByRole("textbox", { name: "标签" }).fill(TAG);
    await manager
      .getByRole("group", { name: "质检员池" })
      .getByRole("checkbox", { name: /吴俊杰/ })
      .check();
    await manager.getByLabel("每位质检员待办上限").fill("1000");
    await manager.getByLabel("完成期限（天）").fill("1");
    await manager.getByRole("button", { name: "仅手动" }).click();
    await manager.getByRole("checkbox", { name: "启用定时执行" }).uncheck();
    await snapshot(manager, "qa-sampling-new");
    await manager.getByRole("button", { name: "创建计划" }).click();
    await manager.getByRole("status").getByText(`抽检计划「E2E 定向抽检 ${RUN}」已创建`).waitFor();

    await manager.getByRole("button", { name: "立即抽检" }).click();
    await manager.waitForURL(/\/qa\/sampling\/runs\/[^/]+$/);
    // The run is a background job; the page says to refresh until it has finished.
    const deadline = Date.now() + 60_000;
    while (!(await manager.getByText("完成于", { exact: false }).count())) {
      if (Date.now() > deadline) throw new Error("sampling run did not finish within 60 s");
      await manager.waitForTimeout(1_000);
      await manager.reload();
    }
    const count = String(CONVERSATION_IDS.length);
    await expect(statValue(manager, "候选会话").textContent()).resolves.toBe(count);
    await expect(statValue(manager, "抽中").textContent()).resolves.toBe(count);
    await expect(statValue(manager, "已分配").textContent()).resolves.toBe(count);
    for (const id of CONVERSATION_IDS) await manager.getByText(id).first().waitFor();
    await snapshot(manager, "qa-sampling-run");
    await closePage(manager);
  });

  it("the inspector scores one of the conversations in the workbench, partly by keyboard", async () => {
    const inspector = await signIn("Q002", "/qa");
    await inspector.goto("/qa/queue");
    // The queue is sorted by due date; page through it to the imported conversations.
    for (;;) {
      const found = await inspector
        .getByTestId("queue")
        .getByRole("row")
        .filter({ hasText: new RegExp(CONVERSATION_IDS.join("|")) })
        .first();
      if (await found.count()) {
        const text = (await found.textContent()) ?? "";
        reviewedConversation = CONVERSATION_IDS.find((id) => text.includes(id)) ?? "";
        await snapshot(inspector, "qa-queue");
        await found.getByRole("link", { name: "开始质检" }).click();
        break;
      }
      const next = inspector.getByRole("link", { name: "下一页" });
      if (!(await next.count())) throw new Error("imported conversations not in Q002's queue");
      await next.click();
      await inspector.waitForURL(/page=/);
    }
    expect(reviewedConversation).not.toBe("");
    await inspector.waitForURL(/\/qa\/reviews\/[^/]+$/);
    await inspector.getByRole("heading", { name: `质检评分 · ${reviewedConversation}` }).waitFor();

    // Personal data is masked before it reaches the browser.
    const transcript = inspector.getByRole("region", { name: "会话记录" });
    await transcript.getByText(MASKED_PHONE, { exact: false }).waitFor();
    await expect(inspector.content()).resolves.not.toContain(PHONE);
    await transcript.getByText("已脱敏").first().waitFor();

    const criterionCards = inspector.getByTestId("criterion");
    await expect(criterionCards.count()).resolves.toBe(CRITERIA.length);
    for (const [index, criterion] of CRITERIA.entries()) {
      const value = RATINGS[criterion.key];
      if (value === undefined) throw new Error(`no rating planned for ${criterion.key}`);
      const group = inspector.getByRole("radiogroup", { name: criterion.name, exact: true });
      const label =
        value === null ? "不适用" : criterion.scale === "binary" ? (value ? "合格" : "不合格") : String(value);
      const radio = group.getByRole("radio", { name: label, exact: true });
      if (index < KEYBOARD_COUNT && value !== null) {
        const key = criterion.scale === "binary" ? (value ? "p" : "f") : String(value);
        if (index > 0) await inspector.keyboard.press("j");
        await expect(criterionCards.nth(index).getAttribute("data-active")).resolves.toBe("true");
        // The shortcuts listen once the page has hydrated; the first key is repeated until it lands.
        for (let attempt = 0; ; attempt += 1) {
          await inspector.keyboard.press(key);
          if ((await radio.getAttribute("aria-checked")) === "true") break;
          if (attempt === 20) throw new Error(`shortcut ${key} did not rate ${criterion.key}`);
          await inspector.waitForTimeout(250);
        }
      } else {
        await radio.click();
      }
      await expect(radio.getAttribute("aria-checked")).resolves.toBe("true");
    }
    await inspector.getByText(`当前得分（已评 ${CRITERIA.length} / ${CRITERIA.length} 项）`).waitFor();
    await expect(inspector.getByTestId("score").first().textContent()).resolves.toBe(shown(ORIGINAL_SCORE));
    await inspector.getByLabel("总体评语").fill("整体处理及时，换新流程清楚；回复略显机械，注意服务热情。");
    await snapshot(inspector, "qa-workbench-scored");

    await inspector.getByRole("button", { name: /^提交评分/ }).click();
    const dialog = inspector.getByRole("dialog", { name: "确认提交质检结果" });
    await dialog.waitFor();
    await expect(dialog.getByTestId("score").textContent()).resolves.toBe(shown(ORIGINAL_SCORE));
    await dialog.getByText(`扣分项：${DISPUTED_NAME}`).waitFor();
    await snapshot(inspector, "qa-workbench-confirm");
    await dialog.getByRole("button", { name: "确认提交" }).click();
    await inspector
      .getByRole("status")
      .getByText(`评分已提交，得分 ${shown(ORIGINAL_SCORE)}`)
      .waitFor();
    expect(new URL(inspector.url()).pathname).toMatch(/^\/qa\/(queue|reviews\/[^/]+)$/);
    await snapshot(inspector, "qa-workbench-submitted");
    await closePage(inspector);
  });

  it("the agent disputes the low criterion, proposing the top of the scale", async () => {
    const agent = await signIn("A2003", "/agent");
    await agent.goto("/agent/reviews");
    await agent.getByRole("link", { name: reviewedConversation }).click();
    await agent.waitForURL(/\/agent\/reviews\/[^/]+$/);
    await expect(agent.getByTestId("review-score").textContent()).resolves.toBe(shown(ORIGINAL_SCORE));
    await agent.getByText(MASKED_PHONE, { exact: false }).first().waitFor();

    const checkbox = agent.getByRole("checkbox", { name: new RegExp(`^${DISPUTED_NAME}`) });
    await checkbox.check();
    const item = agent.getByRole("listitem").filter({ has: checkbox });
    await item
      .getByLabel("申诉理由")
      .fill("会话中我全程使用礼貌用语，并主动说明了换新时效和后续联系方式，态度并不敷衍。");
    await item.getByLabel("建议评分").selectOption({ label: `${PROPOSED_VALUE} / 5` });
    await snapshot(agent, "qa-agent-dispute-form");
    await agent.getByRole("button", { name: "提交申诉" }).click();
    await agent.getByRole("status").getByText("申诉已提交").waitFor();
    await agent.getByText("待质检员处理").first().waitFor();
    await snapshot(agent, "qa-agent-dispute-open");
    await closePage(agent);
  });

  it("the inspector grants the dispute below the proposal: partly accepted", async () => {
    const inspector = await signIn("Q002", "/qa");
    await inspector.goto("/qa/disputes");
    const row = inspector.getByTestId("disputes").getByRole("row").filter({ hasText: reviewedConversation });
    await row.getByRole("link").first().click();
    await inspector.waitForURL(/\/qa\/disputes\/[^/]+$/);

    const item = inspector.getByTestId("decide-item").filter({ hasText: DISPUTED_NAME });
    await item.getByText(`当前 ${ORIGINAL_VALUE} / 5 · 建议 ${PROPOSED_VALUE} / 5`).waitFor();
    await item.getByRole("radio", { name: "采纳" }).check();
    await item.getByLabel("采纳后的评分").selectOption({ label: `${GRANTED_VALUE} / 5` });
    await inspector
      .getByLabel("处理说明")
      .fill("复核录音文本后，服务态度整体友好，酌情改为 4 分；主动关怀仍有提升空间。");
    await snapshot(inspector, "qa-dispute-decide");
    await inspector.getByRole("button", { name: "提交处理结果" }).click();
    await inspector
      .getByRole("status")
      .getByText(`处理结果已提交，当前质检得分 ${shown(FINAL_SCORE)}`)
      .waitFor();
    await inspector.getByText("部分采纳").first().waitFor();
    await expect(inspector.getByTestId("review-score").textContent()).resolves.toBe(shown(FINAL_SCORE));
    await snapshot(inspector, "qa-dispute-decided");
    await closePage(inspector);
  });

  it("the agent sees the higher score and the partly accepted dispute", async () => {
    const agent = await signIn("A2003", "/agent");
    await agent.goto("/agent/reviews");
    const row = agent.getByTestId("agent-reviews").getByRole("row").filter({ hasText: reviewedConversation });
    await row.getByText("部分采纳").waitFor();
    await row.getByRole("link", { name: reviewedConversation }).click();
    await agent.waitForURL(/\/agent\/reviews\/[^/]+$/);
    const score = Number(await agent.getByTestId("review-score").textContent());
    expect(score).toBe(FINAL_SCORE);
    expect(score).toBeGreaterThan(ORIGINAL_SCORE);
    await agent.getByText("部分采纳").first().waitFor();
    await agent.getByText(`质检得分 ${shown(ORIGINAL_SCORE)} → ${shown(FINAL_SCORE)}`).waitFor();
    await snapshot(agent, "qa-agent-dispute-result");
    await closePage(agent);
  });
});
