import { ScriptSchema, type Script } from "./script";

const parsed = new Map<string, Script>();

/**
 * The script of a scenario version. Versions that sessions play are never edited (a published version is frozen;
 * a draft's test-play reads it fresh), so parsing once per version id and content hash is safe.
 */
export function storedScript(version: { id: string; contentHash: string; script: unknown }): Script {
  const key = `${version.id}:${version.contentHash}`;
  let script = parsed.get(key);
  if (!script) {
    script = ScriptSchema.parse(version.script);
    if (parsed.size > 500) parsed.clear();
    parsed.set(key, script);
  }
  return script;
}
