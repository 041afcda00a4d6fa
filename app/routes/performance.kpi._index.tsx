import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { KpiCard } from "~/components/kpi/kpi-card";
import { PeriodSelect, type PeriodChoice } from "~/components/kpi/period-select";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { lastMonths, periodContaining, periodKey } from "~/modules/kpi/periods";
import { agentTrends, personalKpis } from "~/modules/kpi/read.server";
import { periodOptions, readPeriod } from "~/modules/kpi/team-page.server";

export const meta = titleFromLoader;

/** The signed-in person's own KPIs only: there is no parameter naming anyone else. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:kpi:own");
  const now = new Date();
  const url = new URL(request.url);
  const period = await readPeriod(url, now);
  const person = { id: user.id, teamId: user.teamId, roles: user.roles };
  const cards = await personalKpis(person, period);
  const endMonth = periodContaining("month", period.kind === "month" ? period.start : lastMonthOf(period));
  const metrics = [...new Set((cards ?? []).map((card) => card.definition.metric))];
  const trends = cards ? await agentTrends(person, lastMonths(endMonth, 12), metrics) : new Map();
  const key = periodKey(period);
  // Months always; quarters and years only once computed.
  const periods: PeriodChoice[] = (await periodOptions(now)).filter(
    (option) => option.kind === "month" || option.computed || option.key === key,
  );
  const zh = user.locale.startsWith("zh");
  return {
    pageTitle: await pageTitle(request, "kpi:mine.title"),
    period: key,
    periods,
    computed: cards !== null,
    cards: (cards ?? []).map((card) => ({
      key: card.definition.key,
      metric: card.definition.metric,
      name: zh ? card.definition.nameZh : card.definition.nameEn,
      unit: card.definition.unit,
      direction: card.definition.direction,
      value: card.value,
      target: card.target,
      teamMedian: card.teamMedian,
      met: card.met,
      sampleSize: card.sampleSize,
      trend: trends.get(card.definition.metric) ?? [],
      drillHref: `/performance/kpi/drill?${new URLSearchParams({ metric: card.definition.metric, period: key })}`,
    })),
  };
}

/** The last month of a quarter or year (its trend ends there). */
function lastMonthOf(period: { kind: string; start: string }) {
  const [year, month] = period.start.split("-").map(Number) as [number, number];
  const last = month + (period.kind === "quarter" ? 2 : 11);
  return `${year}-${String(last).padStart(2, "0")}-01`;
}

export default function MyKpiPage() {
  const { t } = useTranslation("kpi");
  const { period, periods, computed, cards } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("mine.title")} description={t("mine.description")} />
      <Form method="get" className="card flex flex-wrap items-end gap-3 p-4">
        <PeriodSelect id="my-kpi-period" options={periods} value={period} />
        <button type="submit" className="btn-primary">
          {t("team.show")}
        </button>
      </Form>
      {!computed ? (
        <div className="card">
          <EmptyState icon="chart" title={t("mine.notComputed")} body={t("mine.notComputedBody", { period })} />
        </div>
      ) : cards.length === 0 ? (
        <div className="card">
          <EmptyState icon="chart" title={t("mine.noDefinitions")} />
        </div>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {cards.map((card) => (
            <KpiCard key={card.key} card={card} />
          ))}
        </div>
      )}
    </div>
  );
}
