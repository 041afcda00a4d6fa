import { describe, expect, it } from "vitest";
import {
  accessLevel,
  hasPermission,
  homePathFor,
  permissionsFor,
  ROLE_PERMISSIONS,
  ROLES,
  workspacesFor,
  type Permission,
} from "~/modules/identity/permissions";
import { navigationFor } from "~/modules/identity/navigation";

describe("hasPermission", () => {
  it.each<[Permission[], Permission, boolean]>([
    [["read:user:any"], "read:user:own", true],
    [["read:user:any"], "read:user:team", true],
    [["read:user:team"], "read:user:own", true],
    [["read:user:team"], "read:user:any", false],
    [["read:user:own"], "read:user:team", false],
    [["read:user:any"], "manage:user:own", false],
    [["read:team:any"], "read:user:own", false],
  ])("granted %j, asking %s → %s", (granted, asked, expected) => {
    expect(hasPermission(new Set(granted), asked)).toBe(expected);
  });
});

describe("accessLevel", () => {
  it("returns the widest level granted", () => {
    expect(accessLevel(new Set<Permission>(["read:user:own", "read:user:team"]), "read", "user")).toBe("team");
    expect(accessLevel(new Set<Permission>(["read:user:own"]), "manage", "user")).toBeNull();
  });
});

describe("role matrix", () => {
  // Each row: a permission and the roles that must hold it; every other role must not.
  const matrix: [Permission, string[]][] = [
    ["view:agent-home:own", ["agent"]],
    ["view:trainer-home:any", ["trainer"]],
    ["view:qa-home:any", ["qa_inspector"]],
    ["view:lead-home:team", ["team_lead"]],
    ["view:manager-home:any", ["manager"]],
    ["view:admin-home:any", ["admin"]],
    ["manage:user:any", ["admin"]],
    ["manage:team:any", ["admin"]],
    ["read:job-run:any", ["admin"]],
    ["read:audit-log:any", ["manager", "admin"]],
    ["read:user:any", ["trainer", "qa_inspector", "manager", "admin"]],
    ["read:user:team", ["trainer", "qa_inspector", "team_lead", "manager", "admin"]],
    ["read:user:own", [...ROLES]],
    ["update:user:own", [...ROLES]],
    ["read:notification:own", [...ROLES]],
  ];
  for (const [permission, holders] of matrix) {
    for (const role of ROLES) {
      const expected = holders.includes(role);
      it(`${role} ${expected ? "has" : "lacks"} ${permission}`, () => {
        expect(hasPermission(permissionsFor([role]), permission)).toBe(expected);
      });
    }
  }

  it("grants agents nothing beyond their own scope", () => {
    for (const permission of ROLE_PERMISSIONS.agent) expect(permission.endsWith(":own")).toBe(true);
  });

  it("unions the permissions of several roles", () => {
    const granted = permissionsFor(["agent", "team_lead"]);
    expect(hasPermission(granted, "view:agent-home:own")).toBe(true);
    expect(hasPermission(granted, "view:lead-home:team")).toBe(true);
    expect(hasPermission(granted, "read:user:any")).toBe(false);
  });
});

describe("homes and navigation", () => {
  it.each([
    [["agent"], "/agent"],
    [["trainer"], "/trainer"],
    [["qa_inspector"], "/qa"],
    [["team_lead", "agent"], "/lead"],
    [["manager"], "/manager"],
    [["admin"], "/admin"],
    [["admin", "manager"], "/manager"],
    [[], "/account"],
  ] as const)("roles %j land on %s", (roles, path) => {
    expect(homePathFor(roles)).toBe(path);
  });

  it("lists a workspace per role held, in the home order", () => {
    expect(workspacesFor(["agent", "team_lead"]).map((workspace) => workspace.path)).toEqual(["/lead", "/agent"]);
  });

  it("shows an agent only the agent section", () => {
    const sections = navigationFor(permissionsFor(["agent"]));
    expect(sections.map((section) => section.titleKey)).toEqual(["nav.sections.agent"]);
  });

  it("shows a manager the audit log but not user administration", () => {
    const items = navigationFor(permissionsFor(["manager"])).flatMap((section) => section.items.map((item) => item.to));
    expect(items).toContain("/admin/audit");
    expect(items).not.toContain("/admin/users");
    expect(items).not.toContain("/admin/jobs");
  });
});
