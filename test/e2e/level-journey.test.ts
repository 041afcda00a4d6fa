/**
 * The promotion story through the UI: the administrator runs the monthly level evaluation (levels.evaluate) with
 * "run now"; the evaluation of the seeded month has proposed promotions with evidence (P1 agents three months in with the
 * 上岗证 become P2, so 售后服务组 always has some, whatever QA reviews the seed happened to sample); the lead of 售后服务组
 * (L201 刘志强) opens 晋升审批, reads the evidence and approves one; the promoted agent signs in and finds the new
 * level on 我的等级 and the notification.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePage, launchBrowser, snapshot } from "./support/browser";
import { flash, hydrated, signIn, visit } from "./support/training";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("level journey", () => {
  let agentId = "";
  let agentName = "";

  it("the administrator runs the level evaluation now; the run succeeds", async () => {
    const admin = await signIn(browser, "SYS001", "/admin");
    await visit(admin, "/admin/jobs");
    const row = admin.getByRole("row").filter({ hasText: "levels.evaluate" });
    await row.getByRole("button", { name: "立即执行" }).click();
    await admin.waitForURL(/\/admin\/jobs\/[^/]+$/);
    await expect
      .poll(
        async () => {
          await admin.reload();
          return admin.getByText("成功", { exact: true }).count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    await admin.getByText(/"month": "\d{4}-\d{2}-01"/).waitFor();
    await closePage(admin);
  });

  it("the lead reads the evidence in 晋升审批 and approves a promotion", async () => {
    const lead = await signIn(browser, "L201", "/lead");
    await lead.getByRole("link", { name: "晋升审批" }).click();
    await lead.waitForURL((url) => url.pathname === "/levels/proposals");
    await lead.getByRole("heading", { name: "晋升审批", level: 1 }).waitFor();
    const card = lead.getByTestId("level-proposals").locator("li").filter({ hasText: "晋升" }).first();
    await card.waitFor();
    agentName = (await card.getByTestId("proposal-person").innerText()).trim();
    agentId = (await card.getByTestId("proposal-person-id").innerText()).trim();
    expect(agentId).toMatch(/^A\d+$/);
    // The evidence: each criterion with the actual value and ✓/✗.
    const evidence = card.getByTestId("level-evidence");
    await evidence.getByRole("columnheader", { name: "实际" }).waitFor();
    await expect(evidence.getByText("✓").count()).resolves.toBeGreaterThan(0);
    await snapshot(lead, "level-proposals");

    await card.getByRole("link", { name: "审批" }).click();
    await lead.waitForURL(/\/levels\/proposals\/[^/]+$/);
    await hydrated(lead);
    await lead.getByRole("heading", { name: `${agentName} 的等级建议` }).waitFor();
    await lead
      .getByText(/司龄 ≥ \d+ 个月/)
      .first()
      .waitFor();
    await lead.getByLabel("原因").fill("试用期满三个月，持有上岗证，无红线，同意转正。");
    await lead.getByRole("button", { name: "批准" }).click();
    await flash(lead, "已批准，员工等级已更新。").waitFor();
    await lead.getByText("已批准", { exact: true }).first().waitFor();
    await expect(lead.getByRole("button", { name: "批准" }).count()).resolves.toBe(0);
    await snapshot(lead, "level-proposal-approved");
    await closePage(lead);
  });

  it("the agent sees the new level on 我的等级 and the notification", async () => {
    const agent = await signIn(browser, agentId, "/agent");
    await agent.getByRole("link", { name: "我的等级" }).click();
    await agent.waitForURL((url) => url.pathname === "/performance/level");
    await expect.poll(() => agent.getByTestId("my-level-name").innerText()).toMatch(/P2\s*初级客服/);
    await agent.getByText("晋升到 P3 中级客服 还需要").waitFor();
    await agent.getByTestId("level-history").getByText("审批通过").waitFor();
    await snapshot(agent, "my-level");
    await visit(agent, "/notifications");
    await agent.getByText("恭喜！您已晋升为 P2 初级客服").first().waitFor();
    await closePage(agent);
  });
});
