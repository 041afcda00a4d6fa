import { useTranslation } from "react-i18next";
import type { RunInputs } from "~/modules/qa/sampling/schemas";
import { useFormat } from "~/utils/use-format";

type Props = { inputs: RunInputs & { names: { teams: string[]; agents: string[] } } };

/** A run's recorded inputs, readable: what was sampled from, and how. */
export function RunInputsView({ inputs }: Props) {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const format = useFormat();
  const { filters, strategyParams } = inputs;
  const all = t("inputs.all");
  const rows: [string, string][] = [
    [t("fields.strategy"), t(`strategies.${inputs.strategy}`)],
    [
      t("inputs.params"),
      strategyParams.percent !== undefined
        ? t("inputs.percent", { value: strategyParams.percent })
        : strategyParams.perAgent !== undefined
          ? t("inputs.perAgent", { value: strategyParams.perAgent })
          : strategyParams.total !== undefined
            ? t("inputs.total", { value: strategyParams.total })
            : t("inputs.everyMatch"),
    ],
    [t("fields.window"), `${format.dateTime(inputs.window.from)} – ${format.dateTime(inputs.window.to)}`],
    [t("fields.teams"), inputs.names.teams.join("、") || all],
    [t("fields.agents"), inputs.names.agents.join("、") || all],
    [t("fields.channels"), filters.channels.map((channel) => t(`channels.${channel}`)).join("、") || all],
    [t("fields.tags"), filters.tags.join("、") || all],
    [t("fields.csatMax"), filters.csatMax === null ? all : `≤ ${filters.csatMax}`],
    [t("fields.complaintOnly"), filters.complaintOnly ? t("inputs.yes") : t("inputs.no")],
    [t("fields.minHandlingSeconds"), filters.minHandlingSeconds === null ? all : `≥ ${filters.minHandlingSeconds}`],
    [t("fields.minMessages"), filters.minMessages === null ? all : `≥ ${filters.minMessages}`],
  ];
  return (
    <section className="card p-5" aria-labelledby="inputs-heading">
      <h2 id="inputs-heading" className="mb-3 font-semibold text-slate-900">
        {t("inputs.title")}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="run-inputs">
        {rows.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="w-32 shrink-0 text-slate-500">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
