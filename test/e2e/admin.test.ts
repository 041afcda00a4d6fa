import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePage, launchBrowser, login, newPage, snapshot } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("administration", () => {
  it("an admin creates an agent who can then sign in, and the creation is in the audit log", async () => {
    const admin = await newPage(browser);
    await login(admin, "SYS001");
    await admin.waitForURL((url) => url.pathname === "/admin");
    await snapshot(admin, "admin-home");

    await admin.goto("/admin/users/new");
    await admin.getByLabel("工号").fill("A2999");
    await admin.getByLabel("姓名").fill("测试新人");
    await admin.getByLabel("团队").selectOption({ label: "售后服务组（AFT）" });
    await admin.getByTestId("role-agent").check();
    await admin.getByLabel("初始密码").fill("Welcome2026");
    await admin.getByRole("button", { name: "创建用户" }).click();
    await admin.getByText("已创建用户 测试新人").waitFor();
    await snapshot(admin, "admin-user-created");

    const agent = await newPage(browser);
    await login(agent, "A2999", "Welcome2026");
    await agent.waitForURL((url) => url.pathname === "/agent");
    await agent.getByText("售后服务组").first().waitFor();
    await closePage(agent);

    await admin.goto("/admin/audit");
    await expect(admin.locator("main").textContent()).resolves.toContain("测试新人");
    await snapshot(admin, "admin-audit");

    await admin.goto("/admin/users?q=A2999");
    await expect(admin.locator("main table").textContent()).resolves.toContain("测试新人");
    await snapshot(admin, "admin-users-search");
    await closePage(admin);
  });

  it("shows field errors for a duplicate 工号 without losing the other input", async () => {
    const admin = await newPage(browser);
    await login(admin, "SYS001");
    await admin.waitForURL((url) => url.pathname === "/admin");
    await admin.goto("/admin/users/new");
    await admin.getByLabel("工号").fill("A2003");
    await admin.getByLabel("姓名").fill("重复工号");
    await admin.getByTestId("role-agent").check();
    await admin.getByRole("button", { name: "创建用户" }).click();
    await admin.getByRole("alert").first().waitFor();
    await expect(admin.getByLabel("姓名").inputValue()).resolves.toBe("重复工号");
    await snapshot(admin, "admin-user-duplicate");
    await closePage(admin);
  });

  it("opens every administration page in both languages without a script error", async () => {
    const admin = await newPage(browser);
    await login(admin, "SYS001");
    await admin.waitForURL((url) => url.pathname === "/admin");
    const pages = [
      "/admin",
      "/admin/users",
      "/admin/users/import",
      "/admin/teams",
      "/admin/audit",
      "/admin/jobs",
      "/notifications",
      "/account",
    ];
    for (const path of pages) {
      const response = await admin.goto(path);
      expect(response?.status()).toBe(200);
      await admin.waitForLoadState("networkidle");
      await snapshot(admin, `page${path.replaceAll("/", "-")}`);
    }
    await admin.getByTestId("language-switch").click();
    await admin.waitForFunction(() => document.documentElement.lang === "en");
    for (const path of pages) {
      await admin.goto(path);
      await admin.waitForLoadState("networkidle");
      await expect(admin.locator("main").textContent()).resolves.not.toMatch(
        /\b(admin|common|jobs|home|auth|notifications|validation):[a-z]/,
      );
    }
    await closePage(admin);
  });
});
