import { useTranslation } from "react-i18next";

export type PeriodChoice = { key: string; kind: "month" | "quarter" | "year"; computed: boolean };

/** Grouped month / quarter / year choices, each marked when it has not been computed. */
export function PeriodSelect({ id, options, value }: { id: string; options: PeriodChoice[]; value: string }) {
  const { t } = useTranslation("kpi");
  const known = options.some((option) => option.key === value);
  return (
    <div>
      <label htmlFor={id} className="label">
        {t("periods.label")}
      </label>
      <select id={id} name="period" defaultValue={value} className="input">
        {known ? null : <option value={value}>{value}</option>}
        {(["month", "quarter", "year"] as const).map((kind) => {
          const group = options.filter((option) => option.kind === kind);
          if (group.length === 0) return null;
          return (
            <optgroup key={kind} label={t(`periods.${kind}`)}>
              {group.map((option) => (
                <option key={option.key} value={option.key}>
                  {option.key}
                  {option.computed ? "" : t("periods.notComputed")}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
