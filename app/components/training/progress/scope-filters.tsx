import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/filter-fields";

interface ScopeOptions {
  teams: { id: string; name: string }[];
  courses: { id: string; title: string }[];
  paths: { id: string; title: string }[];
}

/** The team / course / path selects shared by the progress report and the overdue list. */
export function ProgressScopeFilters({
  options,
  values,
}: {
  options: ScopeOptions;
  values: { team?: string; course?: string; path?: string };
}) {
  const { t } = useTranslation("training-learn");
  const allLabel = t("progress.filters.all");
  return (
    <>
      <FilterSelect
        id="team"
        name="team"
        label={t("progress.filters.team")}
        allLabel={allLabel}
        defaultValue={values.team}
        options={options.teams.map((team) => ({ value: team.id, label: team.name }))}
      />
      <FilterSelect
        id="course"
        name="course"
        label={t("progress.filters.course")}
        allLabel={allLabel}
        defaultValue={values.course}
        options={options.courses.map((course) => ({ value: course.id, label: course.title }))}
      />
      <FilterSelect
        id="path"
        name="path"
        label={t("progress.filters.path")}
        allLabel={allLabel}
        defaultValue={values.path}
        options={options.paths.map((path) => ({ value: path.id, label: path.title }))}
      />
    </>
  );
}
