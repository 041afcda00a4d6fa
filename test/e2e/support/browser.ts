import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEMO_PASSWORD = "Demo@2026";

export function baseUrl() {
  return inject("e2eBaseUrl");
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (bash .ci/run does)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
}

const pageErrors = new WeakMap<Page, string[]>();

/** A page in a fresh context (no cookies) that records uncaught errors, hydration mismatches included. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: "zh-CN",
    viewport: { width: 1366, height: 860 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** Closes the page's context after checking that no script error happened on any page it visited. */
export async function closePage(page: Page) {
  const errors = pageErrors.get(page) ?? [];
  await page.context().close();
  expect(errors).toEqual([]);
}

export async function login(page: Page, externalId: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/工号或邮箱|Employee ID or e-mail/).fill(externalId);
  await page.getByLabel(/^密码$|^Password$/).fill(password);
  await page.getByRole("button", { name: /^登录$|^Sign in$/ }).click();
}

/** Saves a screenshot under test-results/ when SCREENSHOTS=1, so the pages can be looked at. */
export async function snapshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS === "1") await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}
