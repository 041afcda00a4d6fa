import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RubricStatus } from "~/modules/qa/rubrics/rubric-schema";

const STATUS_STYLES: Record<RubricStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  active: "bg-emerald-50 text-emerald-700",
  archived: "bg-slate-200 text-slate-500",
};

export function RubricStatusBadge({ status }: { status: RubricStatus }) {
  const { t } = useTranslation("qa-rubrics");
  return <span className={`badge ${STATUS_STYLES[status]}`}>{t(`status.${status}`)}</span>;
}

/** One button per allowed transition (draft → active → archived, archived → active). */
export function RubricStatusActions({ next }: { next: readonly RubricStatus[] }) {
  const { t } = useTranslation("qa-rubrics");
  const navigation = useNavigation();
  if (next.length === 0) return null;
  return (
    <>
      {next.map((status) => (
        <Form method="post" key={status}>
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="status" value={status} />
          <button
            type="submit"
            className={status === "archived" ? "btn-secondary" : "btn-primary"}
            disabled={navigation.state === "submitting"}
          >
            {t(`statusAction.${status}`)}
          </button>
        </Form>
      ))}
    </>
  );
}
