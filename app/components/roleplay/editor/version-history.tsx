import { useTranslation } from "react-i18next";
import { VersionStatusBadge } from "~/components/training/courses/badges";
import { useFormat } from "~/utils/use-format";

type VersionRow = {
  id: string;
  version: number;
  status: "draft" | "published" | "superseded";
  title: string;
  publishedAt: string | null;
  updatedAt: string;
  rubric: { name: string; version: number } | null;
  sessions: number;
};

/** Every version of a scenario: sessions keep the version they started, so older ones still carry results. */
export function VersionHistory({ versions }: { versions: readonly VersionRow[] }) {
  const { t } = useTranslation("roleplay");
  const format = useFormat();
  return (
    <section className="card overflow-hidden">
      <h2 className="border-b border-slate-200 px-5 py-3 text-base font-semibold text-slate-900">
        {t("authoring.versions.title")}
      </h2>
      <div className="overflow-x-auto">
        <table className="table-base" data-testid="scenario-versions">
          <thead>
            <tr>
              <th scope="col">{t("authoring.versions.version")}</th>
              <th scope="col">{t("authoring.versions.status")}</th>
              <th scope="col">{t("authoring.fields.title")}</th>
              <th scope="col">{t("authoring.fields.rubric")}</th>
              <th scope="col">{t("authoring.versions.sessions")}</th>
              <th scope="col">{t("authoring.versions.publishedAt")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {versions.map((version) => (
              <tr key={version.id}>
                <td className="font-mono text-sm">v{version.version}</td>
                <td>
                  <VersionStatusBadge status={version.status} />
                </td>
                <td className="text-sm">{version.title}</td>
                <td className="text-sm text-slate-600">
                  {version.rubric ? `${version.rubric.name} v${version.rubric.version}` : "—"}
                </td>
                <td className="tabular-nums text-sm">{format.number(version.sessions)}</td>
                <td className="text-sm text-slate-500">
                  {version.publishedAt ? format.dateTime(version.publishedAt) : format.dateTime(version.updatedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
