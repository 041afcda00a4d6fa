/**
 * Quality inspection for the roles the main journey does not play: a team lead (reports → reviews → coaching),
 * the QA lead (a released calibration session) and an inspector who works in English.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePage, launchBrowser, login, newPage, snapshot } from "./support/browser";

const OTHER_TEAMS = ["售前咨询组", "投诉处理组", "客户回访组"];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(externalId: string, home: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, externalId);
  await page.waitForURL((url) => url.pathname === home);
  return page;
}

describe("quality inspection by role", () => {
  it("a team lead reads their team's report, drills down to a review and starts coaching from it", async () => {
    const lead = await signIn("L201", "/lead");
    await lead.goto("/qa/reports");
    await lead.getByRole("heading", { name: "质检报表" }).waitFor();

    // Only 售后服务组 (AFT) is in scope: its row alone in the team table, its agents alone in the agent table.
    const teamRows = lead.getByTestId("report-teams").locator("tbody tr");
    await expect(teamRows.count()).resolves.toBe(1);
    await expect(teamRows.first().textContent()).resolves.toContain("售后服务组");
    const agentTable = lead.getByTestId("report-agents");
    const agentText = (await agentTable.locator("tbody").textContent()) ?? "";
    expect(agentText).toContain("售后服务组");
    for (const team of OTHER_TEAMS) expect(agentText).not.toContain(team);
    const agentIds = await agentTable.locator("tbody tr td:first-child span").allTextContents();
    expect(agentIds.length).toBeGreaterThan(0);
    for (const id of agentIds) expect(id).toMatch(/^A2\d{3}$/);
    const teamOptions = await lead.getByRole("combobox", { name: "团队" }).locator("option").allTextContents();
    for (const team of OTHER_TEAMS) expect(teamOptions).not.toContain(team);
    await snapshot(lead, "qa-lead-reports");

    // Every figure drills down to the reviews behind it: the first agent's name opens their reviews.
    const firstAgent = agentTable.locator("tbody tr").first().getByRole("link");
    const agentName = (await firstAgent.textContent())!.trim();
    await firstAgent.click();
    await lead.waitForURL((url) => url.pathname === "/qa/reviews" && url.searchParams.has("agent"));
    const reviewRows = lead.getByTestId("reviews").locator("tbody tr");
    await reviewRows.first().waitFor();
    const rowTexts = await reviewRows.allTextContents();
    for (const text of rowTexts) expect(text).toContain(agentName);
    await snapshot(lead, "qa-lead-reviews");

    const submitted = reviewRows.filter({ hasText: "已提交" }).first();
    const conversation = (await submitted.getByRole("link").textContent())!.trim();
    await submitted.getByRole("link").click();
    await lead.waitForURL(/\/qa\/reviews\/[^/?]+$/);
    const reviewId = new URL(lead.url()).pathname.split("/").pop()!;
    await lead.getByRole("heading", { name: `质检结果 · ${conversation}` }).waitFor();
    await lead.getByTestId("review-result").getByTestId("score").waitFor();
    // Read-only: nothing to score or submit.
    await expect(lead.getByRole("button", { name: /提交评分/ }).count()).resolves.toBe(0);
    await expect(lead.getByRole("radiogroup").count()).resolves.toBe(0);
    await snapshot(lead, "qa-lead-review-readonly");

    await lead.getByRole("link", { name: "发起辅导" }).click();
    await lead.waitForURL((url) => url.pathname === "/qa/coaching/new" && url.searchParams.get("review") === reviewId);
    await lead.getByText(new RegExp(`^来自质检：${agentName}（A2\\d{3}），会话 ${conversation}`)).waitFor();
    const title = `服务规范提升 ${Date.now()}`;
    await lead.getByLabel("任务标题").fill(title);
    const criteria = lead.getByRole("group", { name: "需改进的评分项" }).getByRole("checkbox");
    if (
      (await criteria.evaluateAll((boxes) => boxes.filter((box) => (box as HTMLInputElement).checked).length)) === 0
    ) {
      await criteria.first().check();
    }
    await lead
      .getByLabel("改进要点")
      .fill("开场先问候并复述客户诉求；需要查询时告知预计时间；结束前确认问题已解决再致谢道别。");
    await lead.getByLabel("学习资料名称").fill("《在线客服服务规范》");
    await lead.getByLabel("学习资料链接").fill("https://kb.example.com/articles/service-standard");
    await snapshot(lead, "qa-lead-coaching-new");
    await lead.getByRole("button", { name: "发起辅导" }).click();
    await lead.waitForURL(/\/qa\/coaching\/[^/]+$/);
    await lead.getByRole("status").getByText(`已发起辅导任务「${title}」`, { exact: false }).waitFor();
    await lead.getByRole("heading", { name: title }).waitFor();
    await lead.getByText(agentName).first().waitFor();
    await snapshot(lead, "qa-lead-coaching-created");
    await closePage(lead);
  });

  it("the QA lead opens the released calibration session and sees alpha and alignment", async () => {
    const qaLead = await signIn("Q001", "/qa");
    await qaLead.goto("/qa/calibration");
    await qaLead.getByRole("link", { name: "11月第3周 在线客服校准" }).click();
    await qaLead.waitForURL(/\/qa\/calibration\/[^/]+$/);
    const results = qaLead.getByTestId("calibration-results");
    await results.waitFor();
    await results.getByRole("heading", { name: "评分信度（Krippendorff α）" }).waitFor();
    const alphaLine = (await results.getByText("总分一致性（等距）：").textContent()) ?? "";
    expect(alphaLine).toMatch(/-?\d\.\d{3}/);
    await expect(results.getByTestId("criterion-alpha").locator("tbody tr").count()).resolves.toBeGreaterThan(0);

    await results.getByRole("heading", { name: "与标杆的一致度" }).waitFor();
    const alignment = results.getByTestId("inspector-alignment");
    const rows = alignment.locator("tbody tr");
    // Everyone but the benchmark (Q001 赵静怡) is compared with the benchmark.
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.filter({ hasText: "赵静怡" }).count()).resolves.toBe(0);
    for (const person of ["吴俊杰", "陈思彤"]) {
      await expect(rows.filter({ hasText: person }).textContent()).resolves.toMatch(/\d+(\.\d+)?%/);
    }
    await snapshot(qaLead, "qa-calibration-released");
    await closePage(qaLead);
  });

  it("an inspector who uses English sees the QA home, queue and workbench in English", async () => {
    const inspector = await signIn("Q003", "/qa");
    // The language comes from the user's setting (users.csv), not the browser's zh-CN.
    await inspector.waitForFunction(() => document.documentElement.lang === "en");
    await inspector.getByRole("heading", { name: "QA workspace" }).waitFor();
    await inspector.getByText("To review", { exact: true }).first().waitFor();
    await snapshot(inspector, "qa-home-en");

    await inspector.goto("/qa/queue");
    await inspector.getByRole("heading", { name: "My queue" }).waitFor();
    const row = inspector.getByTestId("queue").locator("tbody tr").first();
    const conversation = (await row.locator("td").first().locator("span").first().textContent())!.trim();
    await row.getByRole("link", { name: /^(Start review|Continue)$/ }).click();
    await inspector.waitForURL(/\/qa\/reviews\/[^/]+$/);
    await inspector.getByRole("heading", { name: `Review · ${conversation}` }).waitFor();
    await inspector.getByRole("button", { name: /^Submit review/ }).waitFor();
    await inspector.getByText(/^Current score \(\d+ of \d+ rated\)$/).waitFor();
    await inspector
      .getByText(/^Pass mark \d+$/)
      .first()
      .waitFor();
    await inspector.getByLabel("Overall comment").waitFor();
    const main = (await inspector.locator("main").textContent()) ?? "";
    for (const chinese of ["提交评分", "总体评语", "当前得分", "合格线"]) expect(main).not.toContain(chinese);
    expect(main).not.toMatch(/\b(qa-review|qa-import|common):[a-z]/);
    await snapshot(inspector, "qa-workbench-en");
    await closePage(inspector);
  });
});
