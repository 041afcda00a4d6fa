import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CHANNELS, PERIODS, type ReportFilter } from "~/modules/qa/reports/filters";

type Option = { id: string; name: string };

/** GET form: the filters live in the URL so a report can be bookmarked, shared and exported as shown. */
export function ReportFilters({
  filter,
  teams,
  rubrics,
}: {
  filter: ReportFilter;
  teams: Option[];
  rubrics: Option[];
}) {
  const { t } = useTranslation(["qa-reports", "common"]);
  const [period, setPeriod] = useState(filter.period);
  return (
    <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-7" role="search">
      <div>
        <label htmlFor="report-period" className="label">
          {t("filters.period")}
        </label>
        <select
          id="report-period"
          name="period"
          value={period}
          onChange={(event) => setPeriod(event.target.value as ReportFilter["period"])}
          className="input"
        >
          {PERIODS.map((value) => (
            <option key={value} value={value}>
              {t(`periods.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {period === "custom" ? (
        <>
          <div>
            <label htmlFor="report-from" className="label">
              {t("filters.from")}
            </label>
            <input id="report-from" name="from" type="date" defaultValue={filter.from} className="input" required />
          </div>
          <div>
            <label htmlFor="report-to" className="label">
              {t("filters.to")}
            </label>
            <input id="report-to" name="to" type="date" defaultValue={filter.to} className="input" required />
          </div>
        </>
      ) : null}
      <div>
        <label htmlFor="report-team" className="label">
          {t("common:fields.team")}
        </label>
        <select id="report-team" name="team" defaultValue={filter.teamId ?? ""} className="input">
          <option value="">{t("filters.allTeams")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="report-rubric" className="label">
          {t("filters.rubric")}
        </label>
        <select id="report-rubric" name="rubric" defaultValue={filter.rubricId ?? ""} className="input">
          <option value="">{t("filters.allRubrics")}</option>
          {rubrics.map((rubric) => (
            <option key={rubric.id} value={rubric.id}>
              {rubric.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="report-channel" className="label">
          {t("filters.channel")}
        </label>
        <select id="report-channel" name="channel" defaultValue={filter.channel ?? ""} className="input">
          <option value="">{t("filters.allChannels")}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channels.${channel}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="report-granularity" className="label">
          {t("filters.granularity")}
        </label>
        <select id="report-granularity" name="granularity" defaultValue={filter.granularity} className="input">
          <option value="week">{t("granularity.week")}</option>
          <option value="month">{t("granularity.month")}</option>
        </select>
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary">
          {t("common:actions.filter")}
        </button>
        <Link to="?" className="btn-ghost">
          {t("common:actions.reset")}
        </Link>
      </div>
    </Form>
  );
}
