import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { REVIEW_STATUSES, type ReviewFilter } from "~/modules/qa/reviews/review-filters";

type Option = { id: string; name: string; externalId?: string };

export type ReviewFilterOptions = {
  teams: Option[];
  agents: Option[];
  inspectors: Option[];
  rubrics: Option[];
  criteria: { key: string; name: string }[];
};

function Select({
  name,
  label,
  value,
  all,
  options,
}: {
  name: string;
  label: string;
  value: string;
  all: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="label">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className="input">
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

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
      <Select
        name="team"
        label={t("qa-review:fields.team")}
        value={filter.team}
        all={all}
        options={options.teams.map(person)}
      />
      <Select
        name="agent"
        label={t("qa-review:fields.agent")}
        value={filter.agent}
        all={all}
        options={options.agents.map(person)}
      />
      <Select
        name="inspector"
        label={t("qa-review:fields.inspector")}
        value={filter.inspector}
        all={all}
        options={options.inspectors.map(person)}
      />
      <Select
        name="rubric"
        label={t("qa-review:fields.rubric")}
        value={filter.rubric}
        all={all}
        options={options.rubrics.map(person)}
      />
      <Select
        name="criterion"
        label={t("qa-review:fields.criterion")}
        value={filter.criterion}
        all={all}
        options={options.criteria.map((criterion) => ({ value: criterion.key, label: criterion.name }))}
      />
      <Select
        name="status"
        label={t("qa-review:fields.status")}
        value={filter.status}
        all={all}
        options={REVIEW_STATUSES.map((status) => ({ value: status, label: t(`qa-review:status.${status}`) }))}
      />
      <div>
        <label htmlFor="filter-from" className="label">
          {t("qa-review:filters.from")}
        </label>
        <input id="filter-from" name="from" type="date" defaultValue={filter.from} className="input" />
      </div>
      <div>
        <label htmlFor="filter-to" className="label">
          {t("qa-review:filters.to")}
        </label>
        <input id="filter-to" name="to" type="date" defaultValue={filter.to} className="input" />
      </div>
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
      <div className="flex items-end gap-2 lg:col-span-5">
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
