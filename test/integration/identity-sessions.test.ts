import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/identity/password.server";
import { createUserSession, getSessionUser, requirePermission } from "~/modules/identity/session.server";
import { action as accountAction } from "~/routes/account";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { db } from "~/utils/db.server";

const BASE = "http://localhost:3000";
const PASSWORD = "Secret123";

function form(values: Record<string, string>) {
  const body = new URLSearchParams(values);
  return { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } };
}

function cookieFrom(response: Response) {
  const header = response.headers.get("Set-Cookie") ?? "";
  return header.split(";")[0]!;
}

async function login(login: string, password: string, ip = "10.0.0.1") {
  const request = new Request(`${BASE}/login`, {
    ...form({ login, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": ip },
  });
  return (await loginAction({ request, params: {}, context: {} })) as
    Response | { init: ResponseInit | null; data: unknown };
}

function status(result: unknown) {
  if (result instanceof Response) return result.status;
  return (result as { init?: { status?: number } }).init?.status ?? 200;
}

let userId: string;
beforeAll(async () => {
  const user = await db.user.create({
    data: {
      externalId: "A9001",
      name: "测试客服",
      email: "a9001@example.com",
      passwordHash: await hashPassword(PASSWORD),
      roles: { create: [{ role: "agent" }] },
    },
  });
  userId = user.id;
  await db.user.create({
    data: {
      externalId: "X0001",
      name: "已停用",
      passwordHash: await hashPassword(PASSWORD),
      status: "inactive",
      roles: { create: [{ role: "agent" }] },
    },
  });
});

describe("login", () => {
  it("signs in by 工号 (any case) and by e-mail, storing a session row and a signed cookie", async () => {
    for (const id of ["A9001", "a9001", "A9001@example.com"]) {
      const response = (await login(id, PASSWORD)) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/agent");
      const cookie = cookieFrom(response);
      expect(cookie).toMatch(/^fw_session=/);
      const user = await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: cookie } }));
      expect(user?.id).toBe(userId);
    }
    expect(await db.session.count({ where: { userId } })).toBeGreaterThanOrEqual(3);
    expect(await db.auditLog.count({ where: { action: "session.login", entityId: userId } })).toBeGreaterThanOrEqual(3);
  });

  it("rejects a wrong password and an inactive account with the same 400 message", async () => {
    const wrong = await login("A9001", "nope12345", "10.0.0.2");
    const inactive = await login("X0001", PASSWORD, "10.0.0.2");
    expect(status(wrong)).toBe(400);
    expect(status(inactive)).toBe(400);
    expect(JSON.stringify(wrong)).toContain("auth:login.invalid");
    expect(JSON.stringify(inactive)).toContain("auth:login.invalid");
  });

  it("locks an account after 5 failures within the window, even with the right password", async () => {
    await db.user.create({
      data: {
        externalId: "A9002",
        name: "锁定测试",
        passwordHash: await hashPassword(PASSWORD),
        roles: { create: [{ role: "agent" }] },
      },
    });
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(status(await login("A9002", "wrong-pass1", "10.0.0.3"))).toBe(400);
    const locked = await login("A9002", PASSWORD, "10.0.0.4");
    expect(status(locked)).toBe(429);
    expect(JSON.stringify(locked)).toContain("auth:login.locked");
    // Failures age out of the window.
    await db.loginAttempt.updateMany({
      where: { login: "a9002" },
      data: { createdAt: new Date(Date.now() - 16 * 60 * 1000) },
    });
    expect(status(await login("A9002", PASSWORD, "10.0.0.4"))).toBe(302);
  });

  it("refuses a cross-site login post", async () => {
    const request = new Request(`${BASE}/login`, {
      method: "POST",
      body: new URLSearchParams({ login: "A9001", password: PASSWORD }),
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://evil.example",
        Host: "localhost:3000",
      },
    });
    await expect(loginAction({ request, params: {}, context: {} })).rejects.toMatchObject({ init: { status: 403 } });
  });
});

describe("sessions", () => {
  async function signedInCookie() {
    const request = new Request(`${BASE}/login`);
    return (await createUserSession(userId, request)).split(";")[0]!;
  }

  it("ignores a tampered cookie", async () => {
    const cookie = await signedInCookie();
    const tampered = cookie.slice(0, -3) + "abc";
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: tampered } }))).toBeNull();
  });

  it("treats expired sessions as signed out and redirects to login", async () => {
    const cookie = await signedInCookie();
    await db.session.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const request = new Request(`${BASE}/agent`, { headers: { Cookie: cookie } });
    await expect(requirePermission(request, "view:agent-home:own")).rejects.toMatchObject({ status: 302 });
  });

  it("logout revokes the session row", async () => {
    const cookie = await signedInCookie();
    const response = await logoutAction({
      request: new Request(`${BASE}/logout`, { method: "POST", headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(302);
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: cookie } }))).toBeNull();
  });

  it("changing the password revokes every other session but keeps the current one", async () => {
    const current = await signedInCookie();
    const other = await signedInCookie();
    const request = new Request(`${BASE}/account`, {
      ...form({
        intent: "password",
        currentPassword: PASSWORD,
        newPassword: "NewSecret456",
        confirmPassword: "NewSecret456",
      }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: current },
    });
    const response = (await accountAction({ request, params: {}, context: {} })) as Response;
    expect(response.status).toBe(302);
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: current } }))).not.toBeNull();
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: other } }))).toBeNull();
    expect(status(await login("A9001", PASSWORD, "10.0.0.9"))).toBe(400);
    expect(status(await login("A9001", "NewSecret456", "10.0.0.9"))).toBe(302);
    expect(await db.auditLog.count({ where: { action: "user.password.change", entityId: userId } })).toBe(1);
  });

  it("rejects a weak new password and a wrong current password with field errors", async () => {
    const cookie = await signedInCookie();
    const weak = await accountAction({
      request: new Request(`${BASE}/account`, {
        ...form({
          intent: "password",
          currentPassword: "NewSecret456",
          newPassword: "short",
          confirmPassword: "short",
        }),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      }),
      params: {},
      context: {},
    });
    expect(status(weak)).toBe(400);
    expect(JSON.stringify(weak)).toContain("validation:passwordTooShort");
    const wrong = await accountAction({
      request: new Request(`${BASE}/account`, {
        ...form({
          intent: "password",
          currentPassword: "bad-current1",
          newPassword: "Another789",
          confirmPassword: "Another789",
        }),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      }),
      params: {},
      context: {},
    });
    expect(status(wrong)).toBe(400);
    expect(JSON.stringify(wrong)).toContain("validation:currentPasswordWrong");
  });
});
