import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canRemind, nextReminderAt, type RecipientStatus } from "~/modules/training/assignments/rules";
import { useFormat } from "~/utils/use-format";
import { RecipientStatusBadge } from "./badges";

export type RecipientRow = {
  id: string;
  name: string;
  externalId: string;
  team: string | null;
  dueAt: string | null;
  completedAt: string | null;
  lastRemindedAt: string | null;
  status: RecipientStatus;
  progress: string | null;
};

/** Due dates are edited as calendar days in the organisation's time zone. */
function dayOf(value: string | null, timeZone: string) {
  if (!value) return "";
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(value),
  );
}

export function RecipientTable({ rows, kind }: { rows: RecipientRow[]; kind: string }) {
  const { t } = useTranslation(["training-assign", "common"]);
  const format = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="assignment-recipients">
        <thead>
          <tr>
            <th scope="col">{t("columns.person")}</th>
            <th scope="col">{t("columns.team")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.progress")}</th>
            <th scope="col">{t("columns.due")}</th>
            <th scope="col">{t("columns.lastReminded")}</th>
            <th scope="col">{t("columns.actions")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const remindable = row.status === "overdue" && canRemind(row.lastRemindedAt, format.now);
            const next = nextReminderAt(row.lastRemindedAt);
            return (
              <tr key={row.id}>
                <td>
                  {row.name}
                  <span className="ml-1 font-mono text-xs text-slate-500">{row.externalId}</span>
                </td>
                <td>{row.team ?? "—"}</td>
                <td>
                  <RecipientStatusBadge status={row.status} />
                  {row.completedAt ? (
                    <span className="block text-xs text-slate-500">{format.date(row.completedAt)}</span>
                  ) : null}
                </td>
                <td className="tabular-nums text-sm text-slate-600">
                  {row.progress === null
                    ? "—"
                    : kind === "exam"
                      ? t("detail.attempts", { count: Number(row.progress) })
                      : row.progress}
                </td>
                <td className="tabular-nums">{row.dueAt ? format.date(row.dueAt) : t("noDue")}</td>
                <td className="text-sm text-slate-600">
                  {row.lastRemindedAt ? format.dateTime(row.lastRemindedAt) : "—"}
                </td>
                <td>
                  {row.status !== "completed" ? (
                    <div className="flex flex-wrap items-center gap-2">
                      {row.status === "overdue" ? (
                        remindable ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="remind" />
                            <input type="hidden" name="recipientId" value={row.id} />
                            <button type="submit" className="btn-secondary px-2 py-1 text-xs" disabled={busy}>
                              {t("detail.remind")}
                            </button>
                          </Form>
                        ) : (
                          <span
                            className="text-xs text-slate-500"
                            title={next ? t("detail.nextRemind", { date: format.dateTime(next) }) : undefined}
                          >
                            {t("detail.reminded")}
                          </span>
                        )
                      ) : null}
                      <Form method="post" className="flex items-center gap-1">
                        <input type="hidden" name="intent" value="extend" />
                        <input type="hidden" name="recipientId" value={row.id} />
                        <label className="sr-only" htmlFor={`due-${row.id}`}>
                          {t("detail.extend")}
                        </label>
                        <input
                          id={`due-${row.id}`}
                          type="date"
                          name="dueDate"
                          required
                          defaultValue={dayOf(row.dueAt, format.context.timeZone)}
                          className="input w-36 py-1 text-xs"
                        />
                        <button type="submit" className="btn-ghost px-2 py-1 text-xs" disabled={busy}>
                          {t("detail.extendSubmit")}
                        </button>
                      </Form>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
