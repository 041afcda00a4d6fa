/**
 * The built-in KPI formulas (pure). A KpiDefinition names one of these by `metric`; the snapshot job computes every
 * metric for every agent and team, so definitions only decide what is shown, with which name, target and teams.
 * Formulas in full: docs/kpi-formulas.md.
 */
export const KPI_METRIC_KEYS = [
  "conversations_handled",
  "first_response_median",
  "first_response_mean",
  "avg_response_time",
  "resolution_rate",
  "resolution_time",
  "csat_percent",
  "survey_response_rate",
  "complaint_rate",
  "conversion_rate",
  "qa_score",
  "red_line_incidents",
  "exam_pass_rate",
  "exam_mean_score",
  "training_completion",
  "feedback_score",
] as const;
export type KpiMetricKey = (typeof KPI_METRIC_KEYS)[number];

export type KpiUnit = "count" | "seconds" | "percent" | "score" | "rating";
export type KpiDirectionValue = "higher" | "lower";

/** Where the rows behind a number live: what a drill-down lists. */
export type KpiSource = "conversations" | "replies" | "reviews" | "exam_attempts" | "assignments" | "feedback";

export interface KpiMetric {
  key: KpiMetricKey;
  unit: KpiUnit;
  direction: KpiDirectionValue;
  source: KpiSource;
  /** Conversation-level metrics follow the attribution setting (last agent or split); the rest credit a person. */
  attributed: boolean;
  /** Default names for a new definition; definitions carry their own. */
  nameZh: string;
  nameEn: string;
}

const metric = (key: KpiMetricKey, rest: Omit<KpiMetric, "key">): KpiMetric => ({ key, ...rest });

export const KPI_METRICS: Record<KpiMetricKey, KpiMetric> = {
  conversations_handled: metric("conversations_handled", {
    unit: "count",
    direction: "higher",
    source: "conversations",
    attributed: true,
    nameZh: "接待量",
    nameEn: "Conversations handled",
  }),
  first_response_median: metric("first_response_median", {
    unit: "seconds",
    direction: "lower",
    source: "conversations",
    attributed: false,
    nameZh: "首次响应时间（中位数）",
    nameEn: "First response time (median)",
  }),
  first_response_mean: metric("first_response_mean", {
    unit: "seconds",
    direction: "lower",
    source: "conversations",
    attributed: false,
    nameZh: "首次响应时间（平均）",
    nameEn: "First response time (mean)",
  }),
  avg_response_time: metric("avg_response_time", {
    unit: "seconds",
    direction: "lower",
    source: "replies",
    attributed: false,
    nameZh: "平均响应时间",
    nameEn: "Average response time",
  }),
  resolution_rate: metric("resolution_rate", {
    unit: "percent",
    direction: "higher",
    source: "conversations",
    attributed: true,
    nameZh: "问题解决率",
    nameEn: "Resolution rate",
  }),
  resolution_time: metric("resolution_time", {
    unit: "seconds",
    direction: "lower",
    source: "conversations",
    attributed: true,
    nameZh: "处理时长",
    nameEn: "Resolution time",
  }),
  csat_percent: metric("csat_percent", {
    unit: "percent",
    direction: "higher",
    source: "conversations",
    attributed: true,
    nameZh: "客户满意度",
    nameEn: "CSAT",
  }),
  survey_response_rate: metric("survey_response_rate", {
    unit: "percent",
    direction: "higher",
    source: "conversations",
    attributed: true,
    nameZh: "评价回收率",
    nameEn: "Survey response rate",
  }),
  complaint_rate: metric("complaint_rate", {
    unit: "percent",
    direction: "lower",
    source: "conversations",
    attributed: true,
    nameZh: "投诉率",
    nameEn: "Complaint rate",
  }),
  conversion_rate: metric("conversion_rate", {
    unit: "percent",
    direction: "higher",
    source: "conversations",
    attributed: true,
    nameZh: "询单转化率",
    nameEn: "Conversion rate",
  }),
  qa_score: metric("qa_score", {
    unit: "score",
    direction: "higher",
    source: "reviews",
    attributed: false,
    nameZh: "质检得分",
    nameEn: "QA score",
  }),
  red_line_incidents: metric("red_line_incidents", {
    unit: "count",
    direction: "lower",
    source: "reviews",
    attributed: false,
    nameZh: "红线违规次数",
    nameEn: "Red-line incidents",
  }),
  exam_pass_rate: metric("exam_pass_rate", {
    unit: "percent",
    direction: "higher",
    source: "exam_attempts",
    attributed: false,
    nameZh: "考试通过率",
    nameEn: "Exam pass rate",
  }),
  exam_mean_score: metric("exam_mean_score", {
    unit: "score",
    direction: "higher",
    source: "exam_attempts",
    attributed: false,
    nameZh: "考试平均分",
    nameEn: "Exam mean score",
  }),
  training_completion: metric("training_completion", {
    unit: "percent",
    direction: "higher",
    source: "assignments",
    attributed: false,
    nameZh: "培训完成率",
    nameEn: "Training completion",
  }),
  feedback_score: metric("feedback_score", {
    unit: "rating",
    direction: "higher",
    source: "feedback",
    attributed: false,
    nameZh: "360评估得分",
    nameEn: "360 score",
  }),
};

export function isKpiMetricKey(value: string): value is KpiMetricKey {
  return (KPI_METRIC_KEYS as readonly string[]).includes(value);
}

/** Is `value` on the good side of `target` for this direction (equal counts as met)? */
export function meetsTarget(value: number, target: number, direction: KpiDirectionValue): boolean {
  return direction === "higher" ? value >= target : value <= target;
}
