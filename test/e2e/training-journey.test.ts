/**
 * The training story end to end through the UI, one role per browser context: a trainer writes and publishes a
 * course, builds a certification exam with remediation from a new question bank, and assigns both to 售后服务组;
 * the agent A2003 夏丽娟 completes the course, fails the exam, is sent back to the course (a new round), retakes,
 * passes and prints the certificate. The steps share state and run in order; everything is created fresh, so the
 * story does not depend on the seeded training data.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePage, launchBrowser, snapshot } from "./support/browser";
import {
  answer,
  createQuestion,
  dayFromNow,
  flash,
  hydrated,
  idAfter,
  signIn,
  statValue,
  visit,
  type ObjectiveQuestion,
} from "./support/training";

const RUN = Date.now();
const MARK = `E2E-${RUN}`;
const COURSE_TITLE = `售后退换货实务 ${MARK}`;
const MODULE_TITLE = "第一章 退换货规则";
const LESSONS = [
  {
    title: "七天无理由退货",
    minutes: 6,
    body: "## 七天无理由退货\n\n自**签收次日**起 7 天内，商品完好即可申请退货。\n\n> 亲，您的商品支持七天无理由退货哦～",
    shown: "亲，您的商品支持七天无理由退货哦～",
  },
  {
    title: "不适用无理由退货的商品",
    minutes: 4,
    body: "## 例外商品\n\n- 定制商品\n- 已拆封的个人护理用品\n\n这类商品需按质量问题流程处理。",
    shown: "已拆封的个人护理用品",
  },
];
const BANK_TITLE = `退换货政策题库 ${MARK}`;
const CATEGORY = "退换货政策";
const QUESTIONS: ObjectiveQuestion[] = [
  {
    key: "RET-1",
    type: "single_choice",
    stem: `${MARK} 七天无理由退货的期限从哪一天开始计算？`,
    options: ["签收次日", "下单当天", "付款当天", "发货当天"],
    correct: "签收次日",
    wrong: "下单当天",
  },
  {
    key: "RET-2",
    type: "single_choice",
    stem: `${MARK} 顾客想退已拆封的定制商品，客服应首先怎么做？`,
    options: ["说明不适用无理由退货并确认是否有质量问题", "直接同意退货", "让顾客给差评后再处理", "不予回复"],
    correct: "说明不适用无理由退货并确认是否有质量问题",
    wrong: "直接同意退货",
  },
  {
    key: "RET-3",
    type: "true_false",
    stem: `${MARK} 已拆封的定制商品同样支持七天无理由退货。`,
    correct: false,
  },
  {
    key: "RET-4",
    type: "fill_blank",
    stem: `${MARK} 商品完好时，顾客可在签收后 ____ 天内申请无理由退货。`,
    accepted: "7|七",
    correct: "7",
    wrong: "15",
  },
];
const EXAM_TITLE = `退换货政策认证 ${MARK}`;
const CERTIFICATE_TITLE = `退换货服务合格证 ${MARK}`;
const PASS_PERCENT = 75;
const TEAM = "售后服务组";
const AGENT = { externalId: "A2003", name: "夏丽娟" };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("training journey", () => {
  let courseId = "";
  let examId = "";

  it("a trainer writes a course with a module and two lessons and publishes it", async () => {
    const trainer = await signIn(browser, "T001", "/trainer");
    await visit(trainer, "/training/courses/new");
    await trainer.getByLabel("课程名称").fill(COURSE_TITLE);
    await trainer.getByLabel("标识（slug）").fill(`e2e-returns-${RUN}`);
    await trainer.getByRole("combobox", { name: "课程类型" }).selectOption({ label: "技能提升" });
    await trainer.getByLabel("课程简介").fill("七天无理由退货的规则与例外，附标准话术。");
    await trainer.getByRole("button", { name: "创建并编辑" }).click();
    await trainer.waitForURL(/\/training\/courses\/[^/]+\/edit$/);
    courseId = idAfter(trainer.url(), "courses");
    await flash(trainer, `已创建课程“${COURSE_TITLE}”`).waitFor();
    await trainer.getByRole("heading", { name: `编辑《${COURSE_TITLE}》草稿 v1` }).waitFor();

    await trainer.getByLabel("新章节标题").fill(MODULE_TITLE);
    await trainer.getByRole("button", { name: "添加章节" }).click();
    const module = trainer.getByTestId("draft-module");
    await expect.poll(() => module.getByLabel("章节标题", { exact: true }).inputValue()).toBe(MODULE_TITLE);
    for (const [index, lesson] of LESSONS.entries()) {
      await module.getByLabel("新课时标题").fill(lesson.title);
      await module.getByLabel("预计时长（分钟）").fill("1");
      await module.getByRole("button", { name: "添加课时" }).click();
      await trainer.getByText(`1 个章节，${index + 1} 个课时`).waitFor();
    }
    // New lessons are empty until written.
    await expect(module.getByText("未填写内容").count()).resolves.toBe(LESSONS.length);

    for (const lesson of LESSONS) {
      await module.getByRole("link", { name: lesson.title, exact: true }).click();
      await trainer.waitForURL(/\/lessons\/[^/]+$/);
      await trainer.getByRole("heading", { name: lesson.title, exact: true, level: 1 }).waitFor();
      await trainer.getByLabel("预计时长（分钟）").fill(String(lesson.minutes));
      await trainer.getByLabel("课时内容（Markdown）").fill(lesson.body);
      await trainer.getByRole("button", { name: "刷新预览" }).click();
      await trainer.getByRole("region", { name: "预览" }).getByText(lesson.shown).waitFor();
      await trainer.getByRole("button", { name: "保存", exact: true }).click();
      await flash(trainer, `已保存课时“${lesson.title}”`).waitFor();
      await trainer.getByRole("link", { name: "返回课程编辑" }).click();
      await trainer.waitForURL(/\/edit$/);
    }
    await expect(module.getByText("未填写内容").count()).resolves.toBe(0);
    const total = LESSONS.reduce((sum, lesson) => sum + lesson.minutes, 0);
    await trainer.getByText(`${total} 分钟`).first().waitFor();
    await snapshot(trainer, "training-course-editor");

    await trainer.getByRole("link", { name: "完成编辑，去发布" }).click();
    await trainer.waitForURL((url) => url.pathname === `/training/courses/${courseId}`);
    await trainer.getByText("草稿 v1 尚未发布，学员看不到其中的修改。").waitFor();
    await trainer.getByRole("button", { name: "发布 v1" }).click();
    await flash(trainer, /^已发布 v1/).waitFor();
    await expect(statValue(trainer, "当前版本").textContent()).resolves.toBe("v1");
    await expect(statValue(trainer, "课程类型").textContent()).resolves.toBe("技能提升");
    await trainer.getByTestId("course-versions").getByText("1 章 / 2 课时").waitFor();
    await expect(trainer.getByRole("button", { name: "发布 v1" }).count()).resolves.toBe(0);
    await snapshot(trainer, "training-course-published");
    await closePage(trainer);
  });

  it("the trainer writes four objective questions in a new bank", async () => {
    const trainer = await signIn(browser, "T001", "/trainer");
    await visit(trainer, "/training/banks/new");
    await trainer.getByLabel("名称").fill(BANK_TITLE);
    await trainer.getByLabel("标识", { exact: true }).fill(`e2e-returns-${RUN}`);
    await trainer.getByLabel("说明").fill("浏览器旅程测试创建的题库。");
    await trainer.getByRole("button", { name: "创建题库" }).click();
    await trainer.waitForURL(/\/training\/banks\/[^/]+$/);
    await flash(trainer, `已创建题库“${BANK_TITLE}”`).waitFor();
    const bankId = idAfter(trainer.url(), "banks");

    for (const question of QUESTIONS) {
      await visit(trainer, `/training/banks/${bankId}/questions/new`);
      await createQuestion(trainer, question, CATEGORY);
      await trainer.waitForURL((url) => url.pathname === `/training/banks/${bankId}`);
    }
    for (const question of QUESTIONS) await trainer.getByText(question.key, { exact: true }).waitFor();
    await snapshot(trainer, "training-bank");
    await closePage(trainer);
  });

  it("the trainer builds a certification exam with remediation from those questions and publishes it", async () => {
    const trainer = await signIn(browser, "T001", "/trainer");
    await visit(trainer, "/training/exams/new");
    await trainer.getByLabel("考试名称").fill(EXAM_TITLE);
    await trainer.getByLabel("标识", { exact: true }).fill(`e2e-returns-${RUN}`);
    await trainer.getByLabel("考试说明").fill("四道客观题，75% 及格；未通过需重学课程后再考。");
    await trainer.getByLabel("及格线（%）").fill(String(PASS_PERCENT));
    await trainer.getByRole("checkbox", { name: "认证考试（通过后颁发证书）" }).check();
    await trainer.getByLabel("证书名称").fill(CERTIFICATE_TITLE);
    await trainer.getByLabel("证书有效期（月）").fill("12");
    await trainer.getByRole("combobox", { name: "补训课程" }).selectOption({ label: COURSE_TITLE });
    await trainer.getByRole("checkbox", { name: "未通过时重新指派补训课程，学完后才能重考" }).check();
    await trainer.getByRole("button", { name: "创建并组卷" }).click();
    await trainer.waitForURL(/\/training\/exams\/[^/]+\/edit$/);
    await flash(trainer, `已创建考试“${EXAM_TITLE}”，请继续组卷`).waitFor();
    examId = idAfter(trainer.url(), "exams");

    // Fixed items: search the new bank's questions by the run's marker and add each.
    const fixed = trainer.locator(".card").filter({ has: trainer.getByRole("heading", { name: "添加固定题目" }) });
    await fixed.getByRole("combobox", { name: "题库" }).selectOption({ label: BANK_TITLE });
    await fixed.getByLabel("题干或编号").fill(MARK);
    await fixed.getByRole("button", { name: "搜索" }).click();
    const results = fixed.getByRole("listitem");
    await expect.poll(() => results.count()).toBe(QUESTIONS.length);
    for (const question of QUESTIONS) {
      await results.filter({ hasText: question.key }).getByRole("button", { name: "添加" }).click();
    }
    await expect(fixed.getByRole("button", { name: "已添加" }).count()).resolves.toBe(QUESTIONS.length);
    await trainer.getByRole("button", { name: "保存组卷" }).click();
    await flash(trainer, "已保存组卷").waitFor();
    const builder = trainer.getByTestId("exam-builder");
    await expect(builder.getByText("固定", { exact: true }).count()).resolves.toBe(QUESTIONS.length);
    await snapshot(trainer, "training-exam-builder");

    await trainer.getByRole("link", { name: "返回" }).click();
    await trainer.waitForURL((url) => url.pathname === `/training/exams/${examId}`);
    await trainer.getByRole("button", { name: "发布" }).click();
    await flash(trainer, "考试已发布").waitFor();
    await trainer.getByRole("button", { name: "归档" }).waitFor();
    await trainer.getByText(`${CERTIFICATE_TITLE} · 有效期 12 个月`).waitFor();
    await trainer.getByText(`${COURSE_TITLE} · 未通过需补训`).waitFor();
    await snapshot(trainer, "training-exam-published");
    await closePage(trainer);
  });

  it("the trainer assigns the course and the exam to 售后服务组 with a due date", async () => {
    const trainer = await signIn(browser, "T001", "/trainer");
    const due = dayFromNow(14);
    for (const { kind, title } of [
      { kind: "课程", title: COURSE_TITLE },
      { kind: "考试", title: EXAM_TITLE },
    ]) {
      await visit(trainer, "/training/assignments/new");
      await trainer.getByRole("radio", { name: kind, exact: true }).check();
      await trainer.getByRole("combobox", { name: "学习内容" }).selectOption({ label: title });
      await trainer.getByRole("radio", { name: "团队", exact: true }).check();
      await trainer.getByRole("combobox", { name: "团队", exact: true }).selectOption({ label: TEAM });
      await trainer.getByLabel("截止日期").fill(due);
      const preview = trainer.getByTestId("assignment-preview");
      await preview.getByText(/覆盖 \d+ 人：新增 \d+ 人/).waitFor();
      const added = Number(/新增 (\d+) 人/.exec((await preview.textContent()) ?? "")?.[1]);
      expect(added).toBeGreaterThan(0);
      await trainer.getByRole("button", { name: "确认指派" }).click();
      await trainer.waitForURL(/\/training\/assignments\/[^/]+$/);
      await flash(trainer, `已指派「${title}」：新增 ${added} 人`).waitFor();
      await trainer.getByText(`团队：${TEAM}`).first().waitFor();
      await trainer.getByText(AGENT.name).first().waitFor();
    }
    await snapshot(trainer, "training-assignment");
    await closePage(trainer);
  });

  it("the agent sees both assignments, completes the course and fails the exam", async () => {
    const agent = await signIn(browser, AGENT.externalId, "/agent");
    await visit(agent, "/learn");
    const due = agent.getByRole("region", { name: /待完成任务/ });
    const courseRow = due.getByRole("listitem").filter({ hasText: COURSE_TITLE });
    await courseRow.getByText("已学 0/2 课时").waitFor();
    await due.getByRole("listitem").filter({ hasText: EXAM_TITLE }).getByRole("link", { name: "去考试" }).waitFor();
    await snapshot(agent, "training-learn-assigned");

    await courseRow.getByRole("link", { name: "去学习" }).click();
    await completeCourse(agent, 1);

    await visit(agent, "/learn/exams");
    await agent.getByRole("link", { name: EXAM_TITLE }).click();
    await agent.waitForURL((url) => url.pathname === `/learn/exams/${examId}`);
    await agent.getByText(`${QUESTIONS.length} 道题`).waitFor();
    await agent.getByText(`${PASS_PERCENT}%`, { exact: true }).waitFor();
    await agent.getByText(`通过本考试可获得「${CERTIFICATE_TITLE}」证书。`).waitFor();

    // One right answer of four: 25 %, under the pass mark.
    await sitExam(agent, 1, (question) => question === QUESTIONS[0]);
    await expect(statValue(agent, "得分").textContent()).resolves.toBe(`1 / ${QUESTIONS.length}`);
    await expect(statValue(agent, "得分率").textContent()).resolves.toBe("25%");
    await expect(statValue(agent, "结果").textContent()).resolves.toBe("未通过");
    await agent.getByText(`及格线 ${PASS_PERCENT}%`).waitFor();
    await snapshot(agent, "training-exam-failed");

    // The retake is held back until the course has been done again.
    await agent.getByRole("link", { name: "返回考试" }).click();
    await agent.waitForURL((url) => url.pathname === `/learn/exams/${examId}`);
    const refusal = agent.getByRole("alert").filter({ hasText: "上次考试未通过" });
    await refusal.getByText(`需先完成补训课程「${COURSE_TITLE}」才能重考`).waitFor();
    await agent.getByText("当前成绩：25%（第 1 次作答）").waitFor();
    await agent.getByText("已考 1 次，共 3 次，剩余 2 次").waitFor();
    await expect(agent.getByRole("button", { name: "开始考试" }).count()).resolves.toBe(0);
    await refusal.getByRole("link", { name: "去学习" }).waitFor();
    await snapshot(agent, "training-exam-remediation");
    await closePage(agent);
  });

  it("the agent gets the course again, completes the new round, retakes, passes and sees the certificate", async () => {
    const agent = await signIn(browser, AGENT.externalId, "/agent");
    await visit(agent, "/learn");
    const due = agent.getByRole("region", { name: /待完成任务/ });
    const courseRow = due.getByRole("listitem").filter({ hasText: COURSE_TITLE });
    await courseRow.getByText("补训").waitFor();
    await courseRow.getByText("已学 0/2 课时").waitFor();
    await snapshot(agent, "training-learn-remediation");

    await courseRow.getByRole("link", { name: "去学习" }).click();
    await completeCourse(agent, 2);

    await visit(agent, `/learn/exams/${examId}`);
    await expect(agent.getByRole("alert").filter({ hasText: "上次考试未通过" }).count()).resolves.toBe(0);
    await sitExam(agent, 2, () => true);
    await expect(statValue(agent, "得分").textContent()).resolves.toBe(`${QUESTIONS.length} / ${QUESTIONS.length}`);
    await expect(statValue(agent, "得分率").textContent()).resolves.toBe("100%");
    await expect(statValue(agent, "结果").textContent()).resolves.toBe("通过");
    await snapshot(agent, "training-exam-passed");

    // Both assignments are done: neither is due any more.
    await visit(agent, "/learn");
    const dueNow = agent.getByRole("region", { name: /待完成任务/ });
    await expect(dueNow.getByText(COURSE_TITLE).count()).resolves.toBe(0);
    await expect(dueNow.getByText(EXAM_TITLE).count()).resolves.toBe(0);
    // The learning record has both rounds of the course.
    const history = agent.getByRole("region", { name: "学习记录" }).getByRole("row").filter({ hasText: COURSE_TITLE });
    await history.filter({ hasText: "第 2 轮" }).waitFor();
    await expect(history.count()).resolves.toBe(2);

    await visit(agent, "/learn/certificates");
    const row = agent.getByRole("region", { name: "当前证书" }).getByRole("row").filter({ hasText: CERTIFICATE_TITLE });
    await row.getByText(EXAM_TITLE).waitFor();
    await row.getByText("100%").waitFor();
    await snapshot(agent, "training-certificates");
    await row.getByRole("link", { name: "打印证书" }).click();
    await agent.waitForURL(/\/certificates\/[^/]+$/);
    await agent.getByText(CERTIFICATE_TITLE, { exact: true }).waitFor();
    await agent
      .getByText(`兹证明 ${AGENT.name}（工号 ${AGENT.externalId}）参加「${EXAM_TITLE}」考核成绩合格`)
      .waitFor();
    await agent.getByRole("button", { name: "打印 / 另存为 PDF" }).waitFor();
    // Valid for twelve months from the day it was issued (same day next year; 29 February has none).
    const issued = await sheetValue(agent, "发证日期");
    const [year, month, day] = issued.split("/");
    expect(Number(year)).toBeGreaterThan(2000);
    const expires = await sheetValue(agent, "有效期至");
    if (`${month}/${day}` !== "02/29") expect(expires).toBe(`${Number(year) + 1}/${month}/${day}`);
    await snapshot(agent, "training-certificate-sheet");
    await closePage(agent);
  });
});

/** From the learner's course page: starts (or continues) and marks every lesson complete, in order. */
async function completeCourse(page: Page, round: number) {
  await page.waitForURL(/\/learn\/courses\/[^/]+$/);
  await page.getByRole("heading", { name: COURSE_TITLE }).waitFor();
  await page.getByText("技能提升").first().waitFor();
  if (round > 1) await page.getByText(`第 ${round} 轮学习`).waitFor();
  await page.getByText(`已完成 0/${LESSONS.length} 课时`).waitFor();
  await page.getByRole("button", { name: /^(开始学习|继续学习)$/ }).click();
  for (const [index, lesson] of LESSONS.entries()) {
    await page.getByRole("heading", { name: lesson.title, exact: true, level: 1 }).waitFor();
    await page.getByText(lesson.shown).waitFor();
    await page.getByText(`课程进度 ${index}/${LESSONS.length}`).waitFor();
    await page.getByRole("button", { name: "标记为已完成" }).click();
    if (index < LESSONS.length - 1) await flash(page, `已完成课时“${lesson.title}”`).waitFor();
  }
  await flash(page, `恭喜！您已完成课程“${COURSE_TITLE}”`).waitFor();
  await page.getByText("100%", { exact: true }).first().waitFor();
  await page.getByRole("button", { name: "复习课程" }).waitFor();
}

/** A figure of the printable certificate: the <dd> after its <dt>. */
async function sheetValue(page: Page, label: string) {
  return (
    (await page.getByText(label, { exact: true }).locator("xpath=following-sibling::dd[1]").textContent()) ?? ""
  ).trim();
}

/** Starts an attempt from the exam page, answers every question (right where `right` says), and submits. */
async function sitExam(page: Page, number: number, right: (question: ObjectiveQuestion) => boolean) {
  await page.getByRole("button", { name: "开始考试" }).click();
  await page.waitForURL(/\/learn\/attempts\/[^/]+$/);
  await hydrated(page);
  await page.getByText(`第 ${number} 次作答`).waitFor();
  for (const question of QUESTIONS) await answer(page, question, right(question));
  await page.getByText(`已答 ${QUESTIONS.length} / ${QUESTIONS.length} 题`).waitFor();
  await page
    .getByTestId("autosave-status")
    .getByText(/^已保存/)
    .waitFor();
  await snapshot(page, `training-exam-attempt-${number}`);
  await page.getByRole("button", { name: "交卷", exact: true }).click();
  await page.getByText("全部题目已作答，交卷后不能再修改。确定交卷吗？").waitFor();
  await page.getByRole("button", { name: "确定交卷" }).click();
  await page.waitForURL(/\/learn\/attempts\/[^/]+\/result$/);
  await page.getByRole("heading", { name: `${EXAM_TITLE} · 第 ${number} 次` }).waitFor();
}
