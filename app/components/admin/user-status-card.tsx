import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { StatusBadge } from "./badges";

type Props = { status: "active" | "inactive"; isSelf: boolean; activeSessions: number; errors?: string[] | null };

/** Deactivate / reactivate. Deactivating signs the person out everywhere. */
export function UserStatusCard({ status, isSelf, activeSessions, errors }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const next = status === "active" ? "inactive" : "active";
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "setStatus";
  return (
    <section className="card p-6" aria-labelledby="status-heading">
      <h2 id="status-heading" className="text-base font-semibold text-slate-900">
        {t("admin:users.statusTitle")}
      </h2>
      <p className="mt-2 flex items-center gap-2 text-sm text-slate-600">
        {t("fields.status")}: <StatusBadge status={status} />
      </p>
      <p className="mt-1 text-sm text-slate-500">{t("admin:users.activeSessions", { count: activeSessions })}</p>
      <Form
        method="post"
        className="mt-4 space-y-3"
        onSubmit={(event) => {
          if (next === "inactive" && !window.confirm(t("admin:users.deactivateConfirm"))) event.preventDefault();
        }}
      >
        <FormError errors={errors} />
        <input type="hidden" name="intent" value="setStatus" />
        <input type="hidden" name="status" value={next} />
        {isSelf && next === "inactive" ? (
          <p className="text-sm text-slate-500">{t("admin:users.cannotDeactivateSelfHint")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-500">
              {t(next === "inactive" ? "admin:users.deactivateHelp" : "admin:users.reactivateHelp")}
            </p>
            <button
              type="submit"
              className={next === "inactive" ? "btn-danger" : "btn-secondary"}
              disabled={busy}
              data-testid="toggle-status"
            >
              {t(next === "inactive" ? "admin:users.deactivate" : "admin:users.reactivate")}
            </button>
          </>
        )}
      </Form>
    </section>
  );
}
