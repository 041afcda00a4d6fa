import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

export type OrderPanelData = {
  orderNumber: string;
  platform?: string;
  items: { name: string; sku?: string; quantity?: number; price: number }[];
  amount: number;
  orderedAt: string;
  deliveredAt?: string;
  status: string;
  issue: string;
  notes?: string[];
};

/** The order as the agent's back office shows it during the conversation. */
export function OrderPanel({ order }: { order: OrderPanelData }) {
  const { t } = useTranslation("roleplay");
  const format = useFormat();
  const money = (value: number) => format.number(value, { style: "currency", currency: "CNY" });
  return (
    <section className="card space-y-3 p-4 text-sm" aria-labelledby="order-title" data-testid="order-panel">
      <h2 id="order-title" className="text-sm font-semibold text-slate-500">
        {t("play.order.title")}
      </h2>
      <dl className="grid grid-cols-[auto,1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">{t("play.order.number")}</dt>
        <dd className="font-mono text-slate-900">{order.orderNumber}</dd>
        {order.platform ? (
          <>
            <dt className="text-slate-500">{t("play.order.platform")}</dt>
            <dd className="text-slate-900">{order.platform}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t("play.order.status")}</dt>
        <dd className="text-slate-900">{order.status}</dd>
        <dt className="text-slate-500">{t("play.order.orderedAt")}</dt>
        <dd className="text-slate-900">{order.orderedAt}</dd>
        {order.deliveredAt ? (
          <>
            <dt className="text-slate-500">{t("play.order.deliveredAt")}</dt>
            <dd className="text-slate-900">{order.deliveredAt}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t("play.order.amount")}</dt>
        <dd className="font-medium text-slate-900">{money(order.amount)}</dd>
      </dl>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {order.items.map((item, index) => (
          <li key={`${item.sku ?? ""}-${index}`} className="flex items-start justify-between gap-2 px-3 py-2">
            <span className="text-slate-800">
              {item.name}
              {item.sku ? <span className="ml-1 font-mono text-xs text-slate-400">{item.sku}</span> : null}
            </span>
            <span className="whitespace-nowrap text-slate-600">
              × {item.quantity ?? 1} · {money(item.price)}
            </span>
          </li>
        ))}
      </ul>
      <div className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
        <p className="text-xs font-semibold">{t("play.order.issue")}</p>
        <p>{order.issue}</p>
      </div>
      {order.notes && order.notes.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-slate-600">
          {order.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
