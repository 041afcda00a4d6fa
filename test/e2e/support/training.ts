import type { Browser, Locator, Page } from "playwright-core";
import { login, newPage } from "./browser";

/** Signs in as a demo user in a fresh context and waits for the role's home page. */
export async function signIn(browser: Browser, externalId: string, home: string) {
  const page = await newPage(browser);
  await login(page, externalId);
  await page.waitForURL((url) => url.pathname === home);
  return page;
}

/**
 * Waits until React has hydrated the document, so controlled inputs (question editor, exam paper) keep what is typed.
 * Hydration renders and commits in one task, so props on <body> mean the page is live.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith("__reactProps")));
}

/** A full page load, then hydration. */
export async function visit(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
}

/** The flash message shown after a redirect. */
export function flash(page: Page, text: string | RegExp) {
  return page.getByRole("status").filter({ hasText: text });
}

/** The figure of a StatCard: the paragraph right after its label. */
export function statValue(page: Page, label: string): Locator {
  return page.getByText(label, { exact: true }).locator("xpath=following-sibling::p[1]");
}

/** The id in a URL path after the given segment, e.g. idAfter("/training/courses/abc/edit", "courses") = "abc". */
export function idAfter(url: string, segment: string) {
  const parts = new URL(url).pathname.split("/");
  const id = parts[parts.indexOf(segment) + 1];
  if (!id) throw new Error(`no id after /${segment}/ in ${url}`);
  return id;
}

/** A calendar day `days` from today as YYYY-MM-DD (far enough out that the server's time zone does not matter). */
export function dayFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export type ObjectiveQuestion =
  | { key: string; type: "single_choice"; stem: string; options: string[]; correct: string; wrong: string }
  | { key: string; type: "true_false"; stem: string; correct: boolean }
  | { key: string; type: "fill_blank"; stem: string; accepted: string; correct: string; wrong: string };

/** Fills the question editor of /training/banks/:id/questions/new and creates the question. */
export async function createQuestion(page: Page, question: ObjectiveQuestion, category: string) {
  await page.getByLabel("题目编号").fill(question.key);
  await page.getByRole("combobox", { name: "题型" }).selectOption(question.type);
  await page.getByLabel("分类", { exact: true }).fill(category);
  await page.getByLabel("题干").fill(question.stem);
  if (question.type === "single_choice") {
    for (const [index, text] of question.options.entries()) {
      const input = page.getByLabel(`选项 ${String.fromCharCode(65 + index)} 内容`);
      await input.fill(text);
      if (text === question.correct) {
        await input.locator("xpath=..").getByRole("radio", { name: "正确答案" }).check();
      }
    }
  } else if (question.type === "true_false") {
    await page.getByRole("combobox", { name: "答案", exact: true }).selectOption(String(question.correct));
  } else {
    await page.getByText("已识别 1 个空").waitFor();
    await page.getByLabel("第 1 空可接受的答案").fill(question.accepted);
  }
  await page.getByRole("button", { name: "创建题目" }).click();
  await flash(page, `已创建题目 ${question.key}`).waitFor();
}

/** Answers one question of the exam paper, found by its stem (questions and options are shuffled per attempt). */
export async function answer(page: Page, question: ObjectiveQuestion, correctly: boolean) {
  // The stem up to its first blank: what the rendered paper shows verbatim.
  const card = page.getByRole("article").filter({ hasText: question.stem.split("____")[0]!.trim() });
  if (question.type === "single_choice") {
    const text = correctly ? question.correct : question.wrong;
    await card.getByRole("radio", { name: new RegExp(`^[A-H]\\.\\s*${escapeRegExp(text)}$`) }).check();
  } else if (question.type === "true_false") {
    const choice = correctly === question.correct;
    await card.getByRole("radio", { name: choice ? "正确" : "错误", exact: true }).check();
  } else {
    await card.getByRole("textbox", { name: "第 1 空" }).fill(correctly ? question.correct : question.wrong);
  }
}
