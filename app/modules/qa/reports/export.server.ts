/** CSV exports of the report tables, for the same filters the page shows (every row, not one page). */
import type { TFunction } from "i18next";
import { csvDocument, type CsvValue } from "~/utils/csv";
import type { ExportType, ReportFilter } from "./filters";
import { percent, round } from "./rates";
import {
  agentTable,
  criterionTable,
  inspectorTable,
  redLineIncidents,
  teamTable,
  type ReportScope,
} from "./reports.server";

const score = (value: number | null) => (value === null ? null : round(value, 2));

export async function buildReportCsv(type: ExportType, filter: ReportFilter, scope: ReportScope, t: TFunction) {
  const c = (key: string) => t(`columns.${key}`);
  let header: string[];
  let rows: CsvValue[][];
  switch (type) {
    case "agents": {
      const { rows: agents } = await agentTable(filter, scope, { sort: "name", dir: "asc" });
      header = [
        c("externalId"),
        c("agent"),
        c("team"),
        c("reviews"),
        c("averageScore"),
        c("passRatePercent"),
        c("redLines"),
      ];
      rows = agents.map((row) => [
        row.externalId,
        row.name,
        row.teamName,
        row.reviews,
        score(row.averageScore),
        percent(row.passRate, 2),
        row.redLines,
      ]);
      break;
    }
    case "teams": {
      const teams = await teamTable(filter, scope);
      header = [c("team"), c("agents"), c("reviews"), c("averageScore"), c("passRatePercent"), c("redLines")];
      rows = teams.map((row) => [
        row.teamName ?? t("noTeam"),
        row.agents,
        row.reviews,
        score(row.averageScore),
        percent(row.passRate, 2),
        row.redLines,
      ]);
      break;
    }
    case "criteria": {
      const criteria = await criterionTable(filter, scope);
      header = [
        c("criterionKey"),
        c("criterion"),
        c("redLine"),
        c("rated"),
        c("criterionScorePercent"),
        c("failed"),
        c("failRatePercent"),
      ];
      rows = criteria.map((row) => [
        row.key,
        row.name,
        row.critical ? t("yes") : t("no"),
        row.rated,
        percent(row.averageScore, 2),
        row.failed,
        percent(row.failRate, 2),
      ]);
      break;
    }
    case "inspectors": {
      const inspectors = await inspectorTable(filter, scope);
      header = [c("externalId"), c("inspector"), c("reviews"), c("perWeek"), c("averageScore"), c("gradingSeconds")];
      rows = inspectors.map((row) => [
        row.externalId,
        row.name,
        row.reviews,
        round(row.perWeek, 2),
        score(row.averageScore),
        row.averageGradingSeconds === null ? null : Math.round(row.averageGradingSeconds),
      ]);
      break;
    }
    case "red-lines": {
      const incidents = await redLineIncidents(filter, scope, null);
      header = [
        c("submittedAt"),
        c("externalId"),
        c("agent"),
        c("team"),
        c("inspector"),
        c("redLineCriteria"),
        c("reviewId"),
      ];
      rows = incidents.map((row) => [
        row.submittedAt,
        row.agentExternalId,
        row.agentName,
        row.teamName,
        row.inspectorName,
        row.criteria.join("; "),
        row.reviewId,
      ]);
      break;
    }
  }
  return csvDocument(header, rows);
}
