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
import { loader as trainerHomeLoader } from "~/routes/trainer._index";
import { loader as agentReviewsLoader } from "~/routes/agent.reviews._index";
import { loader as agentCoachingLoader } from "~/routes/agent.coaching._index";
import { loader as qaLoader } from "~/routes/qa._index";
import { loader as qaQueueLoader } from "~/routes/qa.queue";
import { loader as qaReviewsLoader } from "~/routes/qa.reviews._index";
import { loader as qaConversationsLoader } from "~/routes/qa.conversations._index";
import { loader as qaDisputesLoader } from "~/routes/qa.disputes._index";
import { loader as qaDisputesReportLoader } from "~/routes/qa.disputes.report";
import { loader as qaCalibrationLoader } from "~/routes/qa.calibration._index";
import { loader as qaCalibrationNewLoader } from "~/routes/qa.calibration.new";
import { loader as qaGradersLoader } from "~/routes/qa.graders";
import { loader as qaCoachingLoader } from "~/routes/qa.coaching._index";
import { loader as qaCoachingNewLoader } from "~/routes/qa.coaching.new";
import { loader as qaReportsLoader } from "~/routes/qa.reports._index";
import { loader as qaRubricsLoader } from "~/routes/qa.rubrics._index";
import { loader as qaRubricsNewLoader } from "~/routes/qa.rubrics.new";
import { loader as qaSamplingLoader } from "~/routes/qa.sampling._index";
import { loader as qaSamplingNewLoader } from "~/routes/qa.sampling.new";
import { loader as adminImportsLoader } from "~/routes/admin.imports._index";
import { loader as adminApiTokensLoader } from "~/routes/admin.api-tokens";
import { loader as adminQaSettingsLoader } from "~/routes/admin.qa-settings";
import { loader as trLearnIndexLoader } from "~/routes/learn._index";
import { loader as trLearnCatalogLoader } from "~/routes/learn.catalog";
import { loader as trLearnExamsIndexLoader } from "~/routes/learn.exams._index";
import { loader as trLearnCertificatesLoader } from "~/routes/learn.certificates";
import { loader as trKbIndexLoader } from "~/routes/kb._index";
import { loader as trKbNewLoader } from "~/routes/kb.new";
import { loader as trKbCategoriesLoader } from "~/routes/kb.categories";
import { loader as trTrainingCoursesIndexLoader } from "~/routes/training.courses._index";
import { loader as trTrainingCoursesNewLoader } from "~/routes/training.courses.new";
import { loader as trTrainingPathsIndexLoader } from "~/routes/training.paths._index";
import { loader as trTrainingPathsNewLoader } from "~/routes/training.paths.new";
import { loader as trTrainingBanksIndexLoader } from "~/routes/training.banks._index";
import { loader as trTrainingBanksNewLoader } from "~/routes/training.banks.new";
import { loader as trTrainingExamsIndexLoader } from "~/routes/training.exams._index";
import { loader as trTrainingExamsNewLoader } from "~/routes/training.exams.new";
import { loader as trTrainingGradingIndexLoader } from "~/routes/training.grading._index";
import { loader as trTrainingAssignmentsIndexLoader } from "~/routes/training.assignments._index";
import { loader as trTrainingAssignmentsNewLoader } from "~/routes/training.assignments.new";
import { loader as trTrainingProgressIndexLoader } from "~/routes/training.progress._index";
import { loader as trTrainingProgressOverdueLoader } from "~/routes/training.progress.overdue";
import { loader as trTrainingCertificatesIndexLoader } from "~/routes/training.certificates._index";
import { loader as lvLadderLoader } from "~/routes/levels._index";
import { loader as lvProposalsLoader } from "~/routes/levels.proposals._index";
import { loader as lvRosterLoader } from "~/routes/levels.people._index";
import { loader as lvMyLevelLoader } from "~/routes/performance.level";
import { loader as fbTemplatesLoader } from "~/routes/feedback.templates._index";
import { loader as fbTemplatesNewLoader } from "~/routes/feedback.templates.new";
import { loader as fbCyclesLoader } from "~/routes/feedback.cycles._index";
import { loader as fbCyclesNewLoader } from "~/routes/feedback.cycles.new";
import { loader as fbReportsLoader } from "~/routes/feedback.reports._index";
import { loader as fbMineLoader } from "~/routes/performance.feedback._index";
import { loader as kpiTeamLoader } from "~/routes/kpi._index";
import { loader as kpiDefinitionsLoader } from "~/routes/kpi.definitions._index";
import { loader as kpiDefinitionsNewLoader } from "~/routes/kpi.definitions.new";
import { loader as kpiSettingsLoader } from "~/routes/kpi.settings";
import { loader as kpiMineLoader } from "~/routes/performance.kpi._index";
import { loader as rpMineLoader } from "~/routes/learn.roleplay._index";
import { loader as rpScenariosLoader } from "~/routes/training.scenarios._index";
import { loader as rpScenariosNewLoader } from "~/routes/training.scenarios.new";
import { loader as rpReviewsLoader } from "~/routes/training.roleplay.reviews._index";
import { loader as rpProgressLoader } from "~/routes/training.roleplay.progress";
import { loader as ldListLoader } from "~/routes/ledger._index";
import { loader as ldNewLoader } from "~/routes/ledger.new";
import { loader as ldExportLoader } from "~/routes/ledger.export[.csv]";
import { loader as ldAppealsLoader } from "~/routes/ledger.appeals._index";
import { loader as ldMineLoader } from "~/routes/performance.ledger._index";
import { loader as awProgramsLoader } from "~/routes/awards.programs._index";
import { loader as awProgramsNewLoader } from "~/routes/awards.programs.new";
import { loader as awCyclesLoader } from "~/routes/awards.cycles._index";
import { loader as awNominationsLoader } from "~/routes/awards.nominations";
import { loader as awSettingsLoader } from "~/routes/awards.settings";
import { loader as awHonoursLoader } from "~/routes/honours._index";
import { loader as awLeaderboardLoader } from "~/routes/leaderboard";
import { loader as awMyRankLoader } from "~/routes/performance.rank";
import { buildRequest, callRoute, signInAs } from "../support/auth";

type Loader = Parameters<typeof callRoute>[0];

const ROUTES: { path: string; loader: Loader; allowed: readonly RoleName[] }[] = [
  { path: "/agent", loader: agentHomeLoader as Loader, allowed: ["agent"] },
  { path: "/trainer", loader: trainerHomeLoader as Loader, allowed: ["trainer"] },
  { path: "/lead", loader: leadHomeLoader as Loader, allowed: ["team_lead"] },
  { path: "/manager", loader: managerHomeLoader as Loader, allowed: ["manager"] },
  { path: "/admin", loader: adminHomeLoader as Loader, allowed: ["admin"] },
  { path: "/admin/users", loader: adminUsersLoader as Loader, allowed: ["admin"] },
  { path: "/admin/users/new", loader: adminNewUserLoader as Loader, allowed: ["admin"] },
  { path: "/admin/users/import", loader: adminImportLoader as Loader, allowed: ["admin"] },
  { path: "/admin/teams", loader: adminTeamsLoader as Loader, allowed: ["admin"] },
  { path: "/admin/audit", loader: adminAuditLoader as Loader, allowed: ["manager", "admin"] },
  { path: "/admin/jobs", loader: adminJobsLoader as Loader, allowed: ["admin"] },
  { path: "/agent/reviews", loader: agentReviewsLoader as Loader, allowed: ["agent"] },
  { path: "/agent/coaching", loader: agentCoachingLoader as Loader, allowed: ["agent"] },
  { path: "/qa", loader: qaLoader as Loader, allowed: ["qa_inspector", "qa_lead"] },
  { path: "/qa/queue", loader: qaQueueLoader as Loader, allowed: ["qa_inspector", "qa_lead"] },
  {
    path: "/qa/reviews",
    loader: qaReviewsLoader as Loader,
    allowed: ["qa_inspector", "qa_lead", "team_lead", "manager"],
  },
  {
    path: "/qa/conversations",
    loader: qaConversationsLoader as Loader,
    allowed: ["qa_inspector", "qa_lead", "team_lead", "manager"],
  },
  { path: "/qa/disputes", loader: qaDisputesLoader as Loader, allowed: ["qa_inspector", "qa_lead", "manager"] },
  { path: "/qa/disputes/report", loader: qaDisputesReportLoader as Loader, allowed: ["qa_lead", "manager"] },
  { path: "/qa/calibration", loader: qaCalibrationLoader as Loader, allowed: ["qa_inspector", "qa_lead", "manager"] },
  { path: "/qa/calibration/new", loader: qaCalibrationNewLoader as Loader, allowed: ["qa_lead", "manager"] },
  { path: "/qa/graders", loader: qaGradersLoader as Loader, allowed: ["qa_lead", "manager"] },
  {
    path: "/qa/coaching",
    loader: qaCoachingLoader as Loader,
    allowed: ["qa_inspector", "qa_lead", "team_lead", "manager"],
  },
  {
    path: "/qa/coaching/new",
    loader: qaCoachingNewLoader as Loader,
    allowed: ["qa_inspector", "qa_lead", "team_lead", "manager"],
  },
  {
    path: "/qa/reports",
    loader: qaReportsLoader as Loader,
    allowed: ["qa_inspector", "qa_lead", "team_lead", "manager"],
  },
  { path: "/qa/rubrics", loader: qaRubricsLoader as Loader, allowed: ["qa_inspector", "qa_lead", "manager"] },
  { path: "/qa/rubrics/new", loader: qaRubricsNewLoader as Loader, allowed: ["qa_lead", "manager"] },
  { path: "/qa/sampling", loader: qaSamplingLoader as Loader, allowed: ["qa_lead", "manager"] },
  { path: "/qa/sampling/new", loader: qaSamplingNewLoader as Loader, allowed: ["qa_lead", "manager"] },
  { path: "/admin/imports", loader: adminImportsLoader as Loader, allowed: ["admin"] },
  { path: "/admin/api-tokens", loader: adminApiTokensLoader as Loader, allowed: ["admin"] },
  { path: "/admin/qa-settings", loader: adminQaSettingsLoader as Loader, allowed: ["admin"] },
  { path: "/learn", loader: trLearnIndexLoader as Loader, allowed: ROLES },
  { path: "/learn/catalog", loader: trLearnCatalogLoader as Loader, allowed: ROLES },
  { path: "/learn/exams", loader: trLearnExamsIndexLoader as Loader, allowed: ROLES },
  { path: "/learn/certificates", loader: trLearnCertificatesLoader as Loader, allowed: ROLES },
  { path: "/kb", loader: trKbIndexLoader as Loader, allowed: ROLES },
  { path: "/kb/new", loader: trKbNewLoader as Loader, allowed: ["trainer", "qa_lead"] },
  { path: "/kb/categories", loader: trKbCategoriesLoader as Loader, allowed: ["trainer", "qa_lead"] },
  { path: "/training/courses", loader: trTrainingCoursesIndexLoader as Loader, allowed: ["trainer"] },
  { path: "/training/courses/new", loader: trTrainingCoursesNewLoader as Loader, allowed: ["trainer"] },
  { path: "/training/paths", loader: trTrainingPathsIndexLoader as Loader, allowed: ["trainer"] },
  { path: "/training/paths/new", loader: trTrainingPathsNewLoader as Loader, allowed: ["trainer"] },
  { path: "/training/banks", loader: trTrainingBanksIndexLoader as Loader, allowed: ["trainer"] },
  { path: "/training/banks/new", loader: trTrainingBanksNewLoader as Loader, allowed: ["trainer"] },
  { path: "/training/exams", loader: trTrainingExamsIndexLoader as Loader, allowed: ["trainer"] },
  { path: "/training/exams/new", loader: trTrainingExamsNewLoader as Loader, allowed: ["trainer"] },
  { path: "/training/grading", loader: trTrainingGradingIndexLoader as Loader, allowed: ["trainer"] },
  {
    path: "/training/assignments",
    loader: trTrainingAssignmentsIndexLoader as Loader,
    allowed: ["trainer", "team_lead", "manager"],
  },
  {
    path: "/training/assignments/new",
    loader: trTrainingAssignmentsNewLoader as Loader,
    allowed: ["trainer", "team_lead", "manager"],
  },
  {
    path: "/training/progress",
    loader: trTrainingProgressIndexLoader as Loader,
    allowed: ["trainer", "team_lead", "manager"],
  },
  {
    path: "/training/progress/overdue",
    loader: trTrainingProgressOverdueLoader as Loader,
    allowed: ["trainer", "team_lead", "manager"],
  },
  {
    path: "/training/certificates",
    loader: trTrainingCertificatesIndexLoader as Loader,
    allowed: ["trainer", "team_lead", "manager"],
  },
  { path: "/levels", loader: lvLadderLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/levels/proposals", loader: lvProposalsLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/levels/people", loader: lvRosterLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/performance/level", loader: lvMyLevelLoader as Loader, allowed: ROLES },
  { path: "/feedback/templates", loader: fbTemplatesLoader as Loader, allowed: ["manager"] },
  { path: "/feedback/templates/new", loader: fbTemplatesNewLoader as Loader, allowed: ["manager"] },
  { path: "/feedback/cycles", loader: fbCyclesLoader as Loader, allowed: ["manager"] },
  { path: "/feedback/cycles/new", loader: fbCyclesNewLoader as Loader, allowed: ["manager"] },
  { path: "/feedback/reports", loader: fbReportsLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/performance/feedback", loader: fbMineLoader as Loader, allowed: ROLES },
  { path: "/kpi", loader: kpiTeamLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/kpi/definitions", loader: kpiDefinitionsLoader as Loader, allowed: ["manager"] },
  { path: "/kpi/definitions/new", loader: kpiDefinitionsNewLoader as Loader, allowed: ["manager"] },
  { path: "/kpi/settings", loader: kpiSettingsLoader as Loader, allowed: ["manager"] },
  { path: "/performance/kpi", loader: kpiMineLoader as Loader, allowed: ROLES },
  { path: "/learn/roleplay", loader: rpMineLoader as Loader, allowed: ROLES },
  { path: "/training/scenarios", loader: rpScenariosLoader as Loader, allowed: ["trainer"] },
  { path: "/training/scenarios/new", loader: rpScenariosNewLoader as Loader, allowed: ["trainer"] },
  {
    path: "/training/roleplay/reviews",
    loader: rpReviewsLoader as Loader,
    allowed: ["trainer", "qa_inspector", "qa_lead"],
  },
  {
    path: "/training/roleplay/progress",
    loader: rpProgressLoader as Loader,
    allowed: ["trainer", "team_lead", "manager"],
  },
  { path: "/ledger", loader: ldListLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/ledger/new", loader: ldNewLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/ledger/export.csv", loader: ldExportLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/ledger/appeals", loader: ldAppealsLoader as Loader, allowed: ["manager"] },
  { path: "/performance/ledger", loader: ldMineLoader as Loader, allowed: ROLES },
  { path: "/awards/programs", loader: awProgramsLoader as Loader, allowed: ["manager"] },
  { path: "/awards/programs/new", loader: awProgramsNewLoader as Loader, allowed: ["manager"] },
  { path: "/awards/cycles", loader: awCyclesLoader as Loader, allowed: ["manager"] },
  { path: "/awards/nominations", loader: awNominationsLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/awards/settings", loader: awSettingsLoader as Loader, allowed: ["manager"] },
  { path: "/honours", loader: awHonoursLoader as Loader, allowed: ROLES },
  { path: "/leaderboard", loader: awLeaderboardLoader as Loader, allowed: ["team_lead", "manager"] },
  { path: "/performance/rank", loader: awMyRankLoader as Loader, allowed: ROLES },
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
