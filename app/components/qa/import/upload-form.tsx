import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { Icon } from "~/components/icons";

export function UploadForm({ maxMegabytes, error }: { maxMegabytes: number; error: string | null }) {
  const { t } = useTranslation(["qa-import", "common"]);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  return (
    <Form method="post" encType="multipart/form-data" className="card space-y-5 p-6" data-testid="conversation-upload">
      <h2 className="text-base font-semibold text-slate-900">{t("upload.title")}</h2>
      <FormError errors={error ? [error] : null} />
      <Field id="import-file" label={t("upload.file")} hint={t("upload.fileHint", { max: maxMegabytes })}>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".jsonl,.ndjson,.json,.csv,.txt,application/x-ndjson,text/csv"
          className="input"
        />
      </Field>
      <Field id="import-format" label={t("upload.format")}>
        <select id="import-format" name="format" defaultValue="auto" className="input">
          <option value="auto">{t("upload.formats.auto")}</option>
          <option value="jsonl">{t("upload.formats.jsonl")}</option>
          <option value="csv">{t("upload.formats.csv")}</option>
        </select>
      </Field>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={busy}>
          <Icon name="upload" className="h-4 w-4" />
          {busy ? t("upload.submitting") : t("upload.submit")}
        </button>
      </div>
    </Form>
  );
}

export function FormatHelp({
  limits,
}: {
  limits: { maxMessages: number; maxTextLength: number; maxApiItems: number };
}) {
  const { t } = useTranslation("qa-import");
  const example = `{"id":"TB20260301-0001","channel":"chat","startedAt":"2026-03-01T10:02:11+08:00","agents":["A1001"],"customer":"tb_xiaomi88","csat":5,"messages":[{"from":"customer","at":"2026-03-01T10:02:11+08:00","text":"这件外套有M码吗？"},{"from":"agent","agent":"A1001","at":"2026-03-01T10:02:40+08:00","text":"亲，M码有货的哦～"}]}`;
  return (
    <section className="card space-y-3 p-6 text-sm text-slate-600">
      <h2 className="text-base font-semibold text-slate-900">{t("help.title")}</h2>
      <p>{t("help.jsonl")}</p>
      <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 text-xs text-slate-700">{example}</pre>
      <p>{t("help.csv")}</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t("help.idempotent")}</li>
        <li>{t("help.limits", limits)}</li>
        <li>{t("help.cli")}</li>
      </ul>
    </section>
  );
}
