import { hasPermission, type Permission } from "./permissions";

/** `permission`: the item shows when the user holds it, or any of them when several are given. */
export type NavItem = {
  to: string;
  labelKey: string;
  icon: string;
  permission: Permission | Permission[];
  end?: boolean;
};
export type NavSection = { titleKey: string; items: NavItem[] };

/** The sidebar, by workspace. Items the user lacks the permission for are removed on the server. */
export const NAVIGATION: NavSection[] = [
  {
    titleKey: "nav.sections.agent",
    items: [
      { to: "/agent", labelKey: "nav.agentHome", icon: "home", permission: "view:agent-home:own", end: true },
      { to: "/agent/reviews", labelKey: "nav.myReviews", icon: "check", permission: "acknowledge:qa-review:own" },
      { to: "/agent/coaching", labelKey: "nav.myCoaching", icon: "book", permission: "complete:coaching:own" },
    ],
  },
  {
    titleKey: "nav.sections.learning",
    items: [
      { to: "/learn", labelKey: "nav.myLearning", icon: "book", permission: "learn:course:own", end: true },
      { to: "/learn/catalog", labelKey: "nav.catalog", icon: "list", permission: "learn:course:own" },
      { to: "/learn/exams", labelKey: "nav.myExams", icon: "clipboard", permission: "take:exam:own" },
      { to: "/learn/certificates", labelKey: "nav.myCertificates", icon: "flag", permission: "read:certificate:own" },
      { to: "/learn/roleplay", labelKey: "nav.myRolePlay", icon: "users", permission: "play:scenario:own" },
      { to: "/kb", labelKey: "nav.knowledgeBase", icon: "search", permission: "read:kb-article:any" },
    ],
  },
  {
    titleKey: "nav.sections.trainer",
    items: [
      { to: "/trainer", labelKey: "nav.trainerHome", icon: "book", permission: "view:trainer-home:any", end: true },
      { to: "/training/courses", labelKey: "nav.courses", icon: "book", permission: "manage:course:any" },
      { to: "/training/paths", labelKey: "nav.paths", icon: "list", permission: "manage:learning-path:any" },
      { to: "/training/banks", labelKey: "nav.banks", icon: "clipboard", permission: "manage:question-bank:any" },
      { to: "/training/exams", labelKey: "nav.exams", icon: "check", permission: "manage:exam:any" },
      { to: "/training/grading", labelKey: "nav.grading", icon: "check", permission: "grade:exam-attempt:any" },
      { to: "/training/scenarios", labelKey: "nav.scenarios", icon: "users", permission: "manage:scenario:any" },
      {
        to: "/training/roleplay/reviews",
        labelKey: "nav.rolePlayReviews",
        icon: "check",
        permission: "score:roleplay:any",
      },
      {
        to: "/training/roleplay/progress",
        labelKey: "nav.rolePlayProgress",
        icon: "chart",
        permission: "read:roleplay-report:team",
      },
      { to: "/training/assignments", labelKey: "nav.assignments", icon: "users", permission: "assign:learning:team" },
      {
        to: "/training/progress",
        labelKey: "nav.learningProgress",
        icon: "chart",
        permission: "read:learning-report:team",
      },
      { to: "/training/certificates", labelKey: "nav.certificates", icon: "flag", permission: "read:certificate:team" },
    ],
  },
  {
    titleKey: "nav.sections.performance",
    items: [
      { to: "/performance/kpi", labelKey: "nav.myKpis", icon: "chart", permission: "read:kpi:own" },
      { to: "/performance/feedback", labelKey: "nav.myFeedback", icon: "users", permission: "rate:feedback:own" },
      { to: "/performance/level", labelKey: "nav.myLevel", icon: "flag", permission: "read:level:own" },
      { to: "/performance/rank", labelKey: "nav.myRank", icon: "chart", permission: "read:leaderboard:own" },
      { to: "/performance/ledger", labelKey: "nav.myLedger", icon: "list", permission: "read:ledger:own" },
      { to: "/honours", labelKey: "nav.honourRoll", icon: "flag", permission: "read:honour-roll:any" },
    ],
  },
  {
    titleKey: "nav.sections.lead",
    items: [
      { to: "/lead", labelKey: "nav.leadHome", icon: "users", permission: "view:lead-home:team", end: true },
      { to: "/kpi", labelKey: "nav.teamKpis", icon: "chart", permission: "read:kpi:team", end: true },
      {
        to: "/feedback/reports",
        labelKey: "nav.feedbackReports",
        icon: "list",
        permission: "read:feedback-report:team",
      },
      { to: "/levels/proposals", labelKey: "nav.levelProposals", icon: "check", permission: "decide:level:team" },
      { to: "/leaderboard", labelKey: "nav.leaderboard", icon: "chart", permission: "read:leaderboard:team" },
      { to: "/awards/nominations", labelKey: "nav.awardNominations", icon: "flag", permission: "nominate:award:team" },
      { to: "/ledger", labelKey: "nav.ledger", icon: "list", permission: "read:ledger:team", end: true },
    ],
  },
  {
    titleKey: "nav.sections.manager",
    items: [
      { to: "/manager", labelKey: "nav.managerHome", icon: "chart", permission: "view:manager-home:any", end: true },
      { to: "/kpi/definitions", labelKey: "nav.kpiDefinitions", icon: "settings", permission: "manage:kpi:any" },
      {
        to: "/feedback/cycles",
        labelKey: "nav.feedbackCycles",
        icon: "clock",
        permission: "manage:feedback-cycle:any",
      },
      {
        to: "/feedback/templates",
        labelKey: "nav.feedbackTemplates",
        icon: "clipboard",
        permission: "manage:feedback-cycle:any",
      },
      { to: "/levels", labelKey: "nav.levels", icon: "flag", permission: "read:level:team", end: true },
      { to: "/awards/cycles", labelKey: "nav.awardCycles", icon: "flag", permission: "run:award-cycle:any" },
      {
        to: "/awards/programs",
        labelKey: "nav.awardPrograms",
        icon: "settings",
        permission: "manage:award-program:any",
      },
      { to: "/ledger/appeals", labelKey: "nav.ledgerAppeals", icon: "alert", permission: "decide:ledger-appeal:any" },
    ],
  },
  {
    titleKey: "nav.sections.qa",
    items: [
      { to: "/qa", labelKey: "nav.qaHome", icon: "check", permission: "view:qa-home:any", end: true },
      { to: "/qa/queue", labelKey: "nav.qaQueue", icon: "list", permission: "score:qa-review:own" },
      { to: "/qa/conversations", labelKey: "nav.conversations", icon: "search", permission: "read:conversation:team" },
      { to: "/qa/reviews", labelKey: "nav.qaReviews", icon: "check", permission: "read:qa-review:team" },
      {
        to: "/qa/disputes",
        labelKey: "nav.disputes",
        icon: "alert",
        permission: ["resolve:dispute:own", "arbitrate:dispute:any"],
      },
      {
        to: "/qa/calibration",
        labelKey: "nav.calibration",
        icon: "users",
        permission: ["join:calibration:own", "manage:calibration:any"],
      },
      { to: "/qa/graders", labelKey: "nav.graders", icon: "flag", permission: "read:grader-report:any" },
      { to: "/qa/coaching", labelKey: "nav.coaching", icon: "book", permission: "read:coaching:team" },
      { to: "/qa/reports", labelKey: "nav.qaReports", icon: "chart", permission: "read:qa-report:team" },
      { to: "/qa/rubrics", labelKey: "nav.rubrics", icon: "clipboard", permission: "read:rubric:any" },
      { to: "/qa/sampling", labelKey: "nav.sampling", icon: "clock", permission: "manage:sampling-plan:any" },
    ],
  },
  {
    titleKey: "nav.sections.admin",
    items: [
      { to: "/admin", labelKey: "nav.adminHome", icon: "shield", permission: "view:admin-home:any", end: true },
      { to: "/admin/users", labelKey: "nav.users", icon: "user", permission: "manage:user:any" },
      { to: "/admin/teams", labelKey: "nav.teams", icon: "users", permission: "manage:team:any" },
      { to: "/admin/audit", labelKey: "nav.audit", icon: "list", permission: "read:audit-log:any" },
      { to: "/admin/jobs", labelKey: "nav.jobs", icon: "clock", permission: "read:job-run:any" },
      { to: "/admin/imports", labelKey: "nav.imports", icon: "upload", permission: "import:conversation:any" },
      { to: "/admin/api-tokens", labelKey: "nav.apiTokens", icon: "key", permission: "manage:api-token:any" },
      { to: "/admin/qa-settings", labelKey: "nav.qaSettings", icon: "settings", permission: "manage:qa-settings:any" },
    ],
  },
];

export function navigationFor(granted: ReadonlySet<Permission>): NavSection[] {
  return NAVIGATION.map((section) => ({
    titleKey: section.titleKey,
    items: section.items.filter((item) =>
      (Array.isArray(item.permission) ? item.permission : [item.permission]).some((permission) =>
        hasPermission(granted, permission),
      ),
    ),
  })).filter((section) => section.items.length > 0);
}
