import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { name: string; externalId: string } | null;
};

export function NewTokenNotice({ name, secret }: { name: string; secret: string }) {
  const { t } = useTranslation("qa-import");
  const [copied, setCopied] = useState(false);
  return (
    <div className="card border-emerald-200 bg-emerald-50 p-6" role="status" data-testid="new-token">
      <p className="font-medium text-emerald-900">{t("tokens.createdTitle", { name })}</p>
      <p className="mt-1 text-sm text-emerald-800">{t("tokens.createdBody")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="select-all break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900">
          {secret}
        </code>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? t("tokens.copied") : t("tokens.copy")}
        </button>
      </div>
    </div>
  );
}

export function TokenTable({ rows }: { rows: TokenRow[] }) {
  const { t } = useTranslation(["qa-import", "common"]);
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="api-tokens">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">{t("tokens.name")}</th>
            <th className="px-4 py-2">{t("tokens.prefix")}</th>
            <th className="px-4 py-2">{t("tokens.createdBy")}</th>
            <th className="px-4 py-2">{t("tokens.createdAt")}</th>
            <th className="px-4 py-2">{t("tokens.lastUsedAt")}</th>
            <th className="px-4 py-2">{t("tokens.status")}</th>
            <th className="px-4 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className={row.revokedAt ? "text-slate-400" : ""}>
              <td className="px-4 py-2 font-medium">{row.name}</td>
              <td className="px-4 py-2 font-mono text-xs">{row.prefix}…</td>
              <td className="px-4 py-2">{row.createdBy?.name ?? "—"}</td>
              <td className="whitespace-nowrap px-4 py-2">{format.dateTime(row.createdAt)}</td>
              <td className="whitespace-nowrap px-4 py-2">
                {row.lastUsedAt ? format.dateTime(row.lastUsedAt) : t("tokens.neverUsed")}
              </td>
              <td className="px-4 py-2">
                {row.revokedAt ? (
                  <span className="badge bg-slate-100 text-slate-500">
                    {t("tokens.revokedAt", { when: format.date(row.revokedAt) })}
                  </span>
                ) : (
                  <span className="badge bg-emerald-50 text-emerald-700">{t("tokens.active")}</span>
                )}
              </td>
              <td className="px-4 py-2 text-right">
                {row.revokedAt ? null : (
                  <Form
                    method="post"
                    onSubmit={(event) => {
                      if (!window.confirm(t("tokens.revokeConfirm", { name: row.name }))) event.preventDefault();
                    }}
                  >
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="tokenId" value={row.id} />
                    <button type="submit" className="btn-ghost text-rose-700">
                      {t("tokens.revoke")}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
