import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { REVIEW_STATUSES, type ReviewFilter } from "~/modules/qa/reviews/review-filters";

type Option = { id: string; name: string; externalId?: string };

export type ReviewFilterOptions = {
  teams: Option[];
  agents: Option[];
  inspectors: Option[];
  rubrics: Option[];
  criteria: { key: string; name: string }[];
};

const person = (option: Option) => ({
  value: option.id,
  label: option.externalId ? `${option.name}（${option.externalId}）` : option.name,
});

/** GET form over the drill-down parameters, so every filtered list is a link reports can point at. */
export function ReviewFilterForm({ filter, options }: { filter: ReviewFilter; options: ReviewFilterOptions }) {
  const { t } = useTranslation(["qa-review", "common"]);
  const all = t("qa-review:filters.all");
  return (
    <Form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-5" role="search">
      <FilterSelect
        id="filter-team"
        name="team"
        label={t("qa-review:fields.team")}
        defaultValue={filter.team}
        allLabel={all}
        options={options.teams.map(person)}
      />
      <FilterSelect
        id="filter-agent"
        name="agent"
        label={t("qa-review:fields.agent")}
        defaultValue={filter.agent}
        allLabel={all}
        options={options.agents.map(person)}
      />
      <FilterSelect
        id="filter-inspector"
        name="inspector"
        label={t("qa-review:fields.inspector")}
        defaultValue={filter.inspector}
        allLabel={all}
        options={options.inspectors.map(person)}
      />
      <FilterSelect
        id="filter-rubric"
        name="rubric"
        label={t("qa-review:fields.rubric")}
        defaultValue={filter.rubric}
        allLabel={all}
        options={options.rubrics.map(person)}
      />
      <FilterSelect
        id="filter-criterion"
        name="criterion"
        label={t("qa-review:fields.criterion")}
        defaultValue={filter.criterion}
        allLabel={all}
        options={options.criteria.map((criterion) => ({ value: criterion.key, label: criterion.name }))}
      />
      <FilterSelect
        id="filter-status"
        name="status"
        label={t("qa-review:fields.status")}
        defaultValue={filter.status}
        allLabel={all}
        options={REVIEW_STATUSES.map((status) => ({ value: status, label: t(`qa-review:status.${status}`) }))}
      />
      <FilterInput
        id="filter-from"
        name="from"
        type="date"
        label={t("qa-review:filters.from")}
        defaultValue={filter.from}
      />
      <FilterInput id="filter-to" name="to" type="date" label={t("qa-review:filters.to")} defaultValue={filter.to} />
      <fieldset className="flex flex-col justify-end gap-1 text-sm text-slate-700">
        <legend className="sr-only">{t("qa-review:filters.flags")}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="failed" value="1" defaultChecked={filter.failed} />
          {filter.criterion ? t("qa-review:filters.criterionFailed") : t("qa-review:filters.failed")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="critical" value="1" defaultChecked={filter.critical} />
          {t("qa-review:filters.critical")}
        </label>
      </fieldset>
      <FilterActions className="lg:col-span-5" />
    </Form>
  );
}
