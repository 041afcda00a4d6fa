// Signed-in requests for integration tests that call loaders and actions directly.
// Works on the file's isolated database (integration-setup.ts wires it into `db`).
import { randomUUID } from "node:crypto";
import { hashPassword } from "~/modules/identity/password.server";
import type { RoleName } from "~/modules/identity/permissions";
import { createUserSession } from "~/modules/identity/session.server";
import { db } from "~/utils/db.server";

export const TEST_ORIGIN = "http://localhost";

export type TestUserOptions = {
  externalId?: string;
  name?: string;
  email?: string | null;
  roles?: RoleName[];
  teamId?: string | null;
  status?: "active" | "inactive";
  locale?: "zh-CN" | "en";
  /** Hashed with argon2 when given (slowish: only ask for it when the test signs in with a password). */
  password?: string;
};

export type TestUser = { id: string; externalId: string; name: string; email: string | null; roles: RoleName[] };

/** Creates a user with the given roles (default: agent) and a unique 工号. */
export async function createTestUser(options: TestUserOptions = {}): Promise<TestUser> {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  const roles = options.roles ?? ["agent"];
  const user = await db.user.create({
    data: {
      externalId: options.externalId ?? `T${suffix}`,
      name: options.name ?? `测试用户${suffix}`,
      email: options.email === undefined ? null : options.email,
      teamId: options.teamId ?? null,
      status: options.status ?? "active",
      locale: options.locale ?? "zh-CN",
      passwordHash: options.password ? await hashPassword(options.password) : null,
      roles: { create: roles.map((role) => ({ role })) },
    },
    select: { id: true, externalId: true, name: true, email: true },
  });
  return { ...user, roles };
}

/** A real session row for the user; returns the `Cookie` request-header value ("fw_session=…"). */
export async function sessionCookieFor(userId: string): Promise<string> {
  const setCookie = await createUserSession(userId, new Request(`${TEST_ORIGIN}/login`, { method: "POST" }));
  return setCookie.split(";")[0]!;
}

/** Creates a user with these roles and signs them in. */
export async function signInAs(roles: RoleName | RoleName[], options: Omit<TestUserOptions, "roles"> = {}) {
  const user = await createTestUser({ ...options, roles: Array.isArray(roles) ? roles : [roles] });
  return { user, cookie: await sessionCookieFor(user.id) };
}

export type FormFields = Record<string, string | string[] | undefined>;

export type RequestOptions = {
  cookie?: string;
  method?: string;
  /** A plain object is sent url-encoded (arrays repeat the key); FormData is sent as multipart (files). */
  form?: FormFields | FormData | URLSearchParams;
  headers?: HeadersInit;
};

function encodeForm(form: FormFields | FormData | URLSearchParams): FormData | URLSearchParams {
  if (form instanceof FormData || form instanceof URLSearchParams) return form;
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return body;
}

/**
 * A Request to `path` on the test origin. A `form` makes it a POST unless `method` says otherwise. No
 * Origin header is sent, which the CSRF check treats as a non-browser client.
 */
export function buildRequest(path: string, options: RequestOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  const method = options.method ?? (options.form ? "POST" : "GET");
  return new Request(new URL(path, TEST_ORIGIN), {
    method,
    headers,
    ...(options.form ? { body: encodeForm(options.form) } : {}),
  });
}

export type RouteResult = {
  status: number;
  headers: Headers;
  /** The loader/action data (plain object, `data()` payload, or a Response body parsed as JSON/text). */
  data: unknown;
  /** Location of a redirect, else null. */
  location: string | null;
  /** True when the value was thrown (redirects to /login, 403/404 responses, thrown `data()`). */
  thrown: boolean;
};

type DataWithInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function normalise(value: unknown, thrown: boolean): Promise<RouteResult> {
  if (value instanceof Response) {
    const body = await value.text();
    let data: unknown = body;
    try {
      data = body ? JSON.parse(body) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get("Location"), thrown };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, headers, data: value.data, location: headers.get("Location"), thrown };
  }
  if (thrown) throw value; // a real error, not an HTTP outcome
  return { status: 200, headers: new Headers(), data: value, location: null, thrown };
}

type RouteFunction = (args: {
  request: Request;
  params: Record<string, string | undefined>;
  context: Record<string, unknown>;
}) => unknown;

/** Calls a loader or action and turns whatever it returns or throws (Response, data(), object) into one shape. */
export async function callRoute(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
): Promise<RouteResult> {
  try {
    return await normalise(await fn({ request, params, context: {} }), false);
  } catch (error) {
    return normalise(error, true);
  }
}
