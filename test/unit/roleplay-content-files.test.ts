import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scriptedCustomer, type ScriptedState } from "~/modules/roleplay/engine/scripted";
import { matchIntents } from "~/modules/roleplay/intents";
import { redLinesCrossedBy, stepsCreditedBy } from "~/modules/roleplay/scoring";
import { ScriptSchema, type EndOutcome, type Script } from "~/modules/roleplay/script";
import { validateScript } from "~/modules/roleplay/validate";

const DIR = path.resolve(import.meta.dirname, "../../content/scenarios");
const files = readdirSync(DIR)
  .filter((name) => name.endsWith(".yaml"))
  .sort();

function load(slug: string): Script {
  return ScriptSchema.parse(parse(readFileSync(path.join(DIR, `${slug}.yaml`), "utf8")));
}

type Played = {
  end: EndOutcome | null;
  nodes: string[];
  stepsHit: string[];
  stepsMissed: string[];
  redLines: string[];
};

/** Drives the scripted customer with agent replies, judging steps and red lines the way a session does. */
function play(script: Script, replies: readonly string[]): Played {
  let turn = scriptedCustomer.open(script);
  const nodes: string[] = [];
  const hit = new Set<string>();
  const redLines: string[] = [];
  replies.forEach((text, index) => {
    if (turn.end) throw new Error(`the conversation ended before reply ${index + 1}: ${text}`);
    const intents = matchIntents(script, text);
    for (const key of stepsCreditedBy(script, intents, index + 1, hit)) hit.add(key);
    redLines.push(...redLinesCrossedBy(script, intents));
    turn = scriptedCustomer.respond(script, turn.state as ScriptedState, { text, intents, overTime: false });
    nodes.push((turn.state as ScriptedState).nodeId);
  });
  return {
    end: turn.end,
    nodes,
    stepsHit: script.steps.filter((step) => hit.has(step.key)).map((step) => step.key),
    stepsMissed: script.steps.filter((step) => !hit.has(step.key)).map((step) => step.key),
    redLines,
  };
}

/** A model answer per scenario (what a trainer would accept) and a blaming/forbidden first reply. */
const PATHS: Record<string, { good: string[]; bad: { reply: string; redLine: string } }> = {
  "quality-defect-refund": {
    good: [
      "您好，我是优品客服小林，非常抱歉给您添麻烦了，麻烦提供一下订单号，我马上帮您查。",
      "我查到您的订单了，电饭煲签收才 5 天，属于质量问题，可以给您办理退货退款，来回运费由我们承担，给您预约上门取件。",
      "退一赔三需要投诉专员核实，我这边不能承诺。给您带来不便，我先送您一张 20 元店铺券表达歉意。",
      "理解您请假的损失，我帮您向组长申请更多补偿，今天下午 5 点前给您答复。",
      "仓库收到退货验货后 24 小时内原路退回，信用卡 3 到 7 个工作日到账。您看这样处理可以吗？",
      "感谢您的理解，祝您生活愉快，再见！",
    ],
    bad: { reply: "您好，是不是您自己使用不当弄坏的？", redLine: "blame-customer" },
  },
  "seven-day-return": {
    good: [
      "您好，欢迎光临优品，请提供一下订单号，我帮您查一下。",
      "查到您的订单了，24 号签收，还在 7 天无理由退货期内，配件齐全、不影响二次销售就可以为您办理退货，拆封检查不影响。",
      "无理由退货的寄回运费需要您先承担，不过这单下单时赠送了运费险，退货签收后 72 小时内保险公司会把运费赔付到您的支付账户。",
      "您提交退货申请后，审核通过会给您退货地址，请在 7 天内寄出，不接受到付。仓库签收后 48 小时内验货，通过后 24 小时内原路退回。",
      "您看还有其他问题吗？祝您生活愉快！",
    ],
    bad: { reply: "您好，是您自己没看清楚商品页吧？", redLine: "blame-customer" },
  },
  "special-goods-no-return": {
    good: [
      "您好，我是优品客服小周，麻烦提供一下订单号，我帮您看看。",
      "理解您送礼的心意。这只杯子按您的要求刻了字，属于定制商品，下单页有提示不支持 7 天无理由退货。请问杯子有没有质量问题或者刻字不对的地方？",
      "非常抱歉！我核对了订单备注，您填写的是 2026，麻烦您拍张照片给我确认一下。",
      "确认是我们刻错了，非常抱歉。可以为您免费重做，或者全额退款，运费都由我们承担，您看选哪种？",
      "给您安排加急，2 个工作日内制作完成，顺丰次日达，下周六之前送到。",
      "您看这样可以吗？祝叔叔生日快乐，再见！",
    ],
    bad: { reply: "您好，可以 7 天无理由退的，直接给您退了。", redLine: "promise-beyond-policy" },
  },
  "warranty-repair": {
    good: [
      "您好，很高兴为您服务，理解您着急用表。麻烦提供一下订单号或手表序列号。",
      "查到了，您是 9 月 2 日签收的。请问屏幕失灵是什么时候开始的？手表有没有摔过或进水？",
      "跑步出汗在 5ATM 防水范围内，属于正常使用。您的手表在保修期内，可以免费维修。",
      "按三包规定，超过 15 天是免费维修，同一问题维修两次仍不能正常使用可以给您换货。售后中心收到后 2 个工作日内检测，维修不超过 7 个工作日，超期给您提供备用机。",
      "我已经为您创建维修单，预约上门取件寄到售后中心，来回运费由我们承担。",
      "您看这样可以吗？感谢您的来电，再见！",
    ],
    bad: { reply: "您好，屏幕坏了肯定是您摔的吧。", redLine: "blame-customer" },
  },
  "logistics-delay": {
    good: [
      "您好，非常理解您着急的心情，麻烦提供一下订单号，我马上帮您查。",
      "我查到包裹 11 月 23 日到达杭州转运中心后一直没有更新，已经帮您联系快递加急查件催件了。",
      "快递公司一般 24 小时内回复，我今天下午 6 点前给您回复结果。",
      "如果确认包裹丢失，我们直接为您补发，不用等快递理赔，也可以全额退款。",
      "耽误您了，我先送您一张 10 元店铺券表达歉意。",
      "您看这样可以吗？祝阿姨生日快乐！",
    ],
    bad: { reply: "您好，物流的事我们管不了，您去问快递吧。", redLine: "push-to-courier" },
  },
  "angry-cannot-reach-service": {
    good: [
      "您好，机器人绕圈、排了那么久、留言也没人回，换成我也会生气，真的非常抱歉！请问您的手表遇到了什么问题？",
      "我查到您是 28 日签收的。麻烦您先用干的软布擦拭一下手表背面的充电触点，再换一个充电头试试。",
      "签收 7 天内出现性能故障，按三包可以为您换货，也可以退货，我给您预约免费上门取件。",
      "我已经按重大投诉为您登记，投诉处理组 1 小时内会联系您。我是客服小林，工号 A1023，这件事我来跟进，今天下午 5 点前主动联系您，不用您再排队。",
      "上门取件后仓库签收当天就给您发出新机。您看这样可以吗？",
      "感谢您的耐心，祝您生活愉快！",
    ],
    bad: { reply: "您好，这是您的问题，晚上本来就没人工。", redLine: "blame-customer" },
  },
  "crisis-counterfeit-rumour": {
    good: [
      "您好，您对正品的重视我们完全理解。麻烦您在手表“设置-关于”里查看一下序列号发给我，我在官方系统帮您查。",
      "查询结果出来了，这是核验截图：您的手表是 2026 年 9 月生产批次的正品。",
      "包装从 2026 年 9 月批次开始改版了，这是改版公告，所以和网上的旧图片不一样。",
      "赔偿倍数我这边不能承诺，如经核实是假货，我们一定按法律规定承担责任。如果您还是不放心，可以为您办理退货退款，运费由我们承担。",
      "我已经按紧急投诉升级，投诉处理组 30 分钟内联系您，提供进货凭证和质检报告。",
      "谢谢您的信任，您看还有其他问题吗？",
    ],
    bad: { reply: "您好，我们不卖假货，您随便发。", redLine: "provoke" },
  },
};

describe("content/scenarios", () => {
  it("ships the seven scenarios of the domain brief", () => {
    expect(files.map((name) => name.replace(/\.yaml$/, ""))).toEqual(Object.keys(PATHS).sort());
  });

  it.each(files)("%s parses and validates without errors, with 8–15 nodes and 5–8 steps", (name) => {
    const script = load(name.replace(/\.yaml$/, ""));
    const errors = validateScript(script).filter((issue) => issue.severity === "error");
    expect(errors).toEqual([]);
    expect(script.nodes.length).toBeGreaterThanOrEqual(8);
    expect(script.nodes.length).toBeLessThanOrEqual(15);
    expect(script.steps.length).toBeGreaterThanOrEqual(5);
    expect(script.steps.length).toBeLessThanOrEqual(8);
    expect(script.redLines.length).toBeGreaterThanOrEqual(2);
    const outcomes = new Set(script.nodes.map((node) => node.end).filter(Boolean));
    expect(outcomes).toEqual(new Set(["resolved", "customer_left", "escalated"]));
  });

  it("has at least three scenarios scored by a seeded QA rubric with a human weight of 40–50", () => {
    const rubricSlugs = new Set(
      readdirSync(path.resolve(import.meta.dirname, "../../content/qa/rubrics")).map((name) =>
        name.replace(/\.yaml$/, ""),
      ),
    );
    const withRubric = files.map((name) => load(name.replace(/\.yaml$/, ""))).filter((s) => s.scoring.rubric);
    expect(withRubric.length).toBeGreaterThanOrEqual(3);
    for (const script of withRubric) {
      expect(rubricSlugs.has(script.scoring.rubric!)).toBe(true);
      expect(script.scoring.humanWeight).toBeGreaterThanOrEqual(40);
      expect(script.scoring.humanWeight).toBeLessThanOrEqual(50);
    }
  });

  describe.each(Object.entries(PATHS))("%s", (slug, paths) => {
    const script = load(slug);

    it("the model answer resolves the conversation with every step and no red line", () => {
      const played = play(script, paths.good);
      expect(played.end).toBe("resolved");
      expect(played.stepsMissed).toEqual([]);
      expect(played.redLines).toEqual([]);
    });

    it("a forbidden first reply crosses the red line", () => {
      expect(play(script, [paths.bad.reply]).redLines).toContain(paths.bad.redLine);
    });

    it("unmatched replies make the customer leave when patience runs out", () => {
      const replies = Array.from({ length: script.persona.patience }, () => "嗯嗯");
      const played = play(script, replies);
      expect(played.end).toBe("customer_left");
      expect(played.nodes.at(-1)).toBe(script.patienceExhausted);
    });
  });
});
