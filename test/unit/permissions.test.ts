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
    ["view:qa-home:any", ["qa_inspector", "qa_lead"]],
    ["view:lead-home:team", ["team_lead"]],
    ["view:manager-home:any", ["manager"]],
    ["view:admin-home:any", ["admin"]],
    ["manage:user:any", ["admin"]],
    ["manage:team:any", ["admin"]],
    ["read:job-run:any", ["admin"]],
    ["read:audit-log:any", ["manager", "admin"]],
    ["read:user:any", ["trainer", "qa_inspector", "qa_lead", "manager", "admin"]],
    ["read:user:team", ["trainer", "qa_inspector", "qa_lead", "team_lead", "manager", "admin"]],
    // Quality inspection
    ["score:qa-review:own", ["qa_inspector", "qa_lead"]],
    ["score:qa-review:any", []],
    ["read:qa-review:own", ["agent", "qa_inspector", "qa_lead", "team_lead", "manager"]],
    ["read:qa-review:team", ["qa_inspector", "qa_lead", "team_lead", "manager"]],
    ["read:qa-review:any", ["qa_inspector", "qa_lead", "manager"]],
    ["create:dispute:own", ["agent"]],
    ["resolve:dispute:own", ["qa_inspector", "qa_lead"]],
    ["arbitrate:dispute:any", ["qa_lead", "manager"]],
    ["manage:rubric:any", ["qa_lead", "manager"]],
    ["read:rubric:any", ["qa_inspector", "qa_lead", "manager"]],
    ["manage:sampling-plan:any", ["qa_lead", "manager"]],
    ["manage:calibration:any", ["qa_lead", "manager"]],
    ["join:calibration:own", ["qa_inspector", "qa_lead"]],
    ["create:coaching:team", ["qa_inspector", "qa_lead", "team_lead", "manager"]],
    ["create:coaching:any", ["qa_inspector", "qa_lead", "manager"]],
    ["complete:coaching:own", ["agent"]],
    ["read:qa-report:team", ["qa_inspector", "qa_lead", "team_lead", "manager"]],
    ["read:conversation:team", ["qa_inspector", "qa_lead", "team_lead", "manager"]],
    ["import:conversation:any", ["admin"]],
    ["manage:api-token:any", ["admin"]],
    ["manage:qa-settings:any", ["admin"]],
    // Training
    ["learn:course:own", [...ROLES]],
    ["take:exam:own", [...ROLES]],
    ["read:kb-article:any", [...ROLES]],
    ["manage:course:any", ["trainer"]],
    ["manage:question-bank:any", ["trainer"]],
    ["manage:exam:any", ["trainer"]],
    ["grade:exam-attempt:any", ["trainer"]],
    ["manage:kb-article:any", ["trainer", "qa_lead"]],
    ["assign:learning:team", ["trainer", "team_lead", "manager"]],
    ["assign:learning:any", ["trainer", "manager"]],
    ["read:learning-report:team", ["trainer", "team_lead", "manager"]],
    ["read:exam-attempt:team", ["trainer", "team_lead", "manager"]],
    ["read:exam-attempt:own", [...ROLES]],
    ["read:certificate:team", ["trainer", "team_lead", "manager"]],
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

  it("grants agents nothing beyond their own scope, apart from the shared knowledge base and honour roll", () => {
    for (const permission of ROLE_PERMISSIONS.agent) {
      if (permission === "read:kb-article:any" || permission === "read:honour-roll:any") continue;
      expect(permission.endsWith(":own")).toBe(true);
    }
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
    [["qa_lead", "qa_inspector"], "/qa"],
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

  it("lists the QA workspace once for a QA lead who is also an inspector", () => {
    expect(workspacesFor(["qa_inspector", "qa_lead"]).map((workspace) => workspace.path)).toEqual(["/qa"]);
  });

  it("shows an agent the agent section (home, QA reviews, coaching), their learning, performance and rewards", () => {
    const sections = navigationFor(permissionsFor(["agent"]));
    expect(sections.map((section) => section.titleKey)).toEqual([
      "nav.sections.agent",
      "nav.sections.learning",
      "nav.sections.performance",
    ]);
    expect(sections[0]!.items.map((item) => item.to)).toEqual(["/agent", "/agent/reviews", "/agent/coaching"]);
    expect(sections[1]!.items.map((item) => item.to)).toEqual([
      "/learn",
      "/learn/catalog",
      "/learn/exams",
      "/learn/certificates",
      "/learn/roleplay",
      "/kb",
    ]);
    expect(sections[2]!.items.map((item) => item.to)).toEqual([
      "/performance/kpi",
      "/performance/feedback",
      "/performance/level",
      "/performance/rank",
      "/performance/ledger",
      "/honours",
    ]);
  });

  it("lets a team lead read the team's KPIs and decide level proposals, and a manager configure KPIs and 360 cycles", () => {
    const lead = permissionsFor(["team_lead"]);
    expect(hasPermission(lead, "read:kpi:team")).toBe(true);
    expect(hasPermission(lead, "read:kpi:any")).toBe(false);
    expect(hasPermission(lead, "decide:level:team")).toBe(true);
    expect(hasPermission(lead, "manage:kpi:any")).toBe(false);
    const manager = permissionsFor(["manager"]);
    expect(hasPermission(manager, "manage:kpi:any")).toBe(true);
    expect(hasPermission(manager, "manage:feedback-cycle:any")).toBe(true);
    expect(hasPermission(manager, "decide:level:any")).toBe(true);
    const agent = permissionsFor(["agent"]);
    expect(hasPermission(agent, "read:kpi:own")).toBe(true);
    expect(hasPermission(agent, "read:kpi:team")).toBe(false);
    expect(hasPermission(agent, "read:feedback-report:team")).toBe(false);
  });

  it("shows a team lead the team's QA pages but not the inspector's queue or sampling", () => {
    const items = navigationFor(permissionsFor(["team_lead"])).flatMap((section) =>
      section.items.map((item) => item.to),
    );
    expect(items).toEqual(expect.arrayContaining(["/qa/reviews", "/qa/coaching", "/qa/reports", "/qa/conversations"]));
    expect(items).not.toContain("/qa/queue");
    expect(items).not.toContain("/qa/sampling");
  });

  it("shows a manager the audit log but not user administration", () => {
    const items = navigationFor(permissionsFor(["manager"])).flatMap((section) => section.items.map((item) => item.to));
    expect(items).toContain("/admin/audit");
    expect(items).not.toContain("/admin/users");
    expect(items).not.toContain("/admin/jobs");
  });
});
