import { describe, expect, it } from "vitest";
import { NAMESPACES, resources } from "~/modules/i18n/config";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [childKey, childValue] of flatten(value, path)) entries.set(childKey, childValue);
  }
  return entries;
}

// English needs plural forms (key_one / key_other) where Chinese has one message; compare base keys.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, "");

function byBaseKey(messages: Map<string, string>) {
  const grouped = new Map<string, string[]>();
  for (const [key, text] of messages) grouped.set(baseKey(key), [...(grouped.get(baseKey(key)) ?? []), text]);
  return grouped;
}

function placeholders(text: string) {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
}

describe.each(NAMESPACES)("catalogue %s", (namespace) => {
  const chinese = flatten(resources["zh-CN"][namespace] as Tree);
  const english = flatten(resources.en[namespace] as Tree);
  const chineseByBase = byBaseKey(chinese);
  const englishByBase = byBaseKey(english);

  it("has the same keys in zh-CN and en", () => {
    expect([...englishByBase.keys()].sort()).toEqual([...chineseByBase.keys()].sort());
  });

  it("uses the same placeholders in both languages", () => {
    for (const [key, [text]] of chineseByBase) {
      for (const variant of englishByBase.get(key) ?? []) {
        expect({ key, placeholders: placeholders(variant) }).toEqual({ key, placeholders: placeholders(text!) });
      }
    }
  });

  it("has no empty messages", () => {
    for (const [key, text] of [...chinese, ...english])
      expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
  });
});
