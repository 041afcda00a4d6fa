/** Only same-site paths are accepted as post-login destinations (no open redirects). */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
