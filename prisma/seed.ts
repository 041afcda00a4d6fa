/**
 * Builds the demo organisation from content/ (idempotent: running it again changes nothing).
 * Usage: npm run db:seed
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { importUsers } from "~/modules/admin/user-import.server";
import { notify } from "~/modules/notifications/notifications.server";
import { closeDatabase, db } from "~/utils/db.server";
import { seedQaCalibration } from "./seed/qa-calibration";
import { seedQaCoaching } from "./seed/qa-coaching";
import { seedQaConversations } from "./seed/qa-conversations";
import { seedQaDisputes } from "./seed/qa-disputes";
import { seedQaReviews } from "./seed/qa-reviews";
import { seedQaRubrics } from "./seed/qa-rubrics";
import { seedQaSampling } from "./seed/qa-sampling";
import { seedAssignments } from "./seed/training-assignments";
import { seedExamAttempts } from "./seed/training-attempts";
import { seedQuestionBanks } from "./seed/training-banks";
import { seedTrainingCourses } from "./seed/training-courses";
import { seedExams } from "./seed/training-exams";
import { seedKnowledgeBase } from "./seed/training-kb";
import { seedTrainingProgress } from "./seed/training-progress";
import { seedFeedback } from "./seed/performance-feedback";
import { seedKpis } from "./seed/performance-kpi";
import { seedLevelEvaluation, seedLevelLadder } from "./seed/performance-levels";
import { seedAwardPrograms, seedLeaderboards } from "./seed/incentives-awards";
import { seedAwardCycles } from "./seed/incentives-cycles";
import { seedLedger } from "./seed/incentives-ledger";
import { seedScenarios } from "./seed/training-roleplay";
import { seedRolePlaySessions } from "./seed/training-roleplay-sessions";
import { linkDemoCoachingScenario } from "./seed/training-roleplay-coaching";

export const DEMO_PASSWORD = "Demo@2026";
const CONTENT_DIR = path.resolve(import.meta.dirname, "../content");

const TeamsFile = z.object({
  teams: z.array(z.object({ code: z.string(), name: z.string(), description: z.string(), lead: z.string() })),
});

export const DEMO_LOGINS = [
  { role: "admin", externalId: "SYS001" },
  { role: "manager", externalId: "M001" },
  { role: "team_lead", externalId: "L201" },
  { role: "qa_lead", externalId: "Q001" },
  { role: "qa_inspector", externalId: "Q002" },
  { role: "trainer", externalId: "T001" },
  { role: "agent", externalId: "A2003" },
] as const;

async function seedTeams() {
  const { teams } = TeamsFile.parse(parseYaml(readFileSync(path.join(CONTENT_DIR, "org/teams.yaml"), "utf8")));
  for (const team of teams) {
    await db.team.upsert({
      where: { code: team.code },
      create: { code: team.code, name: team.name, description: team.description },
      update: { name: team.name, description: team.description },
    });
  }
  return teams;
}

async function assignLeads(teams: z.infer<typeof TeamsFile>["teams"]) {
  for (const team of teams) {
    const lead = await db.user.findUnique({ where: { externalId: team.lead }, select: { id: true } });
    if (!lead) throw new Error(`teams.yaml: lead ${team.lead} of ${team.code} is not in users.csv`);
    await db.team.update({ where: { code: team.code }, data: { leadId: lead.id } });
  }
}

async function welcomeNewUsers() {
  const users = await db.user.findMany({
    where: { notifications: { none: { kind: "welcome" } } },
    select: { id: true, team: { select: { name: true } } },
  });
  await notify(
    users.map((user) => ({
      userId: user.id,
      kind: "welcome",
      params: { team: user.team?.name ?? "服务力" },
      link: "/account",
    })),
  );
  return users.length;
}

export async function seed() {
  const teams = await seedTeams();
  const csv = readFileSync(path.join(CONTENT_DIR, "org/users.csv"), "utf8");
  const imported = await importUsers(csv, { id: null, ipAddress: "seed" }, { initialPassword: DEMO_PASSWORD });
  if (imported.errors.length > 0) {
    throw new Error(
      `content/org/users.csv has errors:\n${imported.errors.map((e) => `  line ${e.line}: ${e.message} ${e.value ?? ""}`).join("\n")}`,
    );
  }
  await assignLeads(teams);
  const welcomed = await welcomeNewUsers();
  // Rubric criteria point at knowledge-base articles, so the knowledge base comes before QA.
  const knowledgeBase = await seedKnowledgeBase();
  const qa = await seedQualityInspection();
  const training = await seedTraining();
  const performance = await seedPerformance();
  const incentives = await seedIncentives();
  return {
    teams: teams.length,
    ...imported,
    welcomed,
    qa: [knowledgeBase, ...qa, ...training, ...performance, ...incentives],
  };
}

/**
 * Performance after QA and training, which it reads: the level ladder → 360 templates and cycles → KPI snapshots
 * (conversations, reviews, exams, 360 scores) → levels held and the monthly evaluation's proposals (reads KPIs).
 */
async function seedPerformance(): Promise<string[]> {
  const steps: (() => Promise<string>)[] = [
    () => seedLevelLadder(),
    seedFeedback,
    () => seedKpis(),
    () => seedLevelEvaluation(),
  ];
  const lines: string[] = [];
  for (const step of steps) lines.push(await step());
  return lines;
}

/** Incentives read KPI snapshots: programmes → cycles (computed, reviewed, published) → boards → the ledger. */
async function seedIncentives(): Promise<string[]> {
  const steps = [seedAwardPrograms, seedAwardCycles, seedLeaderboards, seedLedger];
  const lines: string[] = [];
  for (const step of steps) lines.push(await step());
  return lines;
}

/** Courses and paths → banks, role-play scenarios and exams → who must learn what → what they have done → how they did in exams. */
async function seedTraining(): Promise<string[]> {
  const steps = [
    () => seedTrainingCourses(),
    seedQuestionBanks,
    seedScenarios, // before the exams that use a scenario as a practical item
    seedExams,
    seedAssignments,
    seedTrainingProgress,
    seedExamAttempts,
    seedRolePlaySessions,
    linkDemoCoachingScenario, // after the QA coaching tasks and the scenarios
  ];
  const lines: string[] = [];
  for (const step of steps) lines.push(await step());
  return lines;
}

/** The QA story in dependency order: each step reads what the previous ones wrote. Each step is idempotent. */
async function seedQualityInspection(): Promise<string[]> {
  const steps = [
    seedQaRubrics,
    seedQaConversations,
    seedQaSampling,
    seedQaReviews,
    seedQaDisputes,
    seedQaCalibration,
    seedQaCoaching,
  ];
  const lines: string[] = [];
  for (const step of steps) lines.push(await step());
  return lines;
}

export function printDemoLogins(baseUrl?: string) {
  const lines = [
    "",
    "Demo logins (password for all: " + DEMO_PASSWORD + ")",
    ...DEMO_LOGINS.map((login) => `  ${login.role.padEnd(13)} ${login.externalId}`),
  ];
  if (baseUrl) lines.push("", `Open ${baseUrl}`);
  console.log(lines.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seed()
    .then((result) => {
      console.log(
        `Seeded ${result.teams} teams; users: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged; ${result.welcomed} welcome notifications.`,
      );
      for (const line of result.qa) console.log(line);
      printDemoLogins();
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => closeDatabase());
}
