import enAdmin from "~/locales/en/admin.json";
import enAuth from "~/locales/en/auth.json";
import enCommon from "~/locales/en/common.json";
import enHome from "~/locales/en/home.json";
import enJobs from "~/locales/en/jobs.json";
import enNotifications from "~/locales/en/notifications.json";
import enValidation from "~/locales/en/validation.json";
import zhAdmin from "~/locales/zh-CN/admin.json";
import zhAuth from "~/locales/zh-CN/auth.json";
import zhCommon from "~/locales/zh-CN/common.json";
import zhHome from "~/locales/zh-CN/home.json";
import zhJobs from "~/locales/zh-CN/jobs.json";
import zhNotifications from "~/locales/zh-CN/notifications.json";
import zhValidation from "~/locales/zh-CN/validation.json";

import enQa from "~/locales/en/qa.json";
import enQaImport from "~/locales/en/qa-import.json";
import enQaRubrics from "~/locales/en/qa-rubrics.json";
import enQaSampling from "~/locales/en/qa-sampling.json";
import enQaReview from "~/locales/en/qa-review.json";
import enQaDisputes from "~/locales/en/qa-disputes.json";
import enQaCalibration from "~/locales/en/qa-calibration.json";
import enQaCoaching from "~/locales/en/qa-coaching.json";
import enQaReports from "~/locales/en/qa-reports.json";
import zhQa from "~/locales/zh-CN/qa.json";
import zhQaImport from "~/locales/zh-CN/qa-import.json";
import zhQaRubrics from "~/locales/zh-CN/qa-rubrics.json";
import zhQaSampling from "~/locales/zh-CN/qa-sampling.json";
import zhQaReview from "~/locales/zh-CN/qa-review.json";
import zhQaDisputes from "~/locales/zh-CN/qa-disputes.json";
import zhQaCalibration from "~/locales/zh-CN/qa-calibration.json";
import zhQaCoaching from "~/locales/zh-CN/qa-coaching.json";
import zhQaReports from "~/locales/zh-CN/qa-reports.json";

import enTraining from "~/locales/en/training.json";
import enTrainingCourses from "~/locales/en/training-courses.json";
import enTrainingLearn from "~/locales/en/training-learn.json";
import enTrainingKb from "~/locales/en/training-kb.json";
import enTrainingBanks from "~/locales/en/training-banks.json";
import enTrainingExams from "~/locales/en/training-exams.json";
import enTrainingAttempts from "~/locales/en/training-attempts.json";
import enTrainingAssign from "~/locales/en/training-assign.json";
import zhTraining from "~/locales/zh-CN/training.json";
import zhTrainingCourses from "~/locales/zh-CN/training-courses.json";
import zhTrainingLearn from "~/locales/zh-CN/training-learn.json";
import zhTrainingKb from "~/locales/zh-CN/training-kb.json";
import zhTrainingBanks from "~/locales/zh-CN/training-banks.json";
import zhTrainingExams from "~/locales/zh-CN/training-exams.json";
import zhTrainingAttempts from "~/locales/zh-CN/training-attempts.json";
import zhTrainingAssign from "~/locales/zh-CN/training-assign.json";

import enKpi from "~/locales/en/kpi.json";
import enFeedback from "~/locales/en/feedback.json";
import enLevels from "~/locales/en/levels.json";
import zhKpi from "~/locales/zh-CN/kpi.json";
import zhFeedback from "~/locales/zh-CN/feedback.json";
import zhLevels from "~/locales/zh-CN/levels.json";

import enRoleplay from "~/locales/en/roleplay.json";
import enAwards from "~/locales/en/awards.json";
import enLedger from "~/locales/en/ledger.json";
import zhRoleplay from "~/locales/zh-CN/roleplay.json";
import zhAwards from "~/locales/zh-CN/awards.json";
import zhLedger from "~/locales/zh-CN/ledger.json";

export const SUPPORTED_LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const NAMESPACES = [
  "common",
  "auth",
  "home",
  "admin",
  "jobs",
  "notifications",
  "validation",
  "qa",
  "qa-import",
  "qa-rubrics",
  "qa-sampling",
  "qa-review",
  "qa-disputes",
  "qa-calibration",
  "qa-coaching",
  "qa-reports",
  "training",
  "training-courses",
  "training-learn",
  "training-kb",
  "training-banks",
  "training-exams",
  "training-attempts",
  "training-assign",
  "kpi",
  "feedback",
  "levels",
  "roleplay",
  "awards",
  "ledger",
] as const;

export const resources = {
  "zh-CN": {
    common: zhCommon,
    auth: zhAuth,
    home: zhHome,
    admin: zhAdmin,
    jobs: zhJobs,
    notifications: zhNotifications,
    validation: zhValidation,
    qa: zhQa,
    "qa-import": zhQaImport,
    "qa-rubrics": zhQaRubrics,
    "qa-sampling": zhQaSampling,
    "qa-review": zhQaReview,
    "qa-disputes": zhQaDisputes,
    "qa-calibration": zhQaCalibration,
    "qa-coaching": zhQaCoaching,
    "qa-reports": zhQaReports,
    training: zhTraining,
    "training-courses": zhTrainingCourses,
    "training-learn": zhTrainingLearn,
    "training-kb": zhTrainingKb,
    "training-banks": zhTrainingBanks,
    "training-exams": zhTrainingExams,
    "training-attempts": zhTrainingAttempts,
    "training-assign": zhTrainingAssign,
    kpi: zhKpi,
    feedback: zhFeedback,
    levels: zhLevels,
    roleplay: zhRoleplay,
    awards: zhAwards,
    ledger: zhLedger,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    home: enHome,
    admin: enAdmin,
    jobs: enJobs,
    notifications: enNotifications,
    validation: enValidation,
    qa: enQa,
    "qa-import": enQaImport,
    "qa-rubrics": enQaRubrics,
    "qa-sampling": enQaSampling,
    "qa-review": enQaReview,
    "qa-disputes": enQaDisputes,
    "qa-calibration": enQaCalibration,
    "qa-coaching": enQaCoaching,
    "qa-reports": enQaReports,
    training: enTraining,
    "training-courses": enTrainingCourses,
    "training-learn": enTrainingLearn,
    "training-kb": enTrainingKb,
    "training-banks": enTrainingBanks,
    "training-exams": enTrainingExams,
    "training-attempts": enTrainingAttempts,
    "training-assign": enTrainingAssign,
    kpi: enKpi,
    feedback: enFeedback,
    levels: enLevels,
    roleplay: enRoleplay,
    awards: enAwards,
    ledger: enLedger,
  },
} as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "common",
  ns: [...NAMESPACES],
  resources,
  interpolation: { escapeValue: false },
};
