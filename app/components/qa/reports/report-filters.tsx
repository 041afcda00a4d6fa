import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { CHANNELS, PERIODS, type ReportFilter } from "~/modules/qa/reports/filters";

type Option = { id: string; name: string };

const toOption = (option: Option) => ({ value: option.id, label: option.name });

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
      <FilterSelect
        id="report-period"
        name="period"
        label={t("filters.period")}
        value={period}
        onChange={(event) => setPeriod(event.target.value as ReportFilter["period"])}
        options={PERIODS.map((value) => ({ value, label: t(`periods.${value}`) }))}
      />
      {period === "custom" ? (
        <>
          <FilterInput
            id="report-from"
            name="from"
            type="date"
            label={t("filters.from")}
            defaultValue={filter.from}
            required
          />
          <FilterInput id="report-to" name="to" type="date" label={t("filters.to")} defaultValue={filter.to} required />
        </>
      ) : null}
      <FilterSelect
        id="report-team"
        name="team"
        label={t("common:fields.team")}
        defaultValue={filter.teamId ?? ""}
        allLabel={t("filters.allTeams")}
        options={teams.map(toOption)}
      />
      <FilterSelect
        id="report-rubric"
        name="rubric"
        label={t("filters.rubric")}
        defaultValue={filter.rubricId ?? ""}
        allLabel={t("filters.allRubrics")}
        options={rubrics.map(toOption)}
      />
      <FilterSelect
        id="report-channel"
        name="channel"
        label={t("filters.channel")}
        defaultValue={filter.channel ?? ""}
        allLabel={t("filters.allChannels")}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
      />
      <FilterSelect
        id="report-granularity"
        name="granularity"
        label={t("filters.granularity")}
        defaultValue={filter.granularity}
        options={[
          { value: "week", label: t("granularity.week") },
          { value: "month", label: t("granularity.month") },
        ]}
      />
      <FilterActions />
    </Form>
  );
}
