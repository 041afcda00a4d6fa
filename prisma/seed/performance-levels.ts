/**
 * Skill levels for the demo. seedLevelLadder (first performance step): syncs content/levels/ladder.yaml and places
 * people believably — the manager at M3, team leads at M1, agents by tenure (under 6 months P1, under 18 months
 * P2, under 3 years P3, longer P4) — each with an initial LevelHistory row. seedLevelEvaluation (last step, after
 * the KPI snapshots and 360 scores it reads): runs the monthly evaluation for the last complete month, so leads
 * find promotion proposals with evidence in 晋升审批.
 *
 * Idempotent: the sync only creates missing levels, only people without a level and without history are placed,
 * and the evaluation creates each person's proposal for a month once.
 */
import path from "node:path";
import { evaluateLevels } from "~/modules/levels/evaluate.server";
import { describeLadderSync, syncLadder } from "~/modules/levels/ladder-sync.server";
import { tenureMonths } from "~/modules/org/tenure";
import { db } from "~/utils/db.server";

const LADDER_FILE = path.resolve(import.meta.dirname, "../../content/levels/ladder.yaml");
const PLACEMENT_REASON = "等级体系上线，按岗位与司龄初始定级";

/** Agents' starting rank by whole months of service. */
export function agentCodeForTenure(months: number): string {
  if (months < 6) return "P1";
  if (months < 18) return "P2";
  if (months < 36) return "P3";
  return "P4";
}

export async function seedLevelLadder(now = new Date()): Promise<string> {
  const report = await syncLadder(LADDER_FILE);
  if (report.errors.length > 0) throw new Error(`levels:\n  ${report.errors.join("\n  ")}`);
  const levels = new Map(
    (await db.skillLevel.findMany({ select: { id: true, code: true } })).map((l) => [l.code, l.id]),
  );
  const people = await db.user.findMany({
    where: {
      status: "active",
      levelId: null,
      levelHistory: { none: {} },
      roles: { some: { role: { in: ["agent", "team_lead", "manager"] } } },
    },
    orderBy: { externalId: "asc" },
    select: { id: true, hireDate: true, roles: { select: { role: true } } },
  });
  // The ladder went live at the start of this year; people hired later were placed on their first day.
  const introduced = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  let placed = 0;
  await db.$transaction(async (tx) => {
    for (const person of people) {
      const roles = new Set(person.roles.map((entry) => entry.role));
      const code = roles.has("manager")
        ? "M3"
        : roles.has("team_lead")
          ? "M1"
          : agentCodeForTenure(person.hireDate ? tenureMonths(person.hireDate, now) : 0);
      const levelId = levels.get(code);
      if (!levelId) continue;
      const changedAt = person.hireDate && person.hireDate > introduced ? person.hireDate : introduced;
      await tx.user.update({ where: { id: person.id }, data: { levelId } });
      await tx.levelHistory.create({
        data: { userId: person.id, toLevelId: levelId, reason: PLACEMENT_REASON, changedAt },
      });
      placed += 1;
    }
  });
  return `${describeLadderSync(report)}; ${placed} people placed`;
}

export async function seedLevelEvaluation(now = new Date()): Promise<string> {
  const summary = await evaluateLevels({ now });
  const pending = await db.levelProposal.count({ where: { status: "pending" } });
  return `level evaluation ${summary.month.slice(0, 7)}: ${summary.evaluated} people, ${summary.created} new proposals (${pending} pending)`;
}
