import { describe, expect, it } from "vitest";
import { notify, unreadCount } from "~/modules/notifications/notifications.server";
import { loader as leadLoader } from "~/routes/lead._index";
import { action as localeAction } from "~/routes/locale";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/notifications";
import { loader as rootLoader } from "~/root";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs } from "../support/auth";

describe("notifications", () => {
  it("lists only the reader's own notifications, newest first, with an unread filter", async () => {
    const { user, cookie } = await signInAs("agent");
    const other = await createTestUser();
    await notify({ userId: user.id, kind: "team-joined", params: { team: "售后服务组" } });
    await notify({ userId: user.id, kind: "welcome", params: { team: "售后服务组" }, link: "/account" });
    await notify({ userId: other.id, kind: "welcome", params: { team: "别的团队" } });

    const all = await callRoute(notificationsLoader, buildRequest("/notifications", { cookie }));
    const rows = (all.data as { rows: { kind: string; params: { team: string } }[] }).rows;
    expect(rows.map((row) => row.kind)).toEqual(["welcome", "team-joined"]);
    expect(rows.every((row) => row.params.team === "售后服务组")).toBe(true);
    expect(await unreadCount(user.id)).toBe(2);
  });

  it("marks one read and follows its link; another user's notification is a 404", async () => {
    const { user, cookie } = await signInAs("agent");
    const other = await createTestUser();
    await notify({ userId: user.id, kind: "welcome", params: { team: "售前咨询组" }, link: "/account" });
    await notify({ userId: other.id, kind: "welcome", params: { team: "投诉处理组" } });
    const mine = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    const theirs = await db.notification.findFirstOrThrow({ where: { userId: other.id } });

    const opened = await callRoute(
      notificationsAction,
      buildRequest("/notifications", { cookie, form: { intent: "read", id: mine.id, open: "/account" } }),
    );
    expect(opened.location).toBe("/account");
    expect(await unreadCount(user.id)).toBe(0);

    const refused = await callRoute(
      notificationsAction,
      buildRequest("/notifications", { cookie, form: { intent: "read", id: theirs.id } }),
    );
    expect(refused.status).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });

  it("never follows a link off the site", async () => {
    const { user, cookie } = await signInAs("agent");
    await notify({ userId: user.id, kind: "welcome", params: { team: "x" } });
    const row = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    const result = await callRoute(
      notificationsAction,
      buildRequest("/notifications", { cookie, form: { intent: "read", id: row.id, open: "https://evil.example" } }),
    );
    expect(result.location).toBe("/notifications");
  });

  it("marks all read and shows the unread count in the root data", async () => {
    const { user, cookie } = await signInAs("trainer");
    await notify([1, 2, 3].map(() => ({ userId: user.id, kind: "welcome", params: { team: "培训" } })));
    const before = await callRoute(rootLoader, buildRequest("/", { cookie }));
    expect((before.data as { viewer: { unread: number } }).viewer.unread).toBe(3);
    await callRoute(notificationsAction, buildRequest("/notifications", { cookie, form: { intent: "read-all" } }));
    const after = await callRoute(rootLoader, buildRequest("/", { cookie }));
    expect((after.data as { viewer: { unread: number } }).viewer.unread).toBe(0);
  });
});

describe("root data", () => {
  it("ships the viewer's navigation but no password hash or session id", async () => {
    const { cookie } = await signInAs(["team_lead", "agent"], { password: "Secret123" });
    const result = await callRoute(rootLoader, buildRequest("/", { cookie }));
    const text = JSON.stringify(result.data);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("$argon2");
    expect(text).not.toContain(cookie.split("=")[1]!.split(".")[0]);
    const viewer = (result.data as { viewer: { workspaces: { path: string }[] } }).viewer;
    expect(viewer.workspaces.map((workspace) => workspace.path)).toEqual(["/lead", "/agent"]);
  });
});

describe("language", () => {
  it("stores the chosen language on the user and in a cookie", async () => {
    const { user, cookie } = await signInAs("agent");
    const result = await callRoute(
      localeAction,
      buildRequest("/locale", { cookie, form: { locale: "en", redirectTo: "/agent" } }),
    );
    expect(result.location).toBe("/agent");
    expect(result.headers.get("Set-Cookie")).toContain("fw_lng=");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
    const root = await callRoute(rootLoader, buildRequest("/agent", { cookie }));
    expect((root.data as { locale: string }).locale).toBe("en");
  });

  it("rejects an unsupported language with 400", async () => {
    const { cookie } = await signInAs("agent");
    const result = await callRoute(localeAction, buildRequest("/locale", { cookie, form: { locale: "fr" } }));
    expect(result.status).toBe(400);
  });

  it("uses Accept-Language for visitors who have not chosen", async () => {
    const result = await callRoute(
      rootLoader,
      buildRequest("/login", { headers: { "Accept-Language": "en-US,en;q=0.9" } }),
    );
    expect((result.data as { locale: string }).locale).toBe("en");
    const chinese = await callRoute(rootLoader, buildRequest("/login"));
    expect((chinese.data as { locale: string }).locale).toBe("zh-CN");
  });
});

describe("team lead home", () => {
  it("shows only the members of the teams the lead leads", async () => {
    const { user: lead, cookie } = await signInAs("team_lead");
    const mine = await db.team.create({ data: { code: "T-MINE", name: "我的组", leadId: lead.id } });
    const theirs = await db.team.create({ data: { code: "T-THEIRS", name: "别人的组" } });
    await createTestUser({ name: "组员甲", teamId: mine.id });
    await createTestUser({ name: "组员乙", teamId: mine.id });
    await createTestUser({ name: "外组丙", teamId: theirs.id });
    const result = await callRoute(leadLoader, buildRequest("/lead", { cookie }));
    const data = result.data as { roster: { name: string }[]; total: number };
    expect(data.roster.map((row) => row.name).sort()).toEqual(["组员乙", "组员甲"].sort());
    expect(data.total).toBe(2);
  });
});
