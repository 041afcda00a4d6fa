/**
 * The 360 review story end to end through the UI: an administrator sets up a small team (lead 黄文博 L401 and five
 * agents of 客户回访组), a manager creates a cycle for it and opens it, the lead chooses three peers for 江瑶,
 * 江瑶 rates herself, the three peers and the lead (her manager group) submit, the manager closes the cycle and
 * 江瑶 reads her report — the peer group shown with 3 responses and nobody's name — acknowledges and responds.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePage, launchBrowser, snapshot } from "./support/browser";
import { flash, signIn, visit } from "./support/training";

const RUN = Date.now();
const TEAM = `回访评估小组${String(RUN).slice(-5)}`;
const TEAM_CODE = `E2E-${String(RUN).slice(-6)}`;
const CYCLE = `小组360评估 ${RUN}`;
const LEAD = { externalId: "L401", name: "黄文博" };
const SUBJECT = { externalId: "A4003", name: "江瑶" };
const PEERS = [
  { externalId: "A4004", name: "史倩" },
  { externalId: "A4005", name: "陈可馨" },
  { externalId: "A4006", name: "袁诗涵" },
];
const OTHER = { externalId: "A4007", name: "任梦瑶" };
const COMPETENCIES = ["专业知识", "沟通能力", "团队协作", "服务态度", "学习能力"];

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

async function moveToTeam(admin: Page, externalId: string) {
  await visit(admin, `/admin/users?q=${externalId}`);
  await admin.getByRole("link", { name: "编辑" }).first().click();
  await admin.waitForURL(/\/admin\/users\/[^/]+$/);
  await admin.getByLabel("团队", { exact: true }).selectOption({ label: `${TEAM}（${TEAM_CODE}）` });
  await admin.getByRole("button", { name: "保存", exact: true }).click();
  await admin.getByRole("status").first().waitFor();
}

async function rateSubject(externalId: string, home: string, scores: number[], comment: string) {
  const page = await signIn(browser, externalId, home);
  await visit(page, "/performance/feedback");
  const row = page.getByRole("row").filter({ hasText: externalId === SUBJECT.externalId ? "自评" : SUBJECT.name });
  await row.getByRole("link", { name: /去填写|继续填写/ }).click();
  await page.waitForURL(/\/performance\/feedback\/requests\/[^/]+$/);
  for (const [index, name] of COMPETENCIES.entries()) {
    await page.getByRole("radio", { name: `${name} ${scores[index]}`, exact: true }).check();
  }
  await page.getByLabel("评语（选填）").fill(comment);
  if (externalId === SUBJECT.externalId) await snapshot(page, "feedback-rating-form");
  await page.getByRole("button", { name: "提交评估" }).click();
  await flash(page, "评估已提交，谢谢！").waitFor();
  await closePage(page);
}

describe("360 review journey", () => {
  let cycleUrl = "";

  it("an administrator sets up a small team with a lead and five agents", async () => {
    const admin = await signIn(browser, "SYS001", "/admin");
    await visit(admin, "/admin/teams");
    await admin.getByLabel("团队编码").fill(TEAM_CODE);
    await admin.getByLabel("团队名称").fill(TEAM);
    await admin.getByLabel("组长", { exact: true }).selectOption({ label: `${LEAD.name}（${LEAD.externalId}）` });
    await admin.getByRole("button", { name: "新建" }).click();
    await flash(admin, `已创建团队 ${TEAM}`).waitFor();
    for (const person of [SUBJECT, ...PEERS, OTHER]) await moveToTeam(admin, person.externalId);
    await closePage(admin);
  });

  it("a manager creates a cycle for the team and opens it", async () => {
    const manager = await signIn(browser, "M001", "/manager");
    acceptDialogs(manager);
    await visit(manager, "/feedback/templates");
    await manager.getByRole("link", { name: "客服综合能力评估" }).click();
    await manager.getByRole("heading", { name: "客服综合能力评估" }).waitFor();
    await manager.getByLabel("能力项名称").first().waitFor();
    await snapshot(manager, "feedback-template-edit");
    await visit(manager, "/feedback/cycles");
    await snapshot(manager, "feedback-cycles");
    await visit(manager, "/feedback/cycles/new");
    await manager.getByLabel("周期名称").fill(CYCLE);
    await manager.getByLabel("期间开始").fill("2026-10-01");
    await manager.getByLabel("期间结束").fill("2026-12-31");
    await manager.getByLabel("截止日期").fill("2027-01-15");
    await manager.getByRole("combobox", { name: "评估模板" }).selectOption({ label: "客服综合能力评估" });
    await manager.getByRole("checkbox", { name: new RegExp(TEAM) }).check();
    await manager.getByLabel("同事评估人下限").fill("3");
    await manager.getByLabel("同事评估人上限").fill("4");
    await snapshot(manager, "feedback-cycle-new");
    await manager.getByRole("button", { name: "创建评估周期" }).click();
    await manager.waitForURL(/\/feedback\/cycles\/[^/]+$/);
    await flash(manager, `评估周期「${CYCLE}」已创建`).waitFor();
    cycleUrl = new URL(manager.url()).pathname;
    await manager.getByRole("button", { name: "开始评估" }).click();
    await flash(manager, /^评估已开始/).waitFor();
    await manager.getByText("进行中", { exact: true }).first().waitFor();
    await closePage(manager);
  });

  it("the lead chooses three peers for 江瑶", async () => {
    const lead = await signIn(browser, LEAD.externalId, "/lead");
    await visit(lead, "/feedback/reports");
    await lead.getByRole("listitem").filter({ hasText: CYCLE }).getByRole("link", { name: "选择同事评估人" }).click();
    await lead.waitForURL(/\/peers/);
    const form = lead.getByRole("form", { name: new RegExp(`${SUBJECT.name}（${SUBJECT.externalId}）`) });
    for (const peer of PEERS) await form.getByRole("checkbox", { name: new RegExp(peer.name) }).check();
    await form.getByText("已选 3 人（要求 3–4 人）").waitFor();
    await snapshot(lead, "feedback-peers");
    await form.getByRole("button", { name: "保存评估人" }).click();
    await flash(lead, "评估人已保存（新增 3，移除 0）").waitFor();
    await closePage(lead);
  });

  it("江瑶, her three peers and her lead submit their ratings", async () => {
    await rateSubject(SUBJECT.externalId, "/agent", [5, 5, 4, 5, 4], "本季度回访及时，希望提升复杂投诉的处理能力。");
    await rateSubject(PEERS[0]!.externalId, "/agent", [4, 4, 5, 4, 4], "交接信息清楚，配合顺畅。");
    await rateSubject(PEERS[1]!.externalId, "/agent", [3, 4, 4, 4, 3], "沟通很有耐心，顾客满意度高。");
    await rateSubject(PEERS[2]!.externalId, "/agent", [4, 3, 4, 5, 4], "高峰期主动帮忙，团队意识强。");
    await rateSubject(LEAD.externalId, "/lead", [4, 4, 4, 4, 4], "整体表现稳定，继续保持。");
  });

  it("the manager sees counts only and closes the cycle", async () => {
    const manager = await signIn(browser, "M001", "/manager");
    acceptDialogs(manager);
    await visit(manager, cycleUrl);
    const row = manager.getByRole("row").filter({ hasText: SUBJECT.externalId });
    await row.getByText("3/3").waitFor();
    await snapshot(manager, "feedback-cycle-progress");
    await manager.getByRole("button", { name: "结束评估" }).click();
    await flash(manager, "评估已结束，已为 5 位被评估人生成报告").waitFor();
    await closePage(manager);
  });

  it("江瑶 reads her report (peers shown with 3 responses, no names), acknowledges and responds", async () => {
    const agent = await signIn(browser, SUBJECT.externalId, "/agent");
    await visit(agent, "/performance/feedback");
    await snapshot(agent, "feedback-mine");
    await agent.getByRole("listitem").filter({ hasText: CYCLE }).getByRole("link", { name: "查看报告" }).click();
    await agent.waitForURL(/\/performance\/feedback\/reports\/[^/]+$/);
    const table = agent.getByRole("region", { name: "各能力项得分（按评估组）" });
    await table.getByRole("columnheader", { name: /同事\s*3 人回应/ }).waitFor();
    // Peers (4, 3, 4) on 专业知识: mean 3.67.
    await table.getByRole("row").filter({ hasText: "专业知识" }).getByText("3.67").waitFor();
    await agent.getByText("沟通很有耐心，顾客满意度高。").waitFor();
    const text = (await agent.locator("main").textContent()) ?? "";
    for (const person of [LEAD, ...PEERS]) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.externalId);
    }
    await snapshot(agent, "feedback-report");
    await agent.getByLabel("我的回应（选填）").fill("谢谢大家的反馈，下季度重点学习复杂投诉处理。");
    await agent.getByRole("button", { name: "确认已阅读" }).click();
    await flash(agent, "已确认评估报告").waitFor();
    await agent.getByText(/已于 .+ 确认。/).waitFor();
    await expect(agent.getByLabel("我的回应（选填）").inputValue()).resolves.toBe(
      "谢谢大家的反馈，下季度重点学习复杂投诉处理。",
    );
    await closePage(agent);
  });
});
