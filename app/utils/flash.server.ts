import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { getSessionSecret } from "./secrets.server";

const FlashSchema = z.object({
  kind: z.enum(["success", "error", "info"]),
  /** Catalogue key, e.g. "admin:users.saved". */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Flash = z.infer<typeof FlashSchema>;

function flashCookie() {
  return createCookie("fw_flash", { httpOnly: true, sameSite: "lax", path: "/", secrets: [getSessionSecret()] });
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; headers: Headers }> {
  const raw = await flashCookie().parse(request.headers.get("Cookie"));
  const parsed = FlashSchema.safeParse(raw);
  const headers = new Headers();
  if (raw) headers.append("Set-Cookie", await flashCookie().serialize("", { maxAge: 0 }));
  return { flash: parsed.success ? parsed.data : null, headers };
}

/** Redirect after a mutation with a one-time message for the next page. */
export async function redirectWithFlash(url: string, flash: Flash, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie().serialize(flash));
  return redirect(url, { headers });
}
