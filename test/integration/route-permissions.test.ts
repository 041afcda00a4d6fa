/**
 * The route × role matrix: every protected page's loader, called as each role, answers 200 for the
 * roles that should reach it and 403 for everyone else; signed-out visitors are sent to /login.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type RoleName } from "~/modules/identity/permissions";
import { loader as accountLoader } from "~/routes/account";
import { loader as adminAuditLoader } from "~/routes/admin.audit";
import { loader as adminHomeLoader } from "~/routes/admin._index";
import { loader as adminJobsLoader } from "~/routes/admin.jobs._index";
import { loader as adminTeamsLoader } from "~/routes/admin.teams._index";
import { loader as adminUsersLoader } from "~/routes/admin.users._index";
import { loader as adminImportLoader } from "~/routes/admin.users.import";
import { loader as adminNewUserLoader } from "~/routes/admin.users.new";
import { loader as agentHomeLoader } from "~/routes/agent._index";
import { loader as leadHomeLoader } from "~/routes/lead._index";
import { loader as managerHomeLoader } from "~/routes/manager._index";
import { loader as notificationsLoader } from "~/routes/notifications";
import { loader as qaHomeLoader } from "~/routes/qa._index";
import { loader as trainerHomeLoader } from "~/routes/trainer._index";
import { buildRequest, callRoute, signInAs } from "../support/auth";

type Loader = Parameters<typeof callRoute>[0];

const ROUTES: { path: string; loader: Loader; allowed: readonly RoleName[] }[] = [
  { path: "/agent", loader: agentHomeLoader as Loader, allowed: ["agent"] },
  { path: "/trainer", loader: trainerHomeLoader as Loader, allowed: ["trainer"] },
  { path: "/qa", loader: qaHomeLoader as Loader, allowed: ["qa_inspector"] },
  { path: "/lead", loader: leadHomeLoader as Loader, allowed: ["team_lead"] },
  { path: "/manager", loader: managerHomeLoader as Loader, allowed: ["manager"] },
  { path: "/admin", loader: adminHomeLoader as Loader, allowed: ["admin"] },
  { path: "/admin/users", loader: adminUsersLoader as Loader, allowed: ["admin"] },
  { path: "/admin/users/new", loader: adminNewUserLoader as Loader, allowed: ["admin"] },
  { path: "/admin/users/import", loader: adminImportLoader as Loader, allowed: ["admin"] },
  { path: "/admin/teams", loader: adminTeamsLoader as Loader, allowed: ["admin"] },
  { path: "/admin/audit", loader: adminAuditLoader as Loader, allowed: ["manager", "admin"] },
  { path: "/admin/jobs", loader: adminJobsLoader as Loader, allowed: ["admin"] },
  { path: "/account", loader: accountLoader as Loader, allowed: ROLES },
  { path: "/notifications", loader: notificationsLoader as Loader, allowed: ROLES },
];

const cookies = {} as Record<RoleName, string>;

beforeAll(async () => {
  for (const role of ROLES) cookies[role] = (await signInAs(role)).cookie;
});

describe.each(ROUTES)("$path", ({ path, loader, allowed }) => {
  it.each(ROLES)("as %s", async (role) => {
    const result = await callRoute(loader, buildRequest(path, { cookie: cookies[role] }));
    expect(result.status).toBe(allowed.includes(role) ? 200 : 403);
  });

  it("sends signed-out visitors to /login with a way back", async () => {
    const result = await callRoute(loader, buildRequest(path));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`);
  });
});
