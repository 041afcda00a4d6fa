import { useTranslation } from "react-i18next";

const DIFFICULTY_STYLES = {
  easy: "bg-emerald-50 text-emerald-700",
  medium: "bg-sky-50 text-sky-700",
  hard: "bg-rose-50 text-rose-700",
} as const;

export function DifficultyBadge({ difficulty }: { difficulty: keyof typeof DIFFICULTY_STYLES }) {
  const { t } = useTranslation("roleplay");
  return <span className={`badge ${DIFFICULTY_STYLES[difficulty]}`}>{t(`authoring.difficulty.${difficulty}`)}</span>;
}

export function RubricBadge() {
  const { t } = useTranslation("roleplay");
  return <span className="badge bg-violet-50 text-violet-700">{t("authoring.list.rubricScored")}</span>;
}
