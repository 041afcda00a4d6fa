/**
 * Permissions are `action:entity:access` strings. Access widens from own → team → any:
 * holding `read:user:any` satisfies a check for `read:user:team` or `read:user:own`.
 * This file is pure so the role matrix can be unit-tested without a database.
 */
export const ROLES = ["agent", "trainer", "qa_inspector", "qa_lead", "team_lead", "manager", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

export const ACCESS_LEVELS = ["own", "team", "any"] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export type Permission = `${string}:${string}:${Access}`;

const EVERYONE: Permission[] = [
  "read:user:own",
  "update:user:own",
  "read:notification:own",
  "read:team:own",
  // Learning is for everyone: the catalogue, one's own courses, exams, results and certificates, the knowledge base.
  "learn:course:own",
  "take:exam:own",
  "read:exam-attempt:own",
  "read:certificate:own",
  "read:kb-article:any",
  // Performance is personal first: one's own KPIs, 360 ratings asked of one, one's own 360 reports, level and path.
  "read:kpi:own",
  "rate:feedback:own",
  "read:feedback-report:own",
  "read:level:own",
  // Role-play practice, one's own sessions and results.
  "play:scenario:own",
  "read:roleplay-session:own",
  // Incentives: the honour roll is public inside the organisation; boards show what the settings allow;
  // one's own rank explanation, ledger entries and appeals.
  "read:honour-roll:any",
  "read:leaderboard:own",
  "read:ledger:own",
  "appeal:ledger:own",
];

/** What a trainer does: author courses, paths, banks and exams; assign learning; grade open answers; follow up. */
const TRAINER: Permission[] = [
  "manage:course:any",
  "manage:learning-path:any",
  "manage:question-bank:any",
  "manage:exam:any",
  "assign:learning:any",
  "grade:exam-attempt:any",
  "read:exam-attempt:any",
  "read:learning-report:any",
  "read:certificate:any",
  "manage:kb-article:any",
  "manage:scenario:any",
  "score:roleplay:any",
  "read:roleplay-session:any",
  "read:roleplay-report:any",
];

/** What an inspector does all day: conversations, their queue, the workbench, disputes sent to them, calibration. */
const QA_INSPECTOR: Permission[] = [
  "view:qa-home:any",
  "read:conversation:any",
  "read:rubric:any",
  "score:qa-review:own", // only reviews assigned to them
  "read:qa-review:any",
  "resolve:dispute:own", // disputes on their own reviews
  "join:calibration:own",
  "create:coaching:any",
  "read:coaching:any",
  "read:qa-report:any",
  // Role-play transcripts are scored with QA rubrics, by trainers or inspectors.
  "score:roleplay:any",
  "read:roleplay-session:any",
];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  agent: [
    ...EVERYONE,
    "view:agent-home:own",
    "read:qa-review:own",
    "acknowledge:qa-review:own",
    "create:dispute:own",
    "read:coaching:own",
    "complete:coaching:own",
  ],
  trainer: [...EVERYONE, "view:trainer-home:any", "read:user:any", "read:team:any", ...TRAINER],
  qa_inspector: [...EVERYONE, "read:user:any", "read:team:any", ...QA_INSPECTOR],
  // 质检主管: runs the QA programme; benchmark in calibration; second instance for escalated disputes.
  qa_lead: [
    ...EVERYONE,
    "read:user:any",
    "read:team:any",
    ...QA_INSPECTOR,
    "manage:rubric:any",
    "manage:sampling-plan:any",
    "manage:calibration:any",
    "arbitrate:dispute:any",
    "read:dispute-report:any",
    "read:grader-report:any",
    "manage:kb-article:any", // 知识库管理: policies and cases the rubrics point to
  ],
  team_lead: [
    ...EVERYONE,
    "view:lead-home:team",
    "read:user:team",
    "read:team:team",
    "read:conversation:team",
    "read:qa-review:team",
    "create:coaching:team",
    "read:coaching:team",
    "read:qa-report:team",
    "assign:learning:team",
    "read:learning-report:team",
    "read:exam-attempt:team",
    "read:certificate:team",
    "read:kpi:team",
    "read:feedback-report:team",
    "choose:feedback-peers:team",
    "read:level:team",
    "decide:level:team",
    "read:roleplay-session:team",
    "read:roleplay-report:team",
    "read:leaderboard:team",
    "nominate:award:team",
    "read:ledger:team",
    "propose:ledger:team",
  ],
  manager: [
    ...EVERYONE,
    "view:manager-home:any",
    "read:user:any",
    "read:team:any",
    "read:audit-log:any",
    "read:conversation:any",
    "read:rubric:any",
    "manage:rubric:any",
    "manage:sampling-plan:any",
    "manage:calibration:any",
    "read:qa-review:any",
    "arbitrate:dispute:any",
    "read:dispute-report:any",
    "read:grader-report:any",
    "create:coaching:any",
    "read:coaching:any",
    "read:qa-report:any",
    "assign:learning:any",
    "read:learning-report:any",
    "read:exam-attempt:any",
    "read:certificate:any",
    "read:kpi:any",
    "manage:kpi:any",
    "manage:feedback-cycle:any",
    "read:feedback-report:any",
    "choose:feedback-peers:any",
    "read:level:any",
    "manage:level:any",
    "decide:level:any",
    "read:roleplay-session:any",
    "read:roleplay-report:any",
    "manage:award-program:any",
    "run:award-cycle:any",
    "nominate:award:any",
    "read:leaderboard:any",
    "manage:leaderboard:any",
    "read:ledger:any",
    "propose:ledger:any",
    "approve:ledger:any",
    "decide:ledger-appeal:any",
  ],
  admin: [
    ...EVERYONE,
    "view:admin-home:any",
    "read:user:any",
    "manage:user:any",
    "read:team:any",
    "manage:team:any",
    "read:audit-log:any",
    "read:job-run:any",
    "run:job:any",
    "import:conversation:any",
    "manage:api-token:any",
    "manage:qa-settings:any",
  ],
};

/** Where each role lands after signing in, and the order a person with several roles sees them. */
export const ROLE_HOMES: { role: RoleName; path: string; permission: Permission }[] = [
  { role: "manager", path: "/manager", permission: "view:manager-home:any" },
  { role: "team_lead", path: "/lead", permission: "view:lead-home:team" },
  { role: "qa_lead", path: "/qa", permission: "view:qa-home:any" },
  { role: "qa_inspector", path: "/qa", permission: "view:qa-home:any" },
  { role: "trainer", path: "/trainer", permission: "view:trainer-home:any" },
  { role: "admin", path: "/admin", permission: "view:admin-home:any" },
  { role: "agent", path: "/agent", permission: "view:agent-home:own" },
];

export function parsePermission(permission: Permission) {
  const [action, entity, access] = permission.split(":") as [string, string, Access];
  return { action, entity, access };
}

export function permissionsFor(roles: readonly RoleName[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return granted;
}

/** True when the granted set contains the permission at the same or a wider access level. */
export function hasPermission(granted: ReadonlySet<Permission>, permission: Permission): boolean {
  const { action, entity, access } = parsePermission(permission);
  const needed = ACCESS_LEVELS.indexOf(access);
  return ACCESS_LEVELS.slice(needed).some((level) => granted.has(`${action}:${entity}:${level}`));
}

/** The widest access level granted for action:entity, or null when none. */
export function accessLevel(granted: ReadonlySet<Permission>, action: string, entity: string): Access | null {
  for (const level of [...ACCESS_LEVELS].reverse()) {
    if (granted.has(`${action}:${entity}:${level}`)) return level;
  }
  return null;
}

export function homePathFor(roles: readonly RoleName[]): string {
  const home = ROLE_HOMES.find((entry) => roles.includes(entry.role));
  return home?.path ?? "/account";
}

/** One entry per workspace path: a QA lead who is also an inspector has one QA workspace. */
export function workspacesFor(roles: readonly RoleName[]) {
  const seen = new Set<string>();
  return ROLE_HOMES.filter((entry) => {
    if (!roles.includes(entry.role) || seen.has(entry.path)) return false;
    seen.add(entry.path);
    return true;
  });
}
