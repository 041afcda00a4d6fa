/** A small, complete role-play script (7 天无理由退货) for engine, scoring and session tests. */
import { ScriptSchema, type Script, type ScriptInput } from "~/modules/roleplay/script";

export function returnScriptInput(overrides: Partial<ScriptInput> = {}): ScriptInput {
  return {
    title: "运动鞋七天无理由退货",
    summary: "顾客买的跑鞋尺码不合适，想退货并询问运费。",
    difficulty: "easy",
    goal: "说明 7 天无理由退货规则和运费承担方式，确认顾客满意。",
    persona: { name: "王女士", mood: "calm", patience: 2, description: "第一次在本店购物" },
    order: {
      orderNumber: "2026120112345678",
      platform: "优品商城",
      items: [{ name: "轻跑 3 代跑鞋 38 码", sku: "RUN-3-38", quantity: 1, price: 399 }],
      amount: 399,
      orderedAt: "2026-12-01",
      deliveredAt: "2026-12-03",
      status: "已签收",
      issue: "尺码偏小，顾客申请退货",
      notes: ["签收 2026-12-03，在 7 天内", "未穿着，吊牌完好"],
    },
    replyTimeLimitSeconds: 60,
    start: "opening",
    patienceExhausted: "left",
    intents: [
      { key: "greet", label: "问候", phrases: ["您好|你好"] },
      { key: "apologise", label: "致歉", phrases: ["抱歉|对不起"] },
      { key: "ask-order", label: "核实订单号", phrases: ["订单号|单号"], patterns: ["单号?是?多少"] },
      { key: "policy", label: "说明7天无理由", phrases: ["7天", "无理由|退货"], mode: "all" },
      { key: "cannot-return", label: "说不能退", phrases: ["不能退|不支持退"] },
      { key: "can-return", label: "说可以退", phrases: ["能退|可以退"], exclude: ["不能退|不可以退"] },
      { key: "ok", label: "确认", phrases: ["ok|好的|没问题"] },
      { key: "close", label: "结束语", phrases: ["再见|祝您"] },
      { key: "blame", label: "指责顾客", phrases: ["您自己|你自己"], exclude: ["不是您自己"] },
      { key: "leak", label: "泄露手机号", patterns: ["1[3-9]\\d{9}"] },
    ],
    nodes: [
      {
        id: "opening",
        customer: ["你好，我买的鞋子小了一码。", "能退吗？"],
        hint: "先问候，再说明 7 天无理由退货。",
        transitions: [
          { when: ["blame"], to: "left" },
          { when: ["can-return", "policy"], to: "explain" },
          { when: ["greet"], to: "asks" },
        ],
        fallback: ["你说什么？", "我问能不能退！"],
      },
      {
        id: "asks",
        customer: ["那到底能不能退？"],
        hint: "明确告诉顾客可以退。",
        transitions: [
          { when: ["cannot-return"], to: "left" },
          { when: ["can-return"], to: "explain" },
        ],
      },
      {
        id: "explain",
        customer: ["运费谁出？"],
        hint: "质量问题商家承担，无理由退货顾客承担，有运费险可理赔。",
        transitions: [{ when: ["ok"], unless: ["blame"], to: "done" }],
        fallback: ["运费到底谁出？"],
      },
      { id: "done", customer: ["好的，谢谢。"], end: "resolved" },
      { id: "left", customer: ["算了，我去投诉。"], end: "customer_left" },
    ],
    steps: [
      { key: "greet", label: "问候", intents: ["greet"], weight: 1, withinReplies: 1 },
      { key: "policy", label: "说明7天无理由", intents: ["policy"], weight: 2 },
      { key: "confirm", label: "确认满意", intents: ["ok", "close"], weight: 1 },
    ],
    redLines: [
      { key: "blame", label: "指责顾客", intents: ["blame"] },
      { key: "leak", label: "泄露手机号", intents: ["leak"] },
    ],
    ...overrides,
  };
}

export function returnScript(overrides: Partial<ScriptInput> = {}): Script {
  return ScriptSchema.parse(returnScriptInput(overrides));
}
