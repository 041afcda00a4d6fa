import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { formatKpiValue } from "~/modules/kpi/format";
import { useFormat } from "~/utils/use-format";
import { DrillTable } from "./drill-table";

type DrillData = {
  metric: string;
  definition: { nameZh: string; nameEn: string; unit: string };
  subject: { name: string };
  period: string;
  computed: boolean;
  value: number | null;
  source: string;
  total: number;
  rows: Parameters<typeof DrillTable>[0]["rows"];
  canOpenConversations: boolean;
};

export function DrillView({
  data,
  page,
  pageSize,
  back,
}: {
  data: DrillData;
  page: number;
  pageSize: number;
  back: string;
}) {
  const { t, i18n } = useTranslation("kpi");
  const format = useFormat();
  const name = i18n.language.startsWith("zh") ? data.definition.nameZh : data.definition.nameEn;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${t("drill.title")} · ${name}`}
        description={t(`formulas.${data.metric}`)}
        actions={
          <Link to={back} className="btn-ghost">
            {t("drill.back")}
          </Link>
        }
      />
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label={t("drill.subject")} value={data.subject.name} />
        <StatCard label={t("drill.period")} value={data.period} />
        <StatCard
          label={t("drill.value")}
          value={
            data.computed
              ? formatKpiValue(data.value, data.definition.unit, format.context.locale)
              : t("team.notComputed")
          }
        />
        <StatCard label={t(`drill.kinds.${data.rows[0]?.kind ?? "conversation"}`)} value={format.number(data.total)} />
      </div>
      <section className="card overflow-hidden">
        {data.rows.length === 0 ? (
          <EmptyState icon="list" title={t("drill.empty")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <DrillTable
                rows={data.rows}
                unit={data.definition.unit}
                canOpenConversations={data.canOpenConversations}
              />
            </div>
            <Pagination page={page} pageSize={pageSize} total={data.total} />
          </>
        )}
      </section>
    </div>
  );
}
