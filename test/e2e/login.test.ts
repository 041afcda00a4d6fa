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

const ROLE_HOMES = [
  { role: "agent", externalId: "A2003", home: "/agent", heading: /你好，欢迎回来/ },
  { role: "trainer", externalId: "T001", home: "/trainer", heading: /培训工作台/ },
  { role: "qa_inspector", externalId: "Q001", home: "/qa", heading: /质检工作台/ },
  { role: "team_lead", externalId: "L201", home: "/lead", heading: /我的团队/ },
  { role: "manager", externalId: "M001", home: "/manager", heading: /部门概览/ },
  { role: "admin", externalId: "SYS001", home: "/admin", heading: /管理后台/ },
];

describe("signing in", () => {
  for (const entry of ROLE_HOMES) {
    it(`lands a ${entry.role} on their home`, async () => {
      const page = await newPage(browser);
      await login(page, entry.externalId);
      await page.waitForURL((url) => url.pathname === entry.home);
      await page.getByText(entry.heading).first().waitFor();
      await expect(page.getByTestId("viewer-name").textContent()).resolves.toBeTruthy();
      await snapshot(page, `home-${entry.role}`);
      await closePage(page);
    });
  }

  it("shows an error for a wrong password and stays on the login page", async () => {
    const page = await newPage(browser);
    await login(page, "A2003", "wrong-password-1");
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("工号/邮箱或密码不正确");
    expect(new URL(page.url()).pathname).toBe("/login");
    await snapshot(page, "login-error");
    await closePage(page);
  });

  it("refuses an agent who opens an admin page with 403", async () => {
    const page = await newPage(browser);
    await login(page, "A2004");
    await page.waitForURL((url) => url.pathname === "/agent");
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("error-page").textContent()).resolves.toContain("没有权限");
    await snapshot(page, "agent-403");
    await closePage(page);
  });

  it("remembers the chosen language for the user across sessions", async () => {
    const page = await newPage(browser);
    await login(page, "A2005");
    await page.waitForURL((url) => url.pathname === "/agent");
    await page.getByTestId("language-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.getByText("Welcome back").waitFor();
    await page.reload();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");

    // A new browser (no language cookie) signing in as the same user gets English from the user's setting.
    const fresh = await newPage(browser);
    await login(fresh, "A2005");
    await fresh.waitForURL((url) => url.pathname === "/agent");
    await fresh.getByText("Welcome back").waitFor();
    await expect(fresh.locator("html").getAttribute("lang")).resolves.toBe("en");
    await snapshot(fresh, "agent-home-en");
    await closePage(fresh);
    await closePage(page);
  });

  it("signs out and protects pages again", async () => {
    const page = await newPage(browser);
    await login(page, "Q002");
    await page.waitForURL((url) => url.pathname === "/qa");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.goto("/qa");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/qa");
    await closePage(page);
  });
});
