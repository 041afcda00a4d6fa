/**
 * The monthly 月度服务之星 through the UI: the manager (M001) opens the seeded open cycle (three months back),
 * computes it, starts the review, excludes a candidate with a reason, approves and publishes; a winner signs in and
 * finds themselves on 荣誉榜 with a certificate, then reads 我的排名 and its "why my rank" explanation.
 */
import type { Browser, Page } from "playwright-core";
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

async function step(page: Page, button: string, message: string) {
  await hydrated(page);
  await page.getByRole("button", { name: button, exact: true }).click();
  await flash(page, message).waitFor();
}

describe("awards journey", () => {
  let winnerName = "";
  let winnerId = "";

  it("the manager computes, reviews, excludes one candidate, approves and publishes", async () => {
    const manager = await signIn(browser, "M001", "/manager");
    manager.on("dialog", (dialog) => void dialog.accept());
    await visit(manager, "/awards/cycles?status=open");
    const row = manager.getByTestId("award-cycles").getByRole("row").filter({ hasText: "月度服务之星" }).first();
    await row.getByRole("link", { name: "月度服务之星" }).click();
    await manager.waitForURL(/\/awards\/cycles\/[^/?]+$/);
    await manager.getByText("待计算", { exact: true }).first().waitFor();

    await step(manager, "计算得分", "已提交计算");
    await expect
      .poll(
        async () => {
          await manager.reload();
          return manager.getByTestId("award-candidate").count();
        },
        { timeout: 60_000, interval: 1_500 },
      )
      .toBeGreaterThan(3);
    await snapshot(manager, "awards-cycle-computed");

    await step(manager, "开始审核", "已开始审核");
    const candidates = manager.getByTestId("award-candidate");
    const runnerUp = candidates.filter({ hasText: "#2" }).first();
    await runnerUp.locator("summary").click();
    await runnerUp.getByRole("button", { name: "排除" }).click();
    await runnerUp.getByRole("alert").filter({ hasText: "请填写理由" }).waitFor();
    await runnerUp.getByLabel("排除理由").fill("本月有一次经核实的客户投诉，暂缓评选");
    await runnerUp.getByRole("button", { name: "排除" }).click();
    await flash(manager, "已排除该候选人").waitFor();
    await manager.getByTestId("cycle-audit").getByText("本月有一次经核实的客户投诉，暂缓评选").waitFor();

    await step(manager, "批准", "已批准获奖名单");
    await step(manager, "发布", "已发布到荣誉榜");
    await manager.getByText("已发布", { exact: true }).first().waitFor();
    const winner = manager.getByTestId("award-candidate").filter({ hasText: "获奖" }).first();
    winnerName = (await winner.getByTestId("candidate-name").innerText()).trim();
    winnerId = (await winner.locator(".font-mono").first().innerText()).trim();
    expect(winnerId).toMatch(/^[A-Z]+\d+$/);
    await snapshot(manager, "awards-cycle-published");
    await closePage(manager);
  });

  it("a winner finds the honour roll, the certificate, their rank and why", async () => {
    const agent = await signIn(browser, winnerId, "/agent");
    await agent.getByRole("link", { name: "荣誉榜" }).click();
    await agent.waitForURL((url) => url.pathname === "/honours");
    await agent.getByRole("heading", { name: "荣誉榜", level: 1 }).waitFor();
    await agent.getByTestId("honour-winner-name").filter({ hasText: winnerName }).first().waitFor();
    await snapshot(agent, "awards-honours");

    const card = agent.getByTestId("honour-winner").filter({ hasText: winnerName }).first();
    await card.getByRole("link", { name: "查看证书" }).click();
    await agent.waitForURL(/\/honours\/certificates\//);
    await agent
      .getByTestId("certificate-serial")
      .filter({ hasText: /^AW-\d{4}-\d{6}$/ })
      .waitFor();
    await snapshot(agent, "awards-certificate");

    await agent.goto("/performance/rank");
    await agent.getByRole("heading", { name: "我的排名", level: 1 }).waitFor();
    await agent.getByTestId("my-rank").waitFor();
    await agent.getByRole("heading", { name: "为什么是这个排名" }).waitFor();
    await snapshot(agent, "awards-my-rank");
    await closePage(agent);
  });
});
