import { useTranslation } from "react-i18next";
import type { ContentStatus, VersionStatus } from "~/modules/training/courses/course-rules";

const CONTENT_STYLES: Record<ContentStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  published: "bg-emerald-50 text-emerald-700",
  archived: "bg-slate-200 text-slate-500",
};

const VERSION_STYLES: Record<VersionStatus, string> = {
  draft: "bg-amber-50 text-amber-700",
  published: "bg-emerald-50 text-emerald-700",
  superseded: "bg-slate-100 text-slate-500",
};

export function ContentStatusBadge({ status }: { status: ContentStatus }) {
  const { t } = useTranslation("training");
  return <span className={`badge ${CONTENT_STYLES[status]}`}>{t(`contentStatus.${status}`)}</span>;
}

export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useTranslation("training");
  return <span className={`badge ${VERSION_STYLES[status]}`}>{t(`versionStatus.${status}`)}</span>;
}

export function SourceBadge({ source }: { source: "app" | "file" }) {
  const { t } = useTranslation("training-courses");
  if (source !== "file") return null;
  return (
    <span className="badge bg-sky-50 text-sky-700" title={t("source.fileHint")}>
      {t("source.file")}
    </span>
  );
}

/** "2.5 小时" or "45 分钟": hours from an hour up, minutes below. */
export function Duration({ minutes }: { minutes: number }) {
  const { t } = useTranslation("training");
  if (minutes < 60) return <>{t("minutes", { count: minutes })}</>;
  return <>{t("hours", { count: Math.round((minutes / 60) * 10) / 10 })}</>;
}

/** The note on file-synced courses and paths: app edits are allowed and a changed file wins on the next sync. */
export function FileSourceNotice({ kind }: { kind: "course" | "path" }) {
  const { t } = useTranslation("training-courses");
  return (
    <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-800">
      {t(`source.notice.${kind}`)}
    </p>
  );
}
