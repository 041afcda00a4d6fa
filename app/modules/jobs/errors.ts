const MAX_ERROR_LENGTH = 2000;
const STACK_LINES = 6;

/** "Name: message" plus the head of the stack, bounded so JobRun.error stays small. */
export function formatJobError(error: unknown, maxLength = MAX_ERROR_LENGTH): string {
  let text: string;
  if (error instanceof Error) {
    const head = `${error.name}: ${error.message}`;
    const frames = (error.stack ?? "")
      .split("\n")
      .filter((line) => /^\s+at\s/.test(line))
      .slice(0, STACK_LINES);
    text = frames.length > 0 ? `${head}\n${frames.join("\n")}` : head;
  } else if (typeof error === "string") {
    text = error;
  } else {
    try {
      text = JSON.stringify(error) ?? String(error);
    } catch {
      text = String(error);
    }
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** First line of a stored error, for list views. */
export function errorHeadline(error: string | null | undefined): string | null {
  if (!error) return null;
  return error.split("\n", 1)[0] ?? null;
}
