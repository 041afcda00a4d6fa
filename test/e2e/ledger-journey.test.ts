/**
 * The ledger through the UI: the lead of 售后服务组 (L201 刘志强) proposes a 绩效扣减 for 贺洁 (A2005); the manager
 * (M001 王建国) approves it; 贺洁 finds it on 我的奖惩 and appeals; the manager upholds the appeal in 奖惩申诉; 贺洁
 * sees the correction and a net of zero. The seeded open appeal of 夏丽娟 is on the manager's list too.
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

const REASON = "12 月 5 日会话中未按流程核实身份即承诺退款，已造成一笔误退。";

describe("ledger journey", () => {
  let entryPath = "";

  it("the lead proposes a deduction for a member of the team", async () => {
    const lead = await signIn(browser, "L201", "/lead");
    await lead.getByRole("link", { name: "奖惩台账" }).click();
    await lead.waitForURL((url) => url.pathname === "/ledger");
    await lead.getByRole("heading", { name: "奖惩台账", level: 1 }).waitFor();
    await snapshot(lead, "ledger-list-lead");
    await lead.getByRole("link", { name: "新增奖惩" }).click();
    await lead.waitForURL((url) => url.pathname === "/ledger/new");
    await hydrated(lead);
    await lead.getByLabel("查找人员").fill("A2005");
    await lead.getByRole("button", { name: "搜索" }).click();
    await lead.waitForURL(/q=A2005/);
    await hydrated(lead);
    await lead.getByLabel("人员", { exact: true }).selectOption({ label: "贺洁 · A2005 · 售后服务组" });
    await lead.getByLabel("类型").selectOption({ label: "绩效扣减" });
    await lead.getByLabel("金额（元）").fill("120");
    await lead.getByLabel("绩效分").fill("2");
    await lead.getByLabel("原因").fill(REASON);
    await lead.getByLabel("证据链接").fill("https://kf.youpin.example/tickets/AFT-20261205-0211");
    await snapshot(lead, "ledger-new");
    await lead.getByRole("button", { name: "提交审批" }).click();
    await lead.waitForURL(/\/ledger\/[^/]+$/);
    await flash(lead, "已为 贺洁 提交奖惩，等待审批").waitFor();
    await lead.getByText("待审批", { exact: true }).first().waitFor();
    entryPath = new URL(lead.url()).pathname;
    await closePage(lead);
  });

  it("the manager approves it", async () => {
    const manager = await signIn(browser, "M001", "/manager");
    await visit(manager, entryPath);
    await manager.getByTestId("ledger-reason").getByText(REASON).waitFor();
    await manager.getByRole("button", { name: "批准" }).click();
    await flash(manager, "已批准，当事人已收到通知").waitFor();
    await manager.getByText("已生效", { exact: true }).first().waitFor();
    await snapshot(manager, "ledger-entry-approved");
    await closePage(manager);
  });

  it("the agent finds it on 我的奖惩 and appeals", async () => {
    const agent = await signIn(browser, "A2005", "/agent");
    await agent.getByRole("link", { name: "我的奖惩" }).click();
    await agent.waitForURL((url) => url.pathname === "/performance/ledger");
    await agent.getByRole("link", { name: REASON }).waitFor();
    await snapshot(agent, "ledger-mine");
    await agent.getByRole("link", { name: REASON }).click();
    await agent.waitForURL(/\/performance\/ledger\/[^/]+$/);
    await hydrated(agent);
    await agent.getByLabel("申诉理由").fill("客户提供了订单号和绑定手机号，身份已核实，误退是系统重复提交造成的。");
    await agent.getByRole("button", { name: "提交申诉" }).click();
    await flash(agent, "申诉已提交").waitFor();
    await agent.getByText("你的申诉正在等待经理处理。").waitFor();
    await closePage(agent);
  });

  it("the manager upholds the appeal in full", async () => {
    const manager = await signIn(browser, "M001", "/manager");
    await manager.getByRole("link", { name: "奖惩申诉" }).click();
    await manager.waitForURL((url) => url.pathname === "/ledger/appeals");
    const rows = manager.getByTestId("ledger-appeal-row");
    await rows.filter({ hasText: "夏丽娟" }).waitFor();
    await snapshot(manager, "ledger-appeals");
    await rows.filter({ hasText: "贺洁" }).getByRole("link", { name: "贺洁" }).click();
    await manager.waitForURL(/\/ledger\/appeals\/[^/]+$/);
    await hydrated(manager);
    await expect(manager.getByLabel("撤销金额（元）").inputValue()).resolves.toBe("120");
    await manager.getByLabel("答复").fill("已调取系统日志，确认为重复提交导致误退，撤销扣减。");
    await snapshot(manager, "ledger-appeal-decide");
    await manager.getByRole("button", { name: "申诉成立" }).click();
    await flash(manager, "申诉成立，已新增更正条目").waitFor();
    await manager.getByText("申诉成立", { exact: true }).first().waitFor();
    await closePage(manager);
  });

  it("the agent sees the correction and a net of zero", async () => {
    const agent = await signIn(browser, "A2005", "/agent");
    await visit(agent, "/performance/ledger");
    await agent.getByRole("link", { name: REASON }).click();
    await agent.waitForURL(/\/performance\/ledger\/[^/]+$/);
    await agent.getByTestId("ledger-correction").waitFor();
    await expect(agent.getByTestId("ledger-net").innerText()).resolves.toMatch(/¥0\.00/);
    await snapshot(agent, "ledger-mine-corrected");
    await closePage(agent);
  });
});
