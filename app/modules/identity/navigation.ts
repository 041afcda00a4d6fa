import { hasPermission, type Permission } from "./permissions";

export type NavItem = { to: string; labelKey: string; icon: string; permission: Permission; end?: boolean };
export type NavSection = { titleKey: string; items: NavItem[] };

/** The sidebar, by workspace. Items the user lacks the permission for are removed on the server. */
export const NAVIGATION: NavSection[] = [
  {
    titleKey: "nav.sections.agent",
    items: [{ to: "/agent", labelKey: "nav.agentHome", icon: "home", permission: "view:agent-home:own", end: true }],
  },
  {
    titleKey: "nav.sections.trainer",
    items: [
      { to: "/trainer", labelKey: "nav.trainerHome", icon: "book", permission: "view:trainer-home:any", end: true },
    ],
  },
  {
    titleKey: "nav.sections.qa",
    items: [{ to: "/qa", labelKey: "nav.qaHome", icon: "check", permission: "view:qa-home:any", end: true }],
  },
  {
    titleKey: "nav.sections.lead",
    items: [{ to: "/lead", labelKey: "nav.leadHome", icon: "users", permission: "view:lead-home:team", end: true }],
  },
  {
    titleKey: "nav.sections.manager",
    items: [
      { to: "/manager", labelKey: "nav.managerHome", icon: "chart", permission: "view:manager-home:any", end: true },
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
    ],
  },
];

export function navigationFor(granted: ReadonlySet<Permission>): NavSection[] {
  return NAVIGATION.map((section) => ({
    titleKey: section.titleKey,
    items: section.items.filter((item) => hasPermission(granted, item.permission)),
  })).filter((section) => section.items.length > 0);
}
