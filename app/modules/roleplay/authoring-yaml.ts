/** The "高级：YAML" view of a script: the same text as content/scenarios/<slug>.yaml (pure). */
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { ScriptSchema, type Script } from "./script";

/** The YAML an author sees in the advanced view and what content/scenarios/<slug>.yaml holds. */
export function scriptToYaml(script: Script): string {
  return stringifyYaml(script, { lineWidth: 0 });
}

export type YamlParse = { ok: true; script: Script } | { ok: false; errors: string[] };

/** Errors name the path ("nodes.3.transitions.0.to: …") so an author can find the line. */
export function parseScriptYaml(text: string): YamlParse {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    return { ok: false, errors: [`YAML: ${(error as Error).message.split("\n")[0]}`] };
  }
  const parsed = ScriptSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    };
  }
  return { ok: true, script: parsed.data };
}
