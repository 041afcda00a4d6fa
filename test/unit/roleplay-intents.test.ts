import { describe, expect, it } from "vitest";
import {
  compilePattern,
  intentMatches,
  matchIntents,
  normaliseForMatch,
  phraseAlternatives,
} from "~/modules/roleplay/intents";
import { IntentSchema } from "~/modules/roleplay/script";
import { returnScript } from "../support/roleplay-script";

const intent = (input: Parameters<typeof IntentSchema.parse>[0]) => IntentSchema.parse(input);

describe("normaliseForMatch", () => {
  it("folds full-width letters and digits, case and whitespace but keeps punctuation", () => {
    expect(normaliseForMatch("ＯＫ")).toBe("ok");
    expect(normaliseForMatch("７ 天 无理由")).toBe("7天无理由");
    expect(normaliseForMatch("  Hello  World ")).toBe("helloworld");
    expect(normaliseForMatch("可以退吗？")).toBe("可以退吗?"); // full-width ？ becomes ?, and stays
  });

  it("splits phrase alternatives on | and normalises each", () => {
    expect(phraseAlternatives("订单号| 单 号 |ＳＫＵ")).toEqual(["订单号", "单号", "sku"]);
    expect(phraseAlternatives(" | ")).toEqual([]);
  });
});

describe("intentMatches", () => {
  const ok = intent({ key: "ok", label: "确认", phrases: ["ok|好的"] });

  it("matches ASCII phrases whatever the width and case", () => {
    expect(intentMatches(ok, "ＯＫ")).toBe(true);
    expect(intentMatches(ok, "Ok，没问题")).toBe(true);
    expect(intentMatches(ok, "好的呢")).toBe(true);
    expect(intentMatches(ok, "不行")).toBe(false);
  });

  it("matches Chinese phrases with full-width digits and spaces inside", () => {
    const policy = intent({ key: "policy", label: "7天", phrases: ["7天无理由"] });
    expect(intentMatches(policy, "支持７天 无理由退货")).toBe(true);
    expect(intentMatches(policy, "支持七天无理由")).toBe(false);
  });

  it("any needs one entry, all needs every entry and pattern", () => {
    const any = intent({ key: "a", label: "a", phrases: ["7天", "退货"], mode: "any" });
    const all = intent({ key: "b", label: "b", phrases: ["7天", "退货"], patterns: ["运费"], mode: "all" });
    expect(intentMatches(any, "7天内")).toBe(true);
    expect(intentMatches(all, "7天内可以退货")).toBe(false); // no 运费
    expect(intentMatches(all, "７天内可以退货，运费您承担")).toBe(true);
  });

  it("exclude vetoes the intent (negation)", () => {
    const canReturn = intent({ key: "can", label: "能退", phrases: ["能退|可以退"], exclude: ["不能退|不可以退"] });
    expect(intentMatches(canReturn, "可以退的")).toBe(true);
    expect(intentMatches(canReturn, "这个不能退")).toBe(false);
    expect(intentMatches(canReturn, "不可以 退")).toBe(false);
  });

  it("applies patterns case-insensitively to the normalised reply", () => {
    const phone = intent({ key: "leak", label: "手机号", patterns: ["1[3-9]\\d{9}"] });
    expect(intentMatches(phone, "他的手机是 138 0013 8000")).toBe(true);
    expect(intentMatches(phone, "１３８００１３８０００")).toBe(true); // full-width digits
    expect(intentMatches(phone, "订单 12345")).toBe(false);
    const sku = intent({ key: "sku", label: "SKU", patterns: ["^sku-\\d+"] });
    expect(intentMatches(sku, "SKU-12 缺货")).toBe(true);
  });

  it("an invalid pattern never matches and compiles to null", () => {
    expect(compilePattern("(unclosed")).toBeNull();
    const broken = intent({ key: "x", label: "x", patterns: ["(unclosed"] });
    expect(intentMatches(broken, "(unclosed")).toBe(false);
  });
});

describe("matchIntents", () => {
  it("returns every script intent the reply matches, in script order", () => {
    const script = returnScript();
    expect(matchIntents(script, "您好！支持７天无理由退货，可以退的")).toEqual(["greet", "policy", "can-return"]);
    expect(matchIntents(script, "不能退，是您自己选错了")).toEqual(["cannot-return", "blame"]);
    expect(matchIntents(script, "这不是您自己的问题")).toEqual([]);
    expect(matchIntents(script, "请问订单号是多少")).toEqual(["ask-order"]);
  });
});
