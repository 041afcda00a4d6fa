import { useTranslation } from "react-i18next";
import { DEFAULT_MONTHS, type CriterionResult, type CriterionSpec } from "~/modules/levels/criteria";
import { useFormat } from "~/utils/use-format";

/** KPI definitions and certification exams criteria refer to (from criterionVocabulary()). */
export type Vocabulary = {
  kpis: { key: string; nameZh: string; nameEn: string; unit: string; direction: "higher" | "lower" }[];
  exams: { slug: string; title: string; certificateTitle: string | null }[];
};

/** Translates a criterion ("近 3 个月质检均分 ≥ 85") and its actual value ("87.5 分", "暂无数据"). */
export function useCriterionText(vocabulary: Vocabulary) {
  const { t, i18n } = useTranslation("levels");
  const format = useFormat();
  const english = i18n.language.startsWith("en");
  const kpi = (key: string | null) => vocabulary.kpis.find((entry) => entry.key === key);
  const exam = (slug: string | null) => vocabulary.exams.find((entry) => entry.slug === slug);
  const num = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  const kpiValue = (key: string | null, value: number) => {
    const unit = kpi(key)?.unit;
    if (unit === "percent") return `${num(value)}%`;
    if (unit === "seconds") return t("units.seconds", { value: num(value) });
    if (unit === "hours") return t("units.hours", { value: num(value) });
    return num(value);
  };

  function required(criterion: CriterionSpec & { direction?: "higher" | "lower" | null }) {
    const months = criterion.months ?? DEFAULT_MONTHS;
    const threshold = criterion.threshold ?? 0;
    switch (criterion.kind) {
      case "kpi": {
        const definition = kpi(criterion.kpiKey);
        const direction = criterion.direction ?? definition?.direction ?? "higher";
        return t(`criteria.kpi.${direction}`, {
          months,
          name: definition ? (english ? definition.nameEn : definition.nameZh) : criterion.kpiKey,
          threshold: kpiValue(criterion.kpiKey, threshold),
        });
      }
      case "certificate": {
        const entry = exam(criterion.examSlug);
        return t("criteria.certificate", { name: entry?.certificateTitle ?? entry?.title ?? criterion.examSlug });
      }
      default:
        return t(`criteria.${criterion.kind}`, { months, threshold: num(threshold) });
    }
  }

  function actual(result: CriterionResult) {
    if (result.kind === "certificate") return result.met ? t("actual.held") : t("actual.notHeld");
    if (result.actual === null) return t("actual.noData");
    switch (result.kind) {
      case "tenure_months":
        return t("actual.months", { value: result.actual });
      case "qa_average":
        return t("actual.score", { value: num(result.actual) });
      case "kpi":
        return kpiValue(result.kpiKey, result.actual);
      case "feedback_score":
        return num(result.actual);
      case "no_red_line":
        return t("actual.incidents", { count: result.actual });
    }
  }

  return { required, actual };
}

/** "2026年11月" / "November 2026" for a month's first day (YYYY-MM-DD). */
export function useMonthLabel() {
  const format = useFormat();
  return (firstDay: string) =>
    new Intl.DateTimeFormat(format.context.locale, { timeZone: "UTC", year: "numeric", month: "long" }).format(
      new Date(`${firstDay.slice(0, 10)}T00:00:00.000Z`),
    );
}
