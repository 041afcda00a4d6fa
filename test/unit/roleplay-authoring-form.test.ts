import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  editorValuesToScriptInput,
  formEntriesToObject,
  issuePathToFieldName,
  parseEditorForm,
  parseFieldName,
  scriptToEditorValues,
  splitList,
  starterScript,
  toEditorValues,
  type EditorValues,
} from "~/modules/roleplay/authoring";
import { parseScriptYaml, scriptToYaml } from "~/modules/roleplay/authoring-yaml";
import { ScriptSchema } from "~/modules/roleplay/script";
import { validateScript } from "~/modules/roleplay/validate";

const script = ScriptSchema.parse(
  parse(readFileSync(path.resolve(import.meta.dirname, "../../content/scenarios/logistics-delay.yaml"), "utf8")),
);

/** Flattens editor values into form entries named the way the editor names its inputs. */
function toEntries(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => toEntries(item, `${prefix}[${index}]`));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    toEntries(item, prefix ? `${prefix}.${key}` : key),
  );
}

describe("field names", () => {
  it("parses dotted names with indices", () => {
    expect(parseFieldName("nodes[2].transitions[0].when")).toEqual(["nodes", 2, "transitions", 0, "when"]);
    expect(parseFieldName("scoring.outcomePoints.resolved")).toEqual(["scoring", "outcomePoints", "resolved"]);
  });

  it("builds a nested object and ignores prototype keys", () => {
    const object = formEntriesToObject([
      ["nodes[1].id", "b"],
      ["nodes[0].id", "a"],
      ["nodes[0].transitions[0].to", "b"],
      ["__proto__.polluted", "x"],
    ]);
    expect(object).toEqual({ nodes: [{ id: "a", transitions: [{ to: "b" }] }, { id: "b" }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("maps an issue path to the input that holds it (a line inside a textarea points at the textarea)", () => {
    expect(issuePathToFieldName(["intents", 2, "phrases", 0])).toBe("intents[2].phrases");
    expect(issuePathToFieldName(["nodes", 1, "transitions", 0, "when", 1])).toBe("nodes[1].transitions[0].when");
    expect(issuePathToFieldName(["steps", 0, "intents", 3])).toBe("steps[0].intents");
    expect(issuePathToFieldName(["order", "items", 0, "price"])).toBe("order.items[0].price");
    expect(issuePathToFieldName(["persona", "patience"])).toBe("persona.patience");
  });

  it("splits key lists on half- and full-width commas, 、 and spaces", () => {
    expect(splitList("greet, apologise，ask-order、close  x")).toEqual([
      "greet",
      "apologise",
      "ask-order",
      "close",
      "x",
    ]);
  });
});

describe("editor values ↔ script", () => {
  it("round-trips a shipped scenario exactly", () => {
    const values = scriptToEditorValues(script);
    expect(ScriptSchema.parse(editorValuesToScriptInput(values))).toEqual(script);
    const parsed = parseEditorForm(toEntries(values));
    expect(parsed.ok && parsed.script).toEqual(script);
  });

  it("drops rows left completely blank", () => {
    const values = scriptToEditorValues(script);
    const blankIntent = { key: "", label: "", phrases: "", patterns: "", mode: "", exclude: "" };
    const withBlank: EditorValues = { ...values, intents: [...values.intents, blankIntent] };
    expect(toEditorValues(formEntriesToObject(toEntries(withBlank))).intents).toHaveLength(values.intents.length);
  });

  it("reports bad input per field with catalogue keys and keeps what was typed", () => {
    const values = scriptToEditorValues(script);
    values.persona.patience = "很多";
    values.intents[0]!.key = "问候";
    values.nodes[0]!.customer = "";
    values.scoring.stepsWeight = "70";
    const parsed = parseEditorForm(toEntries(values));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.values.intents[0]!.key).toBe("问候");
    expect(parsed.fieldErrors["persona.patience"]).toEqual(["roleplay:authoring.errors.number"]);
    expect(parsed.fieldErrors["intents[0].key"]).toEqual(["roleplay:authoring.errors.key"]);
    expect(parsed.fieldErrors["nodes[0].customer"]).toEqual(["roleplay:authoring.errors.atLeastOne"]);
    expect(parsed.fieldErrors.scoring).toEqual(["roleplay:authoring.errors.weightsSum"]);
  });
});

describe("YAML view", () => {
  it("round-trips", () => {
    const parsed = parseScriptYaml(scriptToYaml(script));
    expect(parsed.ok && parsed.script).toEqual(script);
  });

  it("names the path of a schema problem and the line of a syntax problem", () => {
    const wrong = parseScriptYaml(scriptToYaml({ ...script, replyTimeLimitSeconds: 5 }));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.errors[0]).toMatch(/^replyTimeLimitSeconds:/);
    const broken = parseScriptYaml("title: [unclosed");
    expect(!broken.ok && broken.errors[0]).toMatch(/^YAML:/);
  });
});

describe("starterScript", () => {
  it("is a valid, test-playable first draft with no validation errors", () => {
    const starter = starterScript({
      title: "价保退差价",
      summary: "",
      difficulty: "easy",
      channel: "chat",
      goal: "按价保规则为顾客退差价",
      personaName: "吴女士",
      mood: "calm",
      patience: 3,
      opening: "我前天买的空气炸锅今天降价了 30 块，能退差价吗？",
      orderNumber: "2026112800112233",
      productName: "优品 5.5L 空气炸锅 KZ-55",
      price: 399,
      issue: "签收后降价",
      orderedAt: "2026-11-28",
    });
    expect(validateScript(starter).filter((issue) => issue.severity === "error")).toEqual([]);
    expect(starter.nodes[0]!.customer).toEqual(["我前天买的空气炸锅今天降价了 30 块，能退差价吗？"]);
  });
});
